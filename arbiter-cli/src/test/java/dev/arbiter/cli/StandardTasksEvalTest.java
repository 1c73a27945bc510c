package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.Script;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.SharedData;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The command line's own task registry, end to end: real shared data, a scripted server on 127.0.0.1 whose right
 * and wrong answers are known, and the reported score must equal that truth exactly.
 */
class StandardTasksEvalTest {
    @TempDir Path dir;
    final List<ScriptedLlmServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(ScriptedLlmServer::close);
        Discovered.ports = dev.arbiter.client.EndpointDiscovery.DEFAULT_PORTS;
    }

    ScriptedLlmServer server(Script s) {
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m").script(s).start();
        servers.add(srv);
        return srv;
    }

    CliRun eval(ScriptedLlmServer srv, String... args) {
        List<String> a = new ArrayList<>(List.of("eval", "--endpoint", srv.baseUri().toString(), "--model", "m",
                "--store", dir.resolve("s.db").toString(), "--out", dir.resolve("run-" + System.nanoTime()).toString(),
                "--quiet", "--format", "json"));
        a.addAll(List.of(args));
        return CliRun.of(a.toArray(String[]::new));
    }

    static JsonNode metrics(CliRun r) {
        assertThat(r.exit()).as(r.err()).isZero();
        return r.json().get("tasks").get(0).get("metrics");
    }

    static List<JsonNode> lines(Path p, int n) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader in = p.toString().endsWith(".gz")
                ? new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(p)), StandardCharsets.UTF_8))
                : Files.newBufferedReader(p)) {
            String line;
            while ((line = in.readLine()) != null && out.size() < n) out.add(Json.mapper().readTree(line));
        }
        return out;
    }

    static Path writeJsonl(Path file, List<JsonNode> rows) throws Exception {
        StringBuilder b = new StringBuilder();
        for (JsonNode r : rows) b.append(Json.mapper().writeValueAsString(r).replace("\n", "")).append('\n');
        Files.writeString(file, b.toString());
        return file;
    }

    @Test
    void gsm8kScoresTheScriptedModelsKnownRightAnswers() throws Exception {
        List<JsonNode> rows = lines(SharedData.path("gsm8k/test.jsonl"), 20);
        Path data = writeJsonl(dir.resolve("gsm8k.jsonl"), rows);
        // right on even-numbered problems, off by one on odd ones: 10 of 20
        ScriptedLlmServer srv = server(r -> {
            String asked = r.lastUserMessage();
            for (int i = 0; i < rows.size(); i++) {
                if (asked.contains(rows.get(i).get("question").asText())) {
                    String gold = rows.get(i).get("answer").asText().replaceAll("(?s).*####\\s*", "").replace(",", "").strip();
                    long v = Long.parseLong(gold) + (i % 2 == 0 ? 0 : 1);
                    return Reply.text("Let me work it out. The answer is " + v + ".");
                }
            }
            return Reply.text("I do not know.");
        });
        JsonNode m = metrics(eval(srv, "--task", "gsm8k", "--data", data.toString()));
        assertThat(m.get("accuracy").get("value").asDouble()).isEqualTo(0.5);
    }

    CliRun gsm8kAsText() throws Exception {
        Path data = writeJsonl(dir.resolve("gsm8k.jsonl"), lines(SharedData.path("gsm8k/test.jsonl"), 3));
        ScriptedLlmServer srv = server(r -> Reply.text("The answer is 3."));
        CliRun r = CliRun.of("eval", "--endpoint", srv.baseUri().toString(), "--model", "m", "--task", "gsm8k",
                "--data", data.toString(), "--store", dir.resolve("s.db").toString(), "--out", dir.resolve("run").toString(),
                "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

    @Test
    void theTextSummaryLinesUpMetricsWithNamesLongerThanAccuracy() throws Exception {
        CliRun r = gsm8kAsText();
        List<Integer> plusMinusColumns = r.out().lines().filter(l -> l.contains(" ± ")).map(l -> l.indexOf(" ± ")).distinct().toList();
        assertThat(r.out()).contains("flexible_accuracy");
        assertThat(plusMinusColumns).hasSize(1);
    }

    @Test
    void runsKeepsItsColumnsInLineWhenATaskNameIsLong() throws Exception {
        gsm8kAsText();
        CliRun r = CliRun.of("runs", "--store", dir.resolve("s.db").toString());
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(1)).contains("gsm8k-zero-shot-cot");
        assertThat(lines.get(1).substring(lines.get(0).indexOf("MODEL"))).startsWith("m ");
        assertThat(lines.get(1).indexOf("completed")).isEqualTo(lines.get(0).indexOf("STATUS"));
    }

    @Test
    void runsShowsWhenARunStartedToTheSecond() throws Exception {
        gsm8kAsText();
        CliRun r = CliRun.of("runs", "--store", dir.resolve("s.db").toString());
        assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).containsPattern("T\\d\\d:\\d\\d:\\d\\dZ$");
    }

    @Test
    void theTextSummarySaysOneEpochInTheSingular() throws Exception {
        assertThat(gsm8kAsText().out()).contains("3 samples × 1 epoch;");
    }

    @Test
    void humanEvalRunsTheAnswersInTheSandboxAndReportsPassAtOne() throws Exception {
        List<JsonNode> rows = lines(SharedData.path("humaneval/HumanEval.jsonl.gz"), 6);
        Path data = writeJsonl(dir.resolve("he.jsonl"), rows);
        // canonical solution for problems 0, 2, 4; a wrong body for 1, 3, 5: pass@1 = 0.5
        ScriptedLlmServer srv = server(r -> {
            String asked = r.lastUserMessage();
            for (int i = 0; i < rows.size(); i++) {
                JsonNode p = rows.get(i);
                if (asked.contains(p.get("prompt").asText().strip())) {
                    String body = i % 2 == 0 ? p.get("canonical_solution").asText() : "    return None\n";
                    return Reply.text("Here it is:\n```python\n" + p.get("prompt").asText() + body + "```\n");
                }
            }
            return Reply.text("no idea");
        });
        CliRun r = eval(srv, "--task", "humaneval", "--data", data.toString());
        JsonNode m = metrics(r);
        assertThat(m.get("pass@1").get("value").asDouble()).isCloseTo(0.5, within(1e-9));
        JsonNode outcomes = r.json().get("tasks").get(0).get("outcomes");
        assertThat(outcomes.get("passed").asInt()).isEqualTo(3);
        assertThat(outcomes.get("failed").asInt()).isEqualTo(3);
    }

    @Test
    void theTextSummaryShowsHumanEvalOutcomesAsWholeCountsOfAnswers() throws Exception {
        Path data = writeJsonl(dir.resolve("he.jsonl"), lines(SharedData.path("humaneval/HumanEval.jsonl.gz"), 2));
        ScriptedLlmServer srv = server(r -> Reply.text("```python\ndef nothing():\n    return None\n```\n"));
        CliRun r = CliRun.of("eval", "--endpoint", srv.baseUri().toString(), "--model", "m", "--task", "humaneval",
                "--data", data.toString(), "--store", dir.resolve("s.db").toString(), "--out", dir.resolve("run").toString(),
                "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("  failed +2 of 2 answers\n").containsPattern("  passed +0 of 2 answers\n")
                .doesNotContain("2.0000");
    }

    /** Questions "q one" … "q four" with answers A … D, in the given subjects, as MMLU-style JSONL. */
    private Path fourMmluQuestions(String name, String... subjects) throws java.io.IOException {
        String[] words = {"one", "two", "three", "four"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lines.add("{\"question\": \"q " + words[i] + "\", \"choices\": [\"a\", \"b\", \"c\", \"d\"], \"answer\": \""
                    + (char) ('A' + i) + "\", \"subject\": \"" + subjects[i] + "\"}");
        }
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    /** Answers A, B, C right and the fourth (D) wrong. */
    private ScriptedLlmServer rightOnThreeOfFour() {
        return server(Script.replyWith(q -> q.contains("q one") ? "A" : q.contains("q two") ? "B" : q.contains("q three") ? "C" : "A"));
    }

    @Test
    void rescoreKeepsTheTasksOwnMetrics() throws Exception {
        Path csv = fourMmluQuestions("mmlu2.jsonl", "law", "law", "art", "art");
        ScriptedLlmServer srv = rightOnThreeOfFour();
        CliRun run = eval(srv, "--task", "mmlu", "--data", csv.toString());
        JsonNode before = metrics(run);
        assertThat(before.has("macro_accuracy")).isTrue();
        CliRun rescored = CliRun.of("rescore", run.json().get("run_id").asText(), "--scorer", "choice",
                "--store", dir.resolve("s.db").toString(), "--out", dir.resolve("rescored").toString(), "--format", "json");
        JsonNode after = metrics(rescored);
        // the run's own metrics, not accuracy alone
        assertThat(after.fieldNames()).toIterable().containsExactlyElementsOf(() -> before.fieldNames());
        assertThat(after.get("macro_accuracy").get("value").asDouble()).isEqualTo(0.75);
        assertThat(after.get("subject/art").get("value").asDouble()).isEqualTo(0.5);
    }

    @Test
    void compareShowsAStoredRunBesideThePublishedFigure() throws Exception {
        // four MMLU-style JSONL questions, the model right on three: measured MMLU = 75.0
        Path csv = fourMmluQuestions("mmlu.jsonl", "s", "s", "s", "s");
        ScriptedLlmServer srv = rightOnThreeOfFour();
        CliRun run = eval(srv, "--task", "mmlu", "--data", csv.toString());
        assertThat(metrics(run).get("accuracy").get("value").asDouble()).isEqualTo(0.75);
        String runId = run.json().get("run_id").asText();
        CliRun cmp = CliRun.of("compare", "qwen2.5-7b", "--measured", "qwen2.5-7b=" + runId,
                "--store", dir.resolve("s.db").toString(), "--format", "json");
        assertThat(cmp.exit()).as(cmp.err()).isZero();
        JsonNode cell = cmp.json().get("rows").get(0).get("scores").get("mmlu");
        assertThat(cell.get("measured").asDouble()).isEqualTo(75.0);
        assertThat(cell.get("measured_run").asText()).isEqualTo(runId);
        assertThat(cell.get("value").asDouble()).isPositive();
        // the run's manifest says Arbiter's 0-shot prompts; Qwen publishes MMLU as base 5-shot: not the same setting
        assertThat(cell.get("measured_setting").asText()).isEqualTo("arbiter, 0-shot");
        assertThat(cell.get("measured_versus").asText()).startsWith("differs from every published setting").contains("5-shot");
    }

    @Test
    void anAimeRunOnThe2024ProblemsFillsTheCataloguesAime2024ColumnAndA2025RunIsRefused() throws Exception {
        Path y2024 = dir.resolve("aime.jsonl");
        Files.writeString(y2024, String.join("\n",
                "{\"ID\": \"2024-I-1\", \"Problem\": \"p one\", \"Answer\": 33}",
                "{\"ID\": \"2024-I-2\", \"Problem\": \"p two\", \"Answer\": 204}",
                "{\"ID\": \"2024-II-1\", \"Problem\": \"p three\", \"Answer\": 7}",
                "{\"ID\": \"2024-II-2\", \"Problem\": \"p four\", \"Answer\": 80}") + "\n");
        ScriptedLlmServer srv = server(Script.replyWith(q -> q.contains("p one") ? "so \\boxed{33}" : q.contains("p two")
                ? "\\boxed{204}" : "\\boxed{1}"));
        CliRun run = eval(srv, "--task", "aime", "--data", y2024.toString());
        assertThat(metrics(run).get("accuracy").get("value").asDouble()).isEqualTo(0.5);
        assertThat(run.json().get("manifest").get("dataset_name").asText()).isEqualTo("aime_2024");
        CliRun cmp = CliRun.of("compare", "deepseek-r1", "--measured", "deepseek-r1=" + run.json().get("run_id").asText(),
                "--store", dir.resolve("s.db").toString(), "--format", "json");
        assertThat(cmp.exit()).as(cmp.err()).isZero();
        JsonNode cell = cmp.json().get("rows").get(0).get("scores").get("aime_2024");
        assertThat(cell.get("measured").asDouble()).isEqualTo(50.0);
        assertThat(cell.get("value").asDouble()).isEqualTo(79.8);

        Path y2025 = dir.resolve("aime2025.jsonl");
        Files.writeString(y2025, "{\"question\": \"p one\", \"answer\": \"33\"}\n");
        CliRun later = eval(srv, "--task", "aime", "--data", y2025.toString());
        assertThat(later.json().get("manifest").get("dataset_name").asText()).isEqualTo("aime_2025");
        CliRun refused = CliRun.of("compare", "deepseek-r1", "--measured", "deepseek-r1=" + later.json().get("run_id").asText(),
                "--store", dir.resolve("s.db").toString(), "--format", "json");
        assertThat(refused.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(refused.err()).contains("aime_2025").contains("AIME 2024");
    }

    @Test
    void customCsvWithMappedFieldsIsScoredByTheChosenScorer() throws Exception {
        Path csv = dir.resolve("qa.csv");
        Files.writeString(csv, "question,answer\r\n\"Capital of France, in one word?\",Paris\r\n\"2 + 2 =\",4\r\n"
                + "\"Say \"\"hi\"\"\",hi\r\n\"Colour of the sky\",blue\r\n");
        ScriptedLlmServer srv = server(Script.replyWith(q -> q.contains("France") ? "Paris" : q.contains("2 + 2") ? "4"
                : q.contains("hi") ? "hello" : "green"));
        JsonNode m = metrics(eval(srv, "--task", "custom", "--data", csv.toString(), "--field", "input=question",
                "--field", "target=answer", "--scorer", "exact"));
        assertThat(m.get("accuracy").get("value").asDouble()).isEqualTo(0.5);
    }

    @Test
    void aMalformedCustomRowStopsWithFileLineAndFieldUnlessSkipped() throws Exception {
        Path jsonl = dir.resolve("bad.jsonl");
        Files.writeString(jsonl, "{\"input\": \"a\", \"target\": \"a\"}\n{\"input\": \"b\"}\n{\"input\": \"c\", \"target\": \"c\"}\n");
        ScriptedLlmServer srv = server(Script.replyWith(q -> q));
        CliRun bad = eval(srv, "--task", "custom", "--data", jsonl.toString());
        assertThat(bad.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(bad.err()).contains("bad.jsonl").contains("line 2").contains("target");
        CliRun skipped = eval(srv, "--task", "custom", "--data", jsonl.toString(), "--skip-invalid");
        assertThat(metrics(skipped).get("accuracy").get("value").asDouble()).isEqualTo(1.0);
        assertThat(skipped.json().get("tasks").get(0).get("samples").asInt()).isEqualTo(2);
        assertThat(skipped.err()).contains("skipped");
    }

    @Test
    void theRunRecordSaysWhichRowsSkipInvalidLeftOut() throws Exception {
        // The record showed dataset_size 3 and skip_invalid "true", but not that a row was skipped, nor which.
        Path csv = dir.resolve("four.csv");
        Files.writeString(csv, "input,target\na,a\nb\nc,c\nd,d\n");
        ScriptedLlmServer srv = server(Script.replyWith(q -> q));
        CliRun r = eval(srv, "--task", "custom", "--data", csv.toString(), "--skip-invalid");
        JsonNode manifest = r.json().get("manifest");
        assertThat(manifest.get("dataset_size").asInt()).isEqualTo(3);
        assertThat(manifest.get("dataset_skipped").get("rows").asInt()).isEqualTo(1);
        assertThat(manifest.get("dataset_skipped").get("lines")).extracting(JsonNode::asText).containsExactly("four.csv:3");
    }

    @Test
    void mmluLogprobScoringAgainstALlamaCppServerWithoutLogprobsStopsUpFrontWithExitTwo() throws Exception {
        Path data = dir.resolve("mmlu");
        Files.createDirectories(data.resolve("test"));
        Files.writeString(data.resolve("test/abstract_algebra_test.csv"),
                "Find the order of the factor group Z_6/<3>.,2,3,6,12,B\n\"What is 1 + 1?\",1,2,3,4,B\n");
        ScriptedLlmServer srv = ScriptedLlmServer.builder().persona(dev.arbiter.testing.Persona.LLAMA_CPP).models("m")
                .logprobs(false).script(Script.replyWith(q -> "B")).start();
        servers.add(srv);
        CliRun r = eval(srv, "--task", "mmlu", "--scorer", "logprob", "--data", data.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("logprobs").contains("--scorer generate");
        assertThat(srv.generationRequests()).noneMatch(q -> q.lastUserMessage().contains("Z_6"));
    }

    @Test
    void mtBenchIsGradedByTheJudgeEndpoint() throws Exception {
        ScriptedLlmServer model = server(Script.replyWith(q -> "A thoughtful answer."));
        ScriptedLlmServer judge = server(Script.replyWith(q -> "The answer is fine. Rating: [[7]]"));
        CliRun r = eval(model, "--task", "mt_bench", "--data", SharedData.path("mt_bench").toString(), "--limit", "3",
                "--seed", "1", "--judge-endpoint", judge.baseUri().toString(), "--judge-model", "m");
        JsonNode m = metrics(r);
        assertThat(m.get("score").get("value").asDouble()).isEqualTo(7.0);
        // two turns per question, each graded once
        assertThat(judge.generationRequests()).hasSize(6);
    }

    @Test
    void mtBenchTurnsWithoutAReadableRatingAreLeftOutAndTheSummarySaysHowMany() throws Exception {
        ScriptedLlmServer model = server(Script.replyWith(q -> "A thoughtful answer."));
        // the second turn's judge prompt shows the whole conversation: the judge gives no rating there
        ScriptedLlmServer judge = server(Script.replyWith(q -> q.contains("Conversation with User") ? "I cannot rate this."
                : "The answer is fine. Rating: [[7]]"));
        CliRun r = eval(model, "--task", "mt_bench", "--data", SharedData.path("mt_bench").toString(), "--limit", "3",
                "--seed", "1", "--judge-endpoint", judge.baseUri().toString(), "--judge-model", "m");
        JsonNode t = r.json().get("tasks").get(0);
        assertThat(metrics(r).get("score").get("value").asDouble()).isEqualTo(7.0);
        assertThat(metrics(r).get("score").get("n").asInt()).isEqualTo(3);
        assertThat(t.get("scored").asInt()).as(r.out()).isEqualTo(3);
        assertThat(t.get("hints").toString()).contains("3 turns of scored answers got no judge rating");
    }

    @Test
    void aJudgeThatRateLimitsItsFirstAnswerStillGradesEverySample() throws Exception {
        Path csv = dir.resolve("judged.csv");
        Files.writeString(csv, "input,target\nName a colour,any colour\nName a fruit,any fruit\n");
        ScriptedLlmServer model = server(Script.replyWith(q -> "blue"));
        ScriptedLlmServer judge = server(Script.byAttempt(Reply.rateLimited("0"), Reply.text("Fine. GRADE: C")));
        CliRun r = eval(model, "--task", "custom", "--data", csv.toString(), "--scorer", "judge",
                "--judge-endpoint", judge.baseUri().toString(), "--judge-model", "m");
        JsonNode t = r.json().get("tasks").get(0);
        assertThat(t.get("unscored").asInt()).as(r.out()).isZero();
        assertThat(metrics(r).get("accuracy").get("value").asDouble()).isEqualTo(1.0);
        assertThat(judge.generationRequests()).hasSize(4);
    }

    @Test
    void aModelNameTheServerDoesNotListIsWarnedAbout() throws Exception {
        Path csv = dir.resolve("w.csv");
        Files.writeString(csv, "input,target\nping,pong\n");
        ScriptedLlmServer srv = server(Script.replyWith(q -> "pong"));  // lists only "m"
        List<String> a = new ArrayList<>(List.of("eval", "--endpoint", srv.baseUri().toString(), "--model", "qwen-7b",
                "--task", "custom", "--data", csv.toString(), "--store", dir.resolve("w.db").toString(), "--quiet", "--format", "json"));
        CliRun r = CliRun.of(a.toArray(String[]::new));
        assertThat(r.err()).contains("warning").contains("not 'qwen-7b'");
    }

    @Test
    void theHtmlReportOfARunEscapesModelTextAndShowsTheMetrics() throws Exception {
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, "input,target\n\"<img src=x onerror=alert(1)>\",yes\nplain,yes\n");
        ScriptedLlmServer srv = server(Script.replyWith(q -> q.contains("img") ? "<script>alert('pwned')</script>" : "yes"));
        CliRun run = eval(srv, "--task", "custom", "--data", csv.toString(), "--scorer", "exact");
        assertThat(metrics(run).get("accuracy").get("value").asDouble()).isEqualTo(0.5);
        Path page = dir.resolve("report.html");
        CliRun r = CliRun.of("report", run.json().get("run_id").asText(), "--store", dir.resolve("s.db").toString(),
                "--out", page.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String html = Files.readString(page);
        assertThat(html).contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(html).contains("accuracy").contains("0.5000");
    }

    @Test
    void mtBenchWithoutAJudgeIsABadUsageError() {
        ScriptedLlmServer model = server(Script.replyWith(q -> "x"));
        CliRun r = eval(model, "--task", "mt_bench", "--data", SharedData.path("mt_bench").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("judge");
    }

    @Test
    void withoutEndpointEvalUsesTheServerItFindsOnThisMachine() throws Exception {
        Path csv = dir.resolve("one.csv");
        Files.writeString(csv, "input,target\nping,pong\n");
        ScriptedLlmServer srv = server(Script.replyWith(q -> "pong"));
        Discovered.ports = List.of(srv.port());
        CliRun r = CliRun.of("eval", "--task", "custom", "--data", csv.toString(), "--store", dir.resolve("d.db").toString(),
                "--out", dir.resolve("d").toString(), "--quiet", "--format", "json");
        assertThat(metrics(r).get("accuracy").get("value").asDouble()).isEqualTo(1.0);
        assertThat(r.err()).contains("using").contains(srv.baseUri().toString());
    }

    @Test
    void withoutEndpointAndNothingRunningEvalSaysWhatToStartAndExitsThree() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            Discovered.ports = List.of(s.getLocalPort() + 1 == 65536 ? 1 : s.getLocalPort());
        }
        CliRun r = CliRun.of("eval", "--task", "gsm8k", "--store", dir.resolve("e.db").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.UNAVAILABLE);
        assertThat(r.err()).contains("ollama serve").contains("vllm serve");
    }
}
