package dev.arbiter.cli;

import dev.arbiter.bench.DelayStubServer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bench run's id given where an evaluation run is read (a measured figure, rescore, diff, merge) is refused with
 * what the run is and where it can be seen, never with the JSON binder's message about the record's fields.
 */
class BenchRunWhereAnEvalIsReadTest extends PricedCliTest {
    @Test
    void everyCommandThatReadsAnEvaluationSaysTheRunIsABenchRun() throws Exception {
        String id, other;
        try (DelayStubServer s = DelayStubServer.start(1, 2)) {
            CliRun bench = benchQwen7bInt4(s, "1", "2");
            assertThat(bench.exit()).as(bench.err()).isZero();
            id = bench.json().path("run_id").asText();
            CliRun again = benchQwen7bInt4(s, "1", "2");
            assertThat(again.exit()).as(again.err()).isZero();
            other = again.json().path("run_id").asText();
        }
        List<String[]> commands = List.of(
                new String[]{"compare", "qwen2.5-7b", "--measured", "qwen2.5-7b=" + id, "--store", store()},
                new String[]{"recommend", "--hardware", "rtx-4090", "--use-case", "chatbot", "--measured", "qwen2.5-7b=" + id, "--store", store()},
                new String[]{"rescore", id, "--scorer", "exact", "--store", store()},
                new String[]{"diff", id, other, "--store", store()},
                new String[]{"merge", id, other, "--store", store()});
        for (String[] args : commands) {
            CliRun r = CliRun.of(args);
            String cmd = String.join(" ", args);
            assertThat(r.exit()).as(cmd + "\n" + r.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(r.err()).as(cmd).contains("run " + id + " is a bench run").contains("./arbiter report " + id)
                    .doesNotContain("RunRecord").doesNotContain("RunManifest").doesNotContain("Cannot construct");
        }
    }
}
