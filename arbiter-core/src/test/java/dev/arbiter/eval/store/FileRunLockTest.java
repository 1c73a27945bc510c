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
        Process other = otherProcessLocking("r9", true);
        try {
            assertThatThrownBy(() -> locks().acquire("r9")).isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("is being written by pid " + other.pid() + " on elsewhere");
        } finally {
            other.destroyForcibly().waitFor();
        }
        try (RunLease mine = locks().acquire("r9")) {
            assertThat(Files.readString(dir.resolve("locks").resolve(FileRunLock.fileName("r9")))).startsWith("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void runIdsThatAreNotPlainFileNamesStayInsideTheLockDirectory() {
        assertThat(FileRunLock.fileName("../../etc/passwd")).doesNotContain("/").endsWith(".lock");
        assertThat(FileRunLock.fileName("20250301-142233-7f3a9c")).isEqualTo("20250301-142233-7f3a9c.lock");
    }

    @Test
    void aRunNobodyEverLockedIsNotHeldAndAskingMakesNoLockFile() {
        assertThat(locks().held("r1")).isFalse();
        assertThat(dir.resolve("locks")).doesNotExist();
    }

    @Test
    void aLeaseOfThisProcessIsHeldAndAskingDoesNotReleaseIt() {
        FileRunLock l = locks();
        try (RunLease lease = l.acquire("r1")) {
            assertThat(l.held("r1")).isTrue();
            assertThat(l.held("r1")).as("asked twice: the first probe did not drop the lease's OS lock").isTrue();
            assertThat(locks().held("r2")).isFalse();
        }
        assertThat(l.held("r1")).isFalse();
    }

    @Test
    void aLockHeldByAnotherProcessIsHeldUntilThatProcessDies() throws Exception {
        Process other = otherProcessLocking("r9", true);
        try {
            assertThat(locks().held("r9")).isTrue();
            assertThat(locks().held("r9")).isTrue();
        } finally {
            other.destroyForcibly().waitFor();  // as kill -9: the kernel drops its lock
        }
        assertThat(locks().held("r9")).isFalse();
        try (RunLease resumed = locks().acquire("r9")) {
            assertThat(resumed.runId()).isEqualTo("r9");
        }
    }

    @Test
    void aWriterIsNotRefusedBecauseAReaderWasAskingAtThatMoment() throws Exception {
        // another process asking held() holds a shared lock for a moment (here 150 ms, longer than any real probe)
        Process reader = otherProcessLocking("r5", false);
        try (RunLease writer = locks().acquire("r5")) {
            assertThat(writer.runId()).isEqualTo("r5");
        } finally {
            reader.destroyForcibly().waitFor();
        }
    }

    /**
     * Another process taking the run's POSIX (fcntl) lock, as Java takes it: exclusive, naming itself in the file as a
     * writer in another JVM does, held a minute; or shared, as a reader's held() takes it, for 150 ms.
     */
    Process otherProcessLocking(String runId, boolean exclusive) throws Exception {
        Path lockDir = dir.resolve("locks");
        Files.createDirectories(lockDir);
        Process other = new ProcessBuilder("python3", "-c", """
                import fcntl, os, sys, time
                f = open(sys.argv[1], 'a+')
                if sys.argv[2] == 'ex':
                    fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    f.truncate(0); f.write('pid %d on elsewhere since then' % os.getpid()); f.flush()
                else:
                    fcntl.lockf(f, fcntl.LOCK_SH | fcntl.LOCK_NB)
                print('locked', flush=True)
                time.sleep(60 if sys.argv[2] == 'ex' else 0.15)
                """, lockDir.resolve(FileRunLock.fileName(runId)).toString(), exclusive ? "ex" : "sh").start();
        BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("locked");
        return other;
    }
}
