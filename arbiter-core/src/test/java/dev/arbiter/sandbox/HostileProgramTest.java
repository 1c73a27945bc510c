package dev.arbiter.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each hostile program must end as FAILED or TIMED_OUT, leave nothing running, and leave the machine able to run
 * the next program. Runs at the strongest isolation this machine has (root namespaces in CI).
 */
class HostileProgramTest {
    static Sandbox sandbox;
    final String marker = SandboxFixtures.marker();

    @BeforeAll
    static void open() {
        sandbox = Sandbox.open(SandboxFixtures.fast());
    }

    @AfterEach
    void nothingIsLeftRunningAndTheSandboxStillWorks() throws IOException {
        assertThat(SandboxFixtures.processesWith(marker)).isEmpty();
        assertThat(sandbox.run("print('still alive')\n").stdout()).isEqualTo("still alive\n");
    }

    @Test
    void aForkBombIsStoppedByTheProcessLimit() {
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
    }

    @Test
    void aMemoryHogGetsAMemoryError() {
        ExecutionResult r = sandbox.run("hog = bytearray(10 * 1024 ** 3)\n");

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.stderr()).contains("MemoryError");
    }

    @Test
    void anInfiniteLoopIsKilledAtTheTimeout() {
        ExecutionResult r = sandbox.run("while True:\n    pass\n");

        assertThat(r.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(r.signal()).isIn(OutcomeRules.SIGKILL, OutcomeRules.SIGXCPU);
    }

    @Test
    void aDetachedGrandchildDiesWithTheProgram() {
        // The child leaves the program's session and sleeps; the program itself exits at once and "passes".
        ExecutionResult r = sandbox.run("""
                import os, sys
                if os.fork() == 0:
                    os.setsid()
                    os.execv(sys.executable, [sys.executable, '-c', 'import time; time.sleep(60)', '%s'])
                print('parent done')
                """.formatted(marker));

        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        // @AfterEach asserts that no process with the marker in its command line survived.
    }

    @Test
    void writesOutsideTheWorkingDirectoryDoNotReachTheHost() throws IOException {
        Path tmp = Path.of("/tmp", marker);
        Path varTmp = Path.of("/var/tmp", marker);
        Path repo = Path.of("").toAbsolutePath().resolve(marker);
        Path home = Path.of(System.getProperty("user.home"), marker);
        try {
            ExecutionResult r = sandbox.run("""
                    import os
                    for path in ['%s', '%s', '%s', '%s']:
                        try:
                            with open(path, 'w') as f:
                                f.write('escaped')
                            print('wrote', path)
                        except OSError as e:
                            print('refused', path, e.strerror)
                    """.formatted(tmp, varTmp, repo, home));

            assertThat(r.stdout()).contains("refused " + repo).contains("refused " + home);
            assertThat(home).doesNotExist();
            assertThat(tmp).doesNotExist();
            assertThat(varTmp).doesNotExist();
            assertThat(repo).doesNotExist();
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(varTmp);
            Files.deleteIfExists(repo);
            Files.deleteIfExists(home);
        }
    }

    @Test
    void theCallersHomeAndCheckoutAreHiddenFromTheProgram() throws IOException {
        Path planted = Files.writeString(Path.of("target", marker).toAbsolutePath(), "token");
        try {
            ExecutionResult r = sandbox.run("""
                    import os
                    for path in ['%s', '%s', '/root', '/home', '%s']:
                        try:
                            print(path, os.listdir(path), open('%s').read() if path == '%s' else '')
                        except OSError as e:
                            print(path, 'refused', e.strerror)
                    print('cwd', os.listdir('/proc/1/cwd') if os.access('/proc/1/cwd', os.R_OK) else 'refused')
                    """.formatted(System.getProperty("user.home"), Path.of("").toAbsolutePath(), planted.getParent(),
                    planted, planted.getParent()));

            assertThat(r.stdout()).as(r.stderr()).doesNotContain("token").doesNotContain("pom.xml")
                    .doesNotContain(marker + "'").contains("/root refused").contains("cwd");
        } finally {
            Files.deleteIfExists(planted);
        }
    }

    @Test
    void signalsToTheLauncherAndEveryoneElseChangeNothingOutside() {
        ExecutionResult r = sandbox.run("""
                import os, signal
                for target in [os.getppid(), 1, -1]:
                    try:
                        os.kill(target, signal.SIGKILL)
                        print(target, 'sent')
                    except OSError as e:
                        print(target, e.strerror)
                print('still here')
                """);

        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.stdout()).contains("still here");
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void aGrandchildLeftRunningWhenTheProgramTimesOutIsKilled() {
        ExecutionResult r = sandbox.run("""
                import os, sys, time
                if os.fork() == 0:
                    os.setsid()
                    os.execv(sys.executable, [sys.executable, '-c', 'import time; time.sleep(60)', '%s'])
                time.sleep(60)
                """.formatted(marker));

        assertThat(r.outcome()).isEqualTo(Outcome.TIMED_OUT);
        // @AfterEach asserts that no process with the marker in its command line survived.
    }

    @Test
    void aSocketToALocalListenerNeverConnects() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ExecutionResult r = sandbox.run("""
                    import socket
                    s = socket.create_connection(('127.0.0.1', %d), timeout=2)
                    s.sendall(b'leak')
                    """.formatted(server.getLocalPort()));

            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            // The run is over: a connection it made would be waiting in the accept queue.
            server.setSoTimeout(300);
            assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void secretsInTheLauncherEnvironmentDoNotReachTheProgram() {
        String secret = "sk-" + marker;
        Map<String, String> env = new HashMap<>(Sandbox.LAUNCHER_ENV);
        env.put("ARBITER_TEST_SECRET", secret);
        Sandbox leaky = Sandbox.open(SandboxFixtures.fast(), env);

        ExecutionResult r = leaky.run("""
                import os
                print(sorted(os.environ))
                for pid in os.listdir('/proc'):
                    if pid.isdigit():
                        try:
                            print(pid, open('/proc/%s/environ' % pid, 'rb').read())
                        except OSError as e:
                            print(pid, 'unreadable')
                """);

        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.stdout()).startsWith("['HOME', 'LANG', 'PATH']\n").doesNotContain(secret)
                .doesNotContain("ARBITER_TEST_SECRET");
    }

    @Test
    void printingGigabytesIsCutAtTheCapAndKilled() {
        ExecutionResult r = sandbox.run("""
                import sys
                chunk = 'x' * (1 << 20)
                for _ in range(4096):
                    sys.stdout.write(chunk)
                """);

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.outputTruncated()).isTrue();
        assertThat(r.stdout()).hasSize(sandbox.options().outputCapBytes());
        assertThat(r.detail()).contains("stdout");
    }
}
