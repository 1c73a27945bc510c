package dev.arbiter.sandbox;

import dev.arbiter.error.UnavailableException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class SandboxTest {
    static Sandbox sandbox;

    @BeforeAll
    static void open() {
        sandbox = Sandbox.open(SandboxFixtures.fast());
    }

    @Test
    void runsAProgramAndKeepsItsOutput() {
        ExecutionResult r = sandbox.run("print('hello from the sandbox')\n");

        assertThat(r.outcome()).isEqualTo(Outcome.PASSED);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEqualTo("hello from the sandbox\n");
    }

    @Test
    void recordsAFailedAssertionWithItsExitCodeAndTraceback() {
        ExecutionResult r = sandbox.run("assert 1 + 1 == 3, 'arithmetic'\n");

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.stderr()).contains("AssertionError: arithmetic");
    }

    @Test
    void usesNamespacesAndUid65534WhenRunningAsRoot() {
        assumeThat(Posix.effectiveUid()).as("test needs root (CI runs as root)").isZero();

        assertThat(sandbox.report().isolation()).isEqualTo(Isolation.ROOT_NAMESPACES);
        assertThat(sandbox.report().warnings()).isEmpty();
        assertThat(sandbox.run("import os; print(os.getuid(), os.getgid(), os.getgroups())\n").stdout())
                .isEqualTo("65534 65534 []\n");
    }

    @Test
    void givesTheProgramNoCapabilitiesAndNoNewPrivileges() {
        ExecutionResult r = sandbox.run("""
                status = open('/proc/self/status').read().splitlines()
                print([l for l in status if l.startswith(('CapEff', 'CapPrm', 'NoNewPrivs'))])
                """);

        assertThat(r.stdout()).contains("CapEff:\\t0000000000000000", "CapPrm:\\t0000000000000000",
                "NoNewPrivs:\\t1");
    }

    @Test
    void runsEachProgramInAFreshDirectoryWithOnlyItsOwnFile() {
        List<ExecutionResult> rs = sandbox.runAll(List.of(
                "open('left-behind.txt', 'w').write('x')\n",
                "import os; print(sorted(os.listdir('.')))\n"));

        assertThat(rs.get(1).stdout()).isEqualTo("['program.py']\n");
    }

    @Test
    void runsProgramsInParallelAndReturnsResultsInOrder() {
        List<String> programs = IntStream.range(0, 6).mapToObj(i -> "print(" + i + " * 7)\n").toList();

        List<ExecutionResult> rs = sandbox.runAll(programs);

        assertThat(rs).extracting(ExecutionResult::stdout)
                .containsExactly("0\n", "7\n", "14\n", "21\n", "28\n", "35\n");
    }

    @Test
    void handsTheProgramNonAsciiSourceAndOutputIntact() {
        ExecutionResult r = sandbox.run("print('naïve – 日本')\n");

        assertThat(r.stdout()).isEqualTo("naïve – 日本\n");
    }

    @Test
    void refusesToOpenWithoutAnInterpreter() {
        SandboxOptions o = SandboxFixtures.fast().withPython(Path.of("/nonexistent/python3"));

        assertThatThrownBy(() -> Sandbox.open(o)).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("/nonexistent/python3");
    }
}
