package dev.arbiter.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The fallback for machines without namespaces, forced here so CI (root, namespaces) exercises it too. */
class ProcessOnlyIsolationTest {
    @TempDir
    static Path scratch;
    static Sandbox sandbox;
    final String marker = SandboxFixtures.marker();

    @BeforeAll
    static void open() throws IOException {
        // Dropped to uid 65534, the program must be able to reach its directory: JUnit's temp dir is 0700.
        Files.setPosixFilePermissions(scratch, PosixFilePermissions.fromString("rwx--x--x"));
        SandboxOptions o = SandboxFixtures.fast().withAllowNamespaces(false);
        sandbox = Sandbox.open(new SandboxOptions(o.python(), o.timeout(), o.cpuSeconds(), o.memoryBytes(),
                o.maxProcesses(), o.outputCapBytes(), o.parallelism(), false, scratch));
    }

    @Test
    void warnsThatNetworkIsolationIsUnavailable() {
        assertThat(sandbox.report().isolation()).isEqualTo(Isolation.PROCESS_ONLY);
        assertThat(sandbox.report().networkIsolated()).isFalse();
        assertThat(sandbox.report().warnings()).contains(SandboxReport.NETWORK_WARNING)
                .anyMatch(w -> w.contains("disabled by configuration"));
    }

    @Test
    void thePythonGuardRefusesSockets() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ExecutionResult r = sandbox.run("""
                    import socket
                    socket.create_connection(('127.0.0.1', %d), timeout=2).sendall(b'leak')
                    """.formatted(server.getLocalPort()));

            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.stderr()).contains("network access is disabled by the Arbiter sandbox");
            server.setSoTimeout(300);
            assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aDetachedGrandchildIsFoundThroughTheSubreaperAndKilled() throws IOException {
        ExecutionResult r = sandbox.run("""
                import os, sys
                if os.fork() == 0:
                    os.setsid()
                    if os.fork() == 0:
                        os.execv(sys.executable, [sys.executable, '-c', 'import time; time.sleep(60)', '%s'])
                    os._exit(0)
                """.formatted(marker));

        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(SandboxFixtures.processesWith(marker)).isEmpty();
    }

    @Test
    void aForkBombEndsAndLeavesNothingBehind() throws IOException {
        ExecutionResult r = sandbox.run("""
                import os
                open('/proc/self/comm', 'w').write('%s')
                while True:
                    try:
                        os.fork()
                    except OSError:
                        pass
                """.formatted(marker));

        assertThat(r.outcome()).isIn(Outcome.FAILED, Outcome.TIMED_OUT);
        assertThat(SandboxFixtures.processesWith(marker)).isEmpty();
    }

    @Test
    void deletesTheWorkingDirectoryAfterTheRun() throws IOException {
        ExecutionResult r = sandbox.run("""
                import os
                os.makedirs('a/b/c')
                open('a/b/c/data.txt', 'w').write('x' * 1000)
                os.chmod('a/b', 0)
                print(os.getcwd())
                """);

        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.stdout()).startsWith(scratch.toString());
        try (var left = Files.list(scratch)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void asRootTheProgramRunsAsNobodyAndCannotWriteTheRepository() {
        assumeThat(Posix.effectiveUid()).as("test needs root (CI runs as root)").isZero();
        Path repo = Path.of("").toAbsolutePath().resolve(marker);

        ExecutionResult r = sandbox.run("""
                import os
                print(os.getuid())
                open('%s', 'w').write('escaped')
                """.formatted(repo));

        assertThat(r.stdout()).isEqualTo("65534\n");
        assertThat(r.stderr()).contains("PermissionError");
        assertThat(repo).doesNotExist();
    }
}
