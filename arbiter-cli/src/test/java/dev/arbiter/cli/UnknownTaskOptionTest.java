package dev.arbiter.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An --option the task never reads is refused before anything is asked of the server (as an unknown --scorer-option
 * is): {@code --option length=1k} for niah's {@code lengths} ran the default 15-cell grid and exited 0.
 */
class UnknownTaskOptionTest {
    @TempDir Path dir;

    /** An address where nothing listens: a task that is built gets as far as the probe, and fails there (exit 3). */
    private static String deadEndpoint() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "http://127.0.0.1:" + s.getLocalPort();
        }
    }

    private CliRun eval(String task, String... options) throws IOException {
        String[] base = {"eval", "--endpoint", deadEndpoint(), "--model", "m", "--task", task, "--limit", "2", "--quiet",
                "--store", dir.resolve("a.db").toString(), "--out", dir.resolve("runs").toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + options.length);
        System.arraycopy(options, 0, args, base.length, options.length);
        return CliRun.of(args);
    }

    @Test
    void aTypoInATasksOptionIsRefusedWithTheOptionsItReads() throws IOException {
        CliRun r = eval("niah", "--option", "length=1k", "--option", "depths=50");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("task niah does not take --option length").contains("it reads: ").contains("lengths");
        assertThat(r.err()).doesNotContain("did not answer the probe");
    }

    @Test
    void anotherTasksOptionIsRefusedToo() throws IOException {
        CliRun r = eval("chart_qa_synth", "--option", "lengths=1k");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("task chart_qa_synth does not take --option lengths");
    }

    @Test
    void aSubjectShotsOrLanguageTheTaskIgnoresIsRefused() throws IOException {
        for (String[] flag : new String[][]{{"--subject", "algebra"}, {"--shots", "3"}, {"--language", "fr"}}) {
            CliRun r = eval("niah", flag);
            assertThat(r.exit()).as(flag[0] + ": " + r.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.err()).contains("task niah does not take " + flag[0]);
        }
    }

    @Test
    void theOptionsATaskReadsGetPastTheCheck() throws IOException {
        CliRun r = eval("niah", "--option", "lengths=1k", "--option", "depths=50");
        assertThat(r.err()).doesNotContain("does not take");
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.UNAVAILABLE);  // built, then the probe finds no server
    }
}
