package dev.arbiter.sandbox;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomeRulesTest {
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("clean exit", report(0, null, false, false, null, null), Outcome.PASSED, "exit code 0"),
                Arguments.of("assertion", report(1, null, false, false, null, null), Outcome.FAILED, "exit code 1"),
                Arguments.of("wall timeout", report(null, 9, true, false, null, null), Outcome.TIMED_OUT,
                        "2000 ms wall-clock"),
                Arguments.of("SIGXCPU", report(null, 24, false, true, null, null), Outcome.TIMED_OUT, "CPU-time"),
                Arguments.of("output flood", report(null, 9, false, false, "stdout", null), Outcome.FAILED,
                        "more than 65536 bytes to stdout"),
                Arguments.of("segfault", report(null, 11, false, false, null, null), Outcome.FAILED, "signal 11"),
                Arguments.of("setup failure", report(null, null, false, false, null, "OSError: mount /tmp"),
                        Outcome.SANDBOX_ERROR, "sandbox: OSError"),
                Arguments.of("nothing reported", report(null, null, false, false, null, null),
                        Outcome.SANDBOX_ERROR, "neither"),
                Arguments.of("timeout wins over output", report(null, 9, true, false, "stderr", null),
                        Outcome.TIMED_OUT, "timeout"));
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("cases")
    void mapsLauncherFactsToOneOutcome(String name, LauncherReport r, Outcome expected, String detail) {
        ExecutionResult result = OutcomeRules.judge(r, Duration.ofMillis(2000), 2, 65536);

        assertThat(result.outcome()).isEqualTo(expected);
        assertThat(result.detail()).contains(detail);
        assertThat(result.outputTruncated()).isEqualTo(r.outputLimit() != null);
    }

    private static LauncherReport report(Integer exit, Integer signal, boolean timedOut, boolean cpu, String limit,
                                         String error) {
        return new LauncherReport(exit, signal, timedOut, cpu, limit, "out", "err", 3, 3, 10, 20, error);
    }
}
