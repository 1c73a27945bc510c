package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.testing.ContractServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code eval}'s text and JSON show the answers' outcomes and what to do about them, against recorded vLLM answers. */
class EvalOutcomesCommandTest {
    @TempDir Path dir;

    private CliRun eval(ContractServer s, String... more) throws Exception {
        Path csv = dir.resolve("qa.csv");
        Files.writeString(csv, "question,answer\r\nHow many clips?,72\r\nAnd in May?,24\r\n");
        String[] base = {"eval", "--endpoint", s.baseUri().toString(), "--model", "Qwen/Qwen3-8B", "--task", "custom",
                "--data", csv.toString(), "--field", "input=question", "--field", "target=answer", "--scorer", "includes",
                "--store", dir.resolve("a.db").toString(), "--out", dir.resolve("run").toString(), "--quiet", "--no-stream",
                "--no-resume"};
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRun.of(all);
    }

    @Test
    void answersCutOffWhileThinkingAreCountedAsTruncatedWithAHintInTextAndJson() throws Exception {
        try (ContractServer s = ContractServer.of("vllm").answer("POST /v1/chat/completions", 200, "chat-reasoning-length.json").start()) {
            CliRun text = eval(s);
            assertThat(text.exit()).as(text.err()).isZero(); // a defined outcome, not a failure
            assertThat(text.out()).contains("answers: truncated 2").contains("hint: 2 answers were cut off")
                    .contains("raise --max-tokens");

            CliRun json = eval(s, "--format", "json");
            JsonNode task = json.json().path("tasks").get(0);
            assertThat(task.path("sample_outcomes").path("truncated").asInt()).isEqualTo(2);
            assertThat(task.path("hints").get(0).asText()).contains("--max-tokens");
            assertThat(task.path("scored").asInt()).isZero();

            Path html = dir.resolve("run.html");
            CliRun report = CliRun.of("report", json.json().path("run_id").asText(), "--store", dir.resolve("a.db").toString(),
                    "--out", html.toString());
            assertThat(report.exit()).as(report.err()).isZero();
            assertThat(Files.readString(html)).contains("answers {truncated=2}").contains("raise --max-tokens")
                    .contains(">truncated</td>");
        }
    }

    @Test
    void aPromptTooLongForSglangIsOneSampleOutcomeNotAnExit2() throws Exception {
        try (ContractServer s = ContractServer.of("sglang")
                .answerWhen("POST /v1/chat/completions", r -> "How many clips?".equals(r.lastUserMessage()), 400, "error-context-overflow.json")
                .start()) {
            CliRun json = eval(s, "--format", "json");
            assertThat(json.exit()).as(json.err()).isZero();
            JsonNode task = json.json().path("tasks").get(0);
            assertThat(task.path("sample_outcomes").path("context_overflow").asInt()).isEqualTo(1);
            assertThat(task.path("sample_outcomes").path("scored").asInt()).isEqualTo(1);
        }
    }
}
