package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.SharedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gsm8k run whose server fails every third question (a 503 with no retries left): the run ends "completed" and
 * exits 4, and every view must count those questions as unanswered — 8 of 12 — so the figure is marked incomplete and
 * never checked against the published one. (Before: runs said 12/12, compare showed no mark, and report called the
 * published figure contradicted.)
 */
class SampleErrorsAreNotAnswersTest {
    static final int N = 12;
    @TempDir Path dir;
    ScriptedLlmServer server;
    String runId;

    @BeforeEach
    void evalWithErrors() throws Exception {
        List<JsonNode> rows = StandardTasksEvalTest.lines(SharedData.path("gsm8k/test.jsonl"), N);
        Path data = StandardTasksEvalTest.writeJsonl(dir.resolve("gsm8k.jsonl"), rows);
        server = ScriptedLlmServer.builder().models("Qwen/Qwen2.5-7B-Instruct").script(r -> {
            String asked = r.lastUserMessage();
            for (int i = 0; i < rows.size(); i++) {
                if (asked != null && asked.contains(rows.get(i).get("question").asText())) {
                    if (i % 3 == 0) return Reply.status(503, "{\"error\":{\"message\":\"overloaded\"}}");
                    String gold = rows.get(i).get("answer").asText().replaceAll("(?s).*####\\s*", "").replace(",", "").strip();
                    return Reply.text("The answer is " + gold + ".");
                }
            }
            return Reply.text("OK");
        }).start();
        CliRun eval = CliRun.of("eval", "--endpoint", server.baseUri().toString(), "--model", "Qwen/Qwen2.5-7B-Instruct",
                "--task", "gsm8k", "--data", data.toString(), "--store", store(), "--out", dir.resolve("run").toString(),
                "--retries", "0", "--no-cache", "--quiet", "--format", "json");
        assertThat(eval.exit()).as(eval.err()).isEqualTo(ExitCode.COMPLETED_WITH_SAMPLE_ERRORS);
        runId = eval.json().get("run_id").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String store() {
        return dir.resolve("s.db").toString();
    }

    @Test
    void runsCountsTheErroredQuestionsAsUnanswered() {
        JsonNode row = CliRun.of("runs", "--store", store(), "--format", "json").json().get("runs").get(0);
        assertThat(row.get("answered").asInt()).isEqualTo(8);
        assertThat(row.get("planned").asInt()).isEqualTo(N);
        assertThat(CliRun.of("runs", "--store", store()).out()).contains(" 8/12 ").doesNotContain("12/12");
    }

    @Test
    void compareMarksTheFigureIncompleteWithEightOfTwelveAnswers() {
        CliRun json = CliRun.of("compare", "qwen2.5-7b", "--measured", "qwen2.5-7b=" + runId, "--store", store(), "--format", "json");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode cell = json.json().get("rows").get(0).get("scores").get("gsm8k");
        assertThat(cell.get("measured_answered").asInt()).isEqualTo(8);
        assertThat(cell.get("measured_planned").asInt()).isEqualTo(N);
        assertThat(CliRun.of("compare", "qwen2.5-7b", "--measured", "qwen2.5-7b=" + runId, "--store", store()).out())
                .contains("(incomplete: completed, 8 of 12 answers)");
    }

    @Test
    void reportNeverConfirmsOrContradictsAPublishedFigureFromIt() {
        CliRun r = CliRun.of("report", runId, "--store", store(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode claim = r.json().get("comparison").get(0);
        assertThat(claim.get("answered").asInt()).isEqualTo(8);
        assertThat(claim.get("verdict").asText()).isEqualTo("incomplete_run");
        assertThat(r.json().get("summary").get("findings").toString()).doesNotContain("contradicted", "confirmed");
    }
}
