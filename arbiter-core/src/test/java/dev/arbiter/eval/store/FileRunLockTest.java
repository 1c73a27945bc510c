package dev.arbiter.eval.store;

import dev.arbiter.error.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileRunLockTest {
    @TempDir Path dir;
    FileRunLock locks() {
        return new FileRunLock(dir.resolve("locks"), Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC));
    }

    @Test
    void aSecondWriterOfTheSameRunIsRefusedWithTheHoldersPidHostAndTime() {
        FileRunLock l = locks();
        try (RunLease held = l.acquire("20260102-030405-abcdef")) {
            assertThatThrownBy(() -> l.acquire("20260102-030405-abcdef"))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("run 20260102-030405-abcdef is being written by pid "
                            + ProcessHandle.current().pid() + " on ")
                    .hasMessageContaining("since 2026-01-02T03:04:05Z");
        }
    }

    @Test
    void theRunCanBeTakenAgainOnceReleased() {
        FileRunLock l = locks();
        l.acquire("r1").close();
        try (RunLease again = l.acquire("r1")) {
            assertThat(again.runId()).isEqualTo("r1");
        }
    }

    @Test
    void differentRunsDoNotBlockEachOther() {
        FileRunLock l = locks();
        try (RunLease a = l.acquire("r1"); RunLease b = l.acquire("r2")) {
            assertThat(b.runId()).isEqualTo("r2");
        }
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedAndFreedWhenThatProcessDies() throws Exception {
        Path lockDir = dir.resolve("locks");
        Files.createDirectories(lockDir);
        Path file = lockDir.resolve(FileRunLock.fileName("r9"));
        // Another process takes the same POSIX (fcntl) lock Java takes, and names itself in the file.
        Process other = new ProcessBuilder("python3", "-c", """
                import fcntl, os, sys, time
                f = open(sys.argv[1], 'a+')
                fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                f.truncate(0); f.write('pid %d on elsewhere since then' % os.getpid()); f.flush()
                print('locked', flush=True)
                time.sleep(60)
                """, file.toString()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> locks().acquire("r9")).isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("is being written by pid " + other.pid() + " on elsewhere");
        } finally {
            other.destroyForcibly().waitFor();
        }
        try (RunLease mine = locks().acquire("r9")) {
            assertThat(Files.readString(file)).startsWith("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void runIdsThatAreNotPlainFileNamesStayInsideTheLockDirectory() {
        assertThat(FileRunLock.fileName("../../etc/passwd")).doesNotContain("/").endsWith(".lock");
        assertThat(FileRunLock.fileName("20250301-142233-7f3a9c")).isEqualTo("20250301-142233-7f3a9c.lock");
    }
}
