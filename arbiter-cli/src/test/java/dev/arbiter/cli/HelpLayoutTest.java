package dev.arbiter.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** Help a person can copy from: examples whole, at the top level too, task names in eval's help, terminal width. */
class HelpLayoutTest {
    static CommandLine cli() {
        return Arbiter.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    @Test
    void everyExampleLineOfEveryCommandIsPrintedWholeNeverWrappedMidToken() {
        for (var e : cli().getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            CliRun r = CliRun.of(e.getKey(), "--help");
            assertThat(r.exit()).as(e.getKey()).isZero();
            for (String line : e.getValue().getCommandSpec().usageMessage().footer()) {
                if (line.isBlank()) continue;
                assertThat(r.out()).as(e.getKey() + " --help").contains(line.replace("%%", "%"));
            }
        }
    }

    @Test
    void aPercentSignInAFooterIsPrintedOnce() {
        assertThat(CliRun.of("mt-bench-pair", "--help").out()).contains("95% intervals").doesNotContain("95%%");
    }

    @Test
    void theTopLevelHelpHasExamples() {
        CliRun r = CliRun.of("--help");
        assertThat(r.out()).contains("Examples:").contains("./arbiter recommend --hardware rtx-4090 --use-case code");
    }

    @Test
    void evalHelpListsTheTaskNames() {
        assertThat(CliRun.of("eval", "--help").out()).contains("Tasks (--task):").contains("gsm8k").contains("humaneval").contains("mmlu");
    }

    @Test
    void theUsageWidthFollowsTheTerminal() {
        CommandLine cl = cli();
        assertThat(cl.isUsageHelpAutoWidth()).isTrue();
        assertThat(cl.getSubcommands().get("recommend").isUsageHelpAutoWidth()).isTrue();
    }
}
