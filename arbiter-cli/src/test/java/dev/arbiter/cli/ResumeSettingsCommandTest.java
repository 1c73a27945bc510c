package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.testing.RecordedRequest;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * eval's automatic resume and --resume against the real custom task on a scripted server with known answers: a
 * run that stopped midway is continued only with the same prompt and the same grading. {@code qN} is answered
 * {@code aN} for N ≤ 14 and wrongly above; any other prompt (a template's) gets "zzz", wrong for every row; q8 gets a
 * 400 while {@link #stopAtQ8} is set, which stops the first run with some answers stored.
 */
class ResumeSettingsCommandTest {
    static final int N = 20;
    static final String SECRET = "sk-judge-7c1e0f-DO-NOT-PRINT";
    static final String VAR = "ARBITER_RESUME_TEST_JUDGE_KEY";
    static final String TEMPLATE = "[reply:zzz] {prompt}";

    @TempDir Path dir;
    ScriptedLlmServer server;
    ScriptedLlmServer judge;
    volatile boolean stopAtQ8 = true;
    Path data;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedLlmServer.builder().models("m").script(r -> {
            String q = r.lastUserMessage();
            if (q == null || !q.matches("q\\d+")) return Reply.text(q != null && q.startsWith("[reply:") ? "zzz" : "OK");
            int i = Integer.parseInt(q.substring(1));
            if (i == 8 && stopAtQ8) return Reply.status(400, "{\"error\":{\"message\":\"scripted stop\"}}");
            return Reply.text(i <= 14 ? "a" + i : "wrong");
        }).start();
        judge = ScriptedLlmServer.builder().models("judge-a", "judge-b").requireApiKey(SECRET)
                .script(r -> Reply.text("GRADE: C")).start();
        EvalCommand.env = name -> name.equals(VAR) ? SECRET : null;
        StringBuilder rows = new StringBuilder();
        for (int i = 1; i <= N; i++) rows.append("{\"id\":\"s").append(i).append("\",\"input\":\"q").append(i)
                .append("\",\"target\":\"a").append(i).append("\"}\n");
        data = Files.writeString(dir.resolve("d.jsonl"), rows.toString());
    }

    @AfterEach
    void stop() {
        server.close();
        judge.close();
        EvalCommand.env = null;
    }

    CliRun eval(String... extra) {
        List<String> a = new ArrayList<>(List.of("eval", "--endpoint", server.baseUri().toString(), "--model", "m",
                "--task", "custom", "--data", data.toString(), "--retries", "0",
                "--no-cache", "--store", dir.resolve("s.db").toString(), "--quiet", "--format", "json"));
        a.addAll(List.of(extra));
        if (!a.contains("--concurrency")) a.addAll(List.of("--concurrency", "1"));
        if (!a.contains("--scorer")) a.addAll(List.of("--scorer", "exact"));
        return CliRun.of(a.toArray(String[]::new));
    }

    long questionsAsked() {
        return server.generationRequests().stream().map(RecordedRequest::lastUserMessage)
                .filter(q -> q != null && (q.matches("q\\d+") || q.startsWith("[reply:"))).count();
    }

    /** The first run, stopped by the 400 at q8 with the answers before it stored; its run id. */
    String stoppedRun(String... extra) {
        CliRun first = eval(extra);
        assertThat(first.exit()).as(first.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(first.json().path("status").asText()).as(first.err()).isEqualTo("failed");
        stopAtQ8 = false;
        return first.json().get("run_id").asText();
    }

    static double accuracy(CliRun r) {
        return r.json().get("tasks").get(0).get("metrics").get("accuracy").get("value").asDouble();
    }

    @Test
    void anotherTemplateStartsANewRunInsteadOfMixingTwoPrompts() {
        String first = stoppedRun("--out", dir.resolve("r1").toString());
        long before = questionsAsked();

        CliRun second = eval("--out", dir.resolve("r2").toString(), "--option", "template=" + TEMPLATE);
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err()).doesNotContain("resuming");
        assertThat(second.json().get("run_id").asText()).isNotEqualTo(first);
        assertThat(accuracy(second)).isZero();  // every answer asked with the template, none kept from the first run
        assertThat(questionsAsked() - before).isEqualTo(N);
        assertThat(second.json().get("manifest").get("setting").get("options").get("template").asText()).isEqualTo(TEMPLATE);
    }

    @Test
    void anotherScorerOptionStartsANewRunInsteadOfMixingTwoGradings() {
        String first = stoppedRun("--out", dir.resolve("r1").toString(), "--scorer-option", "ignore_case=false");
        CliRun second = eval("--out", dir.resolve("r2").toString(), "--scorer-option", "ignore_case=true");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.json().get("run_id").asText()).isNotEqualTo(first);
        assertThat(second.json().get("tasks").get(0).get("samples").asInt()).isEqualTo(N);
    }

    @Test
    void theSameFlagsAtAnotherConcurrencyStillResume() {
        String first = stoppedRun("--out", dir.resolve("r1").toString(), "--option", "template={prompt}",
                "--scorer-option", "ignore_case=false");
        long before = questionsAsked();
        CliRun again = eval("--concurrency", "3", "--scorer-option", "ignore_case=false", "--option", "template={prompt}");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.json().get("run_id").asText()).isEqualTo(first);
        assertThat(accuracy(again)).isEqualTo(14.0 / N);
        assertThat(questionsAsked() - before).isLessThan(N);
    }

    @Test
    void aRefusedResumeNamesTheOptionThatDiffersWithBothValues() {
        String first = stoppedRun("--out", dir.resolve("r1").toString());
        CliRun refused = eval("--resume", first, "--option", "template=" + TEMPLATE);
        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("--resume " + first)
                .contains("--option template (that run: not set; now: \"" + TEMPLATE + "\")");
    }

    @Test
    void anotherJudgeModelStartsANewRunAndNeitherTheKeyNorTheManifestHoldsTheJudgesKey() throws Exception {
        String[] judged = {"--scorer", "judge", "--judge-endpoint", judge.baseUri().toString(), "--judge-api-key-env", VAR};
        String first = stoppedRun(concat(judged, "--judge-model", "judge-a", "--out", dir.resolve("r1").toString()));
        CliRun second = eval(concat(judged, "--judge-model", "judge-b", "--out", dir.resolve("r2").toString()));
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.json().get("run_id").asText()).isNotEqualTo(first);
        JsonNode setting = Json.mapper().readTree(Files.readString(dir.resolve("r2/manifest.json"))).get("setting");
        assertThat(setting.get("judge").asText()).contains(judge.baseUri().toString()).endsWith("judge-b");

        CliRun refused = eval(concat(judged, "--judge-model", "judge-b", "--resume", first));
        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("judge (--judge-endpoint, --judge-model)").contains("judge-a").contains("judge-b");
        for (CliRun r : List.of(second, refused)) assertThat(r.out() + r.err()).doesNotContain(SECRET);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.toString()).doesNotContain(SECRET);
            }
        }
    }

    static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }
}
