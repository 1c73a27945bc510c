package dev.arbiter.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** With namespaces, a program sees the interpreter, the system libraries and its scratch folder: nothing else. */
class FilesystemViewTest {
    static Sandbox sandbox;

    @BeforeAll
    static void open() {
        sandbox = Sandbox.open(SandboxFixtures.fast());
    }

    @Test
    void worldReadableFilesOutsideTheScratchFolderDoNotExistForTheProgram() throws Exception {
        assumeTrue(sandbox.report().isolation().namespaces(), "needs namespaces");
        String marker = SandboxFixtures.marker();
        Path inHostTmp = Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), marker + ".txt"), marker);
        Path elsewhere = Files.writeString(Path.of("target", marker + ".txt").toAbsolutePath(), marker);
        for (Path p : new Path[] {inHostTmp, elsewhere}) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        try {
            ExecutionResult r = sandbox.run("""
                    import os
                    for path in ['%s', '%s', '/etc/hostname', '/etc/passwd']:
                        try:
                            print(path, 'READ', open(path).read())
                        except OSError as e:
                            print(path, 'refused', e.strerror)
                    print('root', sorted(os.listdir('/')))
                    print('tmp', sorted(os.listdir('/tmp')))
                    """.formatted(inHostTmp, elsewhere));

            assertThat(r.outcome()).as(r.stderr()).isEqualTo(Outcome.PASSED);
            assertThat(r.stdout()).doesNotContain("READ").doesNotContain(marker + "\n")
                    .contains(inHostTmp + " refused").contains(elsewhere + " refused")
                    .contains("/etc/passwd refused");
            String root = r.stdout().lines().filter(l -> l.startsWith("root ")).findFirst().orElseThrow();
            assertThat(root).doesNotContain("'etc'").doesNotContain("'home'").doesNotContain("'root'")
                    .doesNotContain("'work'").doesNotContain("'opt'").contains("'usr'").contains("'tmp'");
            assertThat(r.stdout()).contains("tmp ['work']");
        } finally {
            Files.deleteIfExists(inHostTmp);
            Files.deleteIfExists(elsewhere);
        }
    }

    @Test
    void theInterpretersStandardLibraryIsThereAndReadOnly() {
        assumeTrue(sandbox.report().isolation().namespaces(), "needs namespaces");
        ExecutionResult r = sandbox.run("""
                import os, json, decimal, fractions, collections
                try:
                    open(os.__file__, 'a').close()
                    print('WROTE')
                except OSError as e:
                    print('refused', e.strerror)
                """);

        assertThat(r.outcome()).as(r.stderr()).isEqualTo(Outcome.PASSED);
        assertThat(r.stdout()).startsWith("refused").doesNotContain("WROTE");
    }
}
