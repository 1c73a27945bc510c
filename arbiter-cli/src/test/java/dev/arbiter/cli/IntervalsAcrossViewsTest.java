package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run, 3 right of 11, over HTTP: its normal interval is value ± 1.96·SE = 0.2727 ± 1.96 × 0.1408 =
 * [-0.0033, 0.5488] (the sample SE, unclipped, as the README says of {@code ci95}) and Wilson's is [0.0975, 0.5656].
 * Every view gives both, each under its own name: the JSON, {@code runs RUN} and the run's HTML page.
 */
class IntervalsAcrossViewsTest {
    static final String NORMAL = "[-0.0033, 0.5488]", WILSON = "[0.0975, 0.5656]";

    @TempDir Path dir;
    TinyOpenAiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TinyOpenAiServer("tiny", q -> Integer.parseInt(q.substring(1)) < 3 ? "a" + q.substring(1) : "nope");
        EvalCommand.registry = () -> CliTestTask.registry(11);
    }

    @AfterEach
    void stop() {
        server.close();
        EvalCommand.registry = null;
    }

    @Test
    void theJsonGivesTheUnclippedNormalIntervalAndEveryViewNamesBothIntervals() {
        String store = dir.resolve("a.db").toString();
        CliRun eval = CliRun.of("eval", "--endpoint", server.url().toString(), "--model", "tiny", "--task", "truth",
                "--store", store, "--out", dir.resolve("run").toString(), "--retries", "0", "--format", "json");
        assertThat(eval.exit()).as(eval.err()).isZero();
        JsonNode acc = eval.json().at("/tasks/0/metrics/accuracy");
        assertThat(acc.path("value").asDouble()).isEqualTo(3 / 11.0);
        double low = 3 / 11.0 - 1.959963984540054 * acc.path("stderr").asDouble();
        assertThat(acc.path("ci95").get(0).asDouble()).isEqualTo(low).isNegative();
        String id = eval.json().path("run_id").asText();

        assertThat(CliRun.of("runs", id, "--store", store).out())
                .contains("normal 95% CI " + NORMAL + "  Wilson 95% CI " + WILSON + "  n=11");
        String html = CliRun.of("report", id, "--store", store).out();
        assertThat(html).contains("<th>stderr</th><th>normal 95% CI</th><th>Wilson 95% CI</th><th>n</th>")
                .contains("<td>" + NORMAL + "</td><td>" + WILSON + "</td><td>11</td>")
                .doesNotContain("<th>95% CI</th>");
    }
}
