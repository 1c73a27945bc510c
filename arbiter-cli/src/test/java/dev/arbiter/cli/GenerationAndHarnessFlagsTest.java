package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.testing.RecordedRequest;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.SharedData;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * eval's generation flags, --system, --shots and --harness, end to end: what reaches the scripted server's request
 * bodies on 127.0.0.1 and what the manifest records.
 */
class GenerationAndHarnessFlagsTest {
    @TempDir Path dir;
    final List<ScriptedLlmServer> servers = new ArrayList<>();

    @AfterEach
    void stop() { servers.forEach(ScriptedLlmServer::close); }

    ScriptedLlmServer server() {
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m").script(r -> Reply.text("The answer is 3.")).start();
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

    Path gsm8k(int n) throws Exception {
        List<String> lines = Files.readAllLines(SharedData.path("gsm8k/test.jsonl")).subList(0, n);
        return Files.writeString(dir.resolve("gsm8k.jsonl"), String.join("\n", lines) + "\n");
    }

    Path math500(int n) throws Exception {
        List<String> lines = Files.readAllLines(SharedData.path("math500/test.jsonl")).subList(0, n);
        return Files.writeString(dir.resolve("math.jsonl"), String.join("\n", lines) + "\n");
    }

    static JsonNode manifest(CliRun r) {
        assertThat(r.exit()).as(r.err()).isZero();
        return r.json().get("manifest");
    }

    @Test
    void generationFlagsReachEveryRequestBodyAndTheManifest() throws Exception {
        ScriptedLlmServer srv = server();
        CliRun r = eval(srv, "--task", "gsm8k", "--data", gsm8k(2).toString(), "--max-tokens", "77", "--temperature", "0.3",
                "--top-p", "0.9", "--stop", "###", "--stop", "END");
        JsonNode m = manifest(r);
        assertThat(asked(srv)).hasSize(2);
        for (RecordedRequest q : asked(srv)) {
            JsonNode body = q.json();
            assertThat(body.get("max_tokens").asInt()).isEqualTo(77);
            assertThat(body.get("temperature").asDouble()).isEqualTo(0.3);
            assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
            assertThat(body.get("stop")).extracting(JsonNode::asText).containsExactly("###", "END");
        }
        assertThat(m.get("generation").get("max_tokens").asInt()).isEqualTo(77);
        assertThat(m.get("setting").get("overridden")).extracting(JsonNode::asText).containsExactly("max_tokens", "temperature", "top_p", "stop");
    }

    @Test
    void generationFlagsArePartOfTheSettingsKey() throws Exception {
        ScriptedLlmServer srv = server();
        Path data = gsm8k(1);
        String plain = manifest(eval(srv, "--task", "gsm8k", "--data", data.toString())).get("settings_key").asText();
        String capped = manifest(eval(srv, "--task", "gsm8k", "--data", data.toString(), "--max-tokens", "64")).get("settings_key").asText();
        String again = manifest(eval(srv, "--task", "gsm8k", "--data", data.toString())).get("settings_key").asText();
        assertThat(capped).isNotEqualTo(plain);
        assertThat(again).isEqualTo(plain);
    }

    @Test
    void badGenerationFlagsAreRefusedNamingTheFlag() throws Exception {
        CliRun r = eval(server(), "--task", "gsm8k", "--data", gsm8k(1).toString(), "--top-p", "1.5");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--top-p");
    }

    @Test
    void systemIsSentFirstOnABenchmarkTask() throws Exception {
        ScriptedLlmServer srv = server();
        JsonNode m = manifest(eval(srv, "--task", "gsm8k", "--data", gsm8k(1).toString(), "--system", "You are terse."));
        JsonNode messages = asked(srv).get(0).json().get("messages");
        assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asText()).isEqualTo("You are terse.");
        assertThat(messages.get(1).get("role").asText()).isEqualTo("user");
        assertThat(m.get("setting").get("system").asText()).isEqualTo("You are terse.");
    }

    @Test
    void systemOnACompletionProfileIsRefusedBeforeAnyRequest() throws Exception {
        ScriptedLlmServer srv = server();
        CliRun r = eval(srv, "--task", "math", "--data", math500(1).toString(), "--harness", "lm-eval", "--system", "Be brief.");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--system").contains("raw completion prompts");
        assertThat(asked(srv)).isEmpty();
    }

    @Test
    void mathFourShotsSendsMinervasExemplarsAndRecordsTheShots() throws Exception {
        ScriptedLlmServer srv = server();
        JsonNode m = manifest(eval(srv, "--task", "math", "--data", math500(1).toString(), "--shots", "4"));
        String asked = asked(srv).get(0).lastUserMessage();
        assertThat(asked).startsWith("Problem:\nFind the domain of the expression").endsWith("\n\nSolution:");
        assertThat(asked.split("Final Answer: The final answer is", -1)).hasSize(5);
        assertThat(asked(srv).get(0).json().get("stop")).extracting(JsonNode::asText).containsExactly("Problem:");
        assertThat(m.get("setting").get("shots").asInt()).isEqualTo(4);
        assertThat(m.get("setting").get("harness").asText()).isEqualTo("arbiter");
    }

    @Test
    void mathShotCountsWithoutExemplarsAreRefusedNotIgnored() throws Exception {
        ScriptedLlmServer srv = server();
        CliRun r = eval(srv, "--task", "math", "--data", math500(1).toString(), "--shots", "3");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--shots for math must be 0 or 4");
        assertThat(asked(srv)).isEmpty();
    }

    @Test
    void zeroShotRunsRecordZeroShots() throws Exception {
        JsonNode m = manifest(eval(server(), "--task", "math", "--data", math500(1).toString()));
        assertThat(m.get("setting").get("shots").asInt()).isZero();
    }

    @Test
    void lmEvalMinervaMathPromptIsByteForByteTheReferencePromptSentAsACompletion() throws Exception {
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m")
                .script(r -> Reply.text(" So r = 3.\nFinal Answer: The final answer is $\\left( 3, \\frac{\\pi}{2} \\right)$. I hope it is correct.")).start();
        servers.add(srv);
        CliRun r = eval(srv, "--task", "math500", "--data", math500(2).toString(), "--harness", "lm-eval", "--concurrency", "1");
        JsonNode m = manifest(r);
        List<JsonNode> reference = reference("lm-eval-minerva_math-4shot.jsonl");
        List<RecordedRequest> sent = asked(srv);
        assertThat(sent).hasSize(2);
        List<String> prompts = sent.stream().map(q -> q.json().get("prompt").asText()).sorted().toList();
        List<String> expected = reference.stream().map(j -> j.get("prompt").asText()).sorted().toList();
        assertThat(prompts).isEqualTo(expected);
        for (RecordedRequest q : sent) {
            assertThat(q.path()).endsWith("/v1/completions");
            assertThat(q.json().get("max_tokens").asInt()).isEqualTo(256);
            assertThat(q.json().get("temperature").asDouble()).isZero();
            assertThat(q.json().get("stop")).extracting(JsonNode::asText).containsExactly("Problem:");
        }
        assertThat(m.get("setting").get("harness").asText()).isEqualTo("lm-eval");
        assertThat(m.get("setting").get("shots").asInt()).isEqualTo(4);
        // the first MATH-500 answer is (3, \pi/2): right once of two
        assertThat(r.json().get("tasks").get(0).get("metrics").get("accuracy").get("value").asDouble()).isEqualTo(0.5);
    }

    @Test
    void lmEvalGsm8kCotPromptIsByteForByteTheReferencePrompt() throws Exception {
        ScriptedLlmServer srv = server();
        manifest(eval(srv, "--task", "gsm8k", "--data", gsm8k(2).toString(), "--harness", "lm-eval"));
        List<String> prompts = asked(srv).stream().map(q -> q.json().get("prompt").asText()).sorted().toList();
        List<String> expected = reference("lm-eval-gsm8k_cot-8shot.jsonl").stream().map(j -> j.get("prompt").asText()).sorted().toList();
        assertThat(prompts).isEqualTo(expected);
        assertThat(asked(srv).get(0).json().get("stop")).extracting(JsonNode::asText).containsExactly("Q:", "</s>", "<|im_end|>");
        assertThat(asked(srv).get(0).json().get("max_tokens").asInt()).isEqualTo(256);
    }

    /**
     * lm-eval {@code gsm8k} 5-shot: shots drawn from the train split by lm-eval's default sampler (Random(1234), one draw
     * per test document), compared with the prompts {@code build_reference_prompts.py} renders from gsm8k.yaml.
     */
    @Test
    void lmEvalGsm8kFiveShotPromptIsByteForByteTheReferencePrompt() throws Exception {
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m").script(r -> Reply.text("She pays 18 dollars.\n#### 18")).start();
        servers.add(srv);
        Path data = Files.createDirectories(dir.resolve("gsm8k-dir"));
        Files.move(gsm8k(2), data.resolve("test.jsonl"));
        Files.copy(SharedData.path("gsm8k/train.jsonl"), data.resolve("train.jsonl"));
        CliRun r = eval(srv, "--task", "gsm8k", "--data", data.toString(), "--harness", "lm-eval", "--shots", "5");
        JsonNode m = manifest(r);
        List<String> prompts = asked(srv).stream().map(q -> q.json().get("prompt").asText()).sorted().toList();
        List<String> expected = reference("lm-eval-gsm8k-5shot.jsonl").stream().map(j -> j.get("prompt").asText()).sorted().toList();
        assertThat(prompts).isEqualTo(expected);
        JsonNode body = asked(srv).get(0).json();
        assertThat(body.get("stop")).extracting(JsonNode::asText).containsExactly("Question:", "</s>", "<|im_end|>");
        assertThat(body.get("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.get("temperature").asDouble()).isZero();
        assertThat(m.get("setting").get("harness").asText()).isEqualTo("lm-eval");
        assertThat(m.get("setting").get("shots").asInt()).isEqualTo(5);
        // strict-match reads "#### 18": right for the first problem (18), wrong for the second (3)
        JsonNode metrics = r.json().get("tasks").get(0).get("metrics");
        assertThat(metrics.get("strict_match").get("value").asDouble()).isEqualTo(0.5);
        assertThat(metrics.get("flexible_extract").get("value").asDouble()).isEqualTo(0.5);
    }

    /** The question a reference completion prompt ends with: the text after its last {@code marker} (the probe's: all). */
    static String lastQuestion(RecordedRequest q, String marker) {
        String p = q.lastUserMessage() == null ? "" : q.lastUserMessage();
        return p.substring(Math.max(0, p.lastIndexOf(marker)));
    }

    @Test
    void lmEvalGsm8kCotGradesAnswersCutOffAtItsOwnTokenLimitAsLmEvalDoes() throws Exception {
        // lm-eval scores every generation, whatever its finish_reason: strict 1 of 4 and flexible 2 of 4, not of the 2
        // that finished (the robe's answer has no "The answer is", so only flexible-extract reads its 3)
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m").script(r -> {
            String q = lastQuestion(r, "Q:");
            if (q.contains("Janet")) return Reply.text("She makes 9 * 2 = 18 dollars. The answer is 18.");
            if (q.contains("robe")) return Reply.text("It takes 2 + 1 = 3 bolts.");
            return Reply.text("He first spends 80000 + 50000 = 130000 dollars, then the value rises by")
                    .withFinishReason("length");
        }).start();
        servers.add(srv);
        CliRun r = eval(srv, "--task", "gsm8k", "--data", gsm8k(4).toString(), "--harness", "lm-eval");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode task = r.json().get("tasks").get(0);
        assertThat(task.get("metrics").get("strict_match").get("value").asDouble()).isEqualTo(0.25);
        assertThat(task.get("metrics").get("flexible_extract").get("value").asDouble()).isEqualTo(0.5);
        assertThat(task.get("sample_outcomes").get("scored").asInt()).isEqualTo(4);
        assertThat(task.get("sample_outcomes").has("truncated")).isFalse();
    }

    @Test
    void lmEvalMinervaMathGradesAnswersCutOffAtItsOwnTokenLimitAsLmEvalDoes() throws Exception {
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m").script(r -> {
            String q = lastQuestion(r, "Problem:");
            if (q.contains("divisors")) return Reply.text(" 196 = 2^2 7^2.\nFinal Answer: The final answer is $9$. I hope it is correct.");
            if (q.contains("f(-2)")) return Reply.text(" Summing.\nFinal Answer: The final answer is $\\frac{14}{3}$. I hope it is correct.");
            if (q.contains("rectangular")) return Reply.text(" So r = 3.\nFinal Answer: The final answer is $\\left( 3, \\frac{\\pi}{2} \\right)$. I hope it is correct.");
            return Reply.text(" We write the double sum as").withFinishReason("length");
        }).start();
        servers.add(srv);
        CliRun r = eval(srv, "--task", "math500", "--data", math500(4).toString(), "--harness", "lm-eval");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode task = r.json().get("tasks").get(0);
        assertThat(task.get("metrics").get("accuracy").get("value").asDouble()).isEqualTo(0.75);
        assertThat(task.get("sample_outcomes").get("scored").asInt()).isEqualTo(4);
    }

    @Test
    void arbitersOwnGradingStillLeavesATruncatedAnswerOut() throws Exception {
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m").script(r -> r.lastUserMessage().contains("Janet")
                ? Reply.text("The answer is 18.") : Reply.text("The robe takes 2 +").withFinishReason("length")).start();
        servers.add(srv);
        CliRun r = eval(srv, "--task", "gsm8k", "--data", gsm8k(2).toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode task = r.json().get("tasks").get(0);
        assertThat(task.get("metrics").get("accuracy").get("value").asDouble()).isEqualTo(1.0);
        assertThat(task.get("sample_outcomes").get("truncated").asInt()).isEqualTo(1);
    }

    @Test
    void rescoreAsLmEvalGradesTheAnswersArbiterLeftOutAsTruncated() throws Exception {
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m").script(r -> r.lastUserMessage().contains("Janet")
                ? Reply.text("The answer is 18.") : Reply.text("The robe takes 2 + 1 = 3 bolts. The answer is 3.")
                .withFinishReason("length")).start();
        servers.add(srv);
        JsonNode first = eval(srv, "--task", "gsm8k", "--data", gsm8k(2).toString()).json();
        assertThat(first.get("tasks").get(0).get("sample_outcomes").get("truncated").asInt()).isEqualTo(1);
        CliRun r = CliRun.of("rescore", first.get("run_id").asText(), "--harness", "lm-eval", "--store",
                dir.resolve("s.db").toString(), "--out", dir.resolve("rescored").toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode task = r.json().get("tasks").get(0);
        assertThat(task.get("sample_outcomes").get("scored").asInt()).isEqualTo(2);
        assertThat(task.get("metrics").get("strict_match").get("value").asDouble()).isEqualTo(1.0);
    }

    @Test
    void lmEvalGsm8kFiveShotWithoutATrainSplitBesideTheDataIsRefused() throws Exception {
        ScriptedLlmServer srv = server();
        CliRun r = eval(srv, "--task", "gsm8k", "--data", gsm8k(1).toString(), "--harness", "lm-eval", "--shots", "5");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("train split", "train.jsonl");
        assertThat(asked(srv)).isEmpty();
    }

    /**
     * lm-eval humaneval_instruct and simple-evals' HumanEval: the chat turns on the wire equal those rendered from the
     * references' own templates ({@code /reference/humaneval-chat-references.jsonl} in arbiter-core's tests, built by
     * its {@code build_humaneval_references.py}); the sandbox grades prompt + post-processed answer.
     */
    /** HumanEval/0's line of the shipped HumanEval.jsonl.gz. */
    static String firstHumanEvalProblem() throws java.io.IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(SharedData.path("humaneval/HumanEval.jsonl.gz")))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        }
    }

    @Test
    void aProfilesFixedSeedIsShiftedByTheEpochSoEpochsAreNotOneAnswerRepeated() throws Exception {
        String first = firstHumanEvalProblem();
        Path data = Files.writeString(dir.resolve("he3.jsonl"), first + "\n");
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m").script(r -> Reply.text("    return False\n```")).start();
        servers.add(srv);
        // lm-eval's profile sends seed 1234; three epochs at temperature 0.8 must not all send it
        eval(srv, "--task", "humaneval", "--data", data.toString(), "--harness", "lm-eval", "--option", "mode=chat",
                "--epochs", "3", "--temperature", "0.8", "--no-cache");
        assertThat(asked(srv)).extracting(q -> q.json().get("seed").asLong()).containsExactlyInAnyOrder(1234L, 1235L, 1236L);
        // the run's own --seed S sends S + epoch, as before
        ScriptedLlmServer seeded = ScriptedLlmServer.builder().models("m").script(r -> Reply.text("    return False\n```")).start();
        servers.add(seeded);
        eval(seeded, "--task", "humaneval", "--data", data.toString(), "--harness", "lm-eval", "--option", "mode=chat",
                "--epochs", "2", "--seed", "7", "--no-cache");
        assertThat(asked(seeded)).extracting(q -> q.json().get("seed").asLong()).containsExactlyInAnyOrder(7L, 8L);
    }

    @Test
    void humanEvalChatProfilesSendTheReferenceTurnsByteForByte() throws Exception {
        String first = firstHumanEvalProblem();
        Path data = Files.writeString(dir.resolve("he.jsonl"), first + "\n");
        JsonNode ref;
        Path refFile = SharedData.path("../arbiter-core/src/test/resources/reference/humaneval-chat-references.jsonl");
        ref = Json.mapper().readTree(Files.readString(refFile).lines().findFirst().orElseThrow());
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m").script(r -> Reply.text("    return False\n```")).start();
        servers.add(srv);
        JsonNode m = manifest(eval(srv, "--task", "humaneval", "--data", data.toString(), "--harness", "lm-eval", "--option", "mode=chat"));
        RecordedRequest q = asked(srv).get(0);
        assertThat(q.path()).endsWith("/v1/chat/completions");
        assertThat(q.json().get("messages")).isEqualTo(ref.get("lm_eval_messages"));
        // local-chat-completions sends stop[:4] of humaneval.yaml's until
        assertThat(q.json().get("stop")).extracting(JsonNode::asText).containsExactly("\nclass", "\ndef", "\n#", "\nif");
        assertThat(q.json().get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(q.json().get("seed").asLong()).isEqualTo(1234L);
        assertThat(m.get("setting").get("harness").asText()).isEqualTo("lm-eval");
        assertThat(m.get("scorer").asText()).isEqualTo("lm_eval_humaneval_instruct");

        ScriptedLlmServer se = ScriptedLlmServer.builder().models("m").script(r -> Reply.text("```python\ndef f():\n    return 1\n```")).start();
        servers.add(se);
        JsonNode m2 = manifest(eval(se, "--task", "humaneval", "--data", data.toString(), "--harness", "simple-evals"));
        RecordedRequest q2 = asked(se).get(0);
        assertThat(q2.json().get("messages")).isEqualTo(ref.get("simple_evals_messages"));
        assertThat(q2.json().get("temperature").asDouble()).isEqualTo(0.5);
        assertThat(m2.get("setting").get("harness").asText()).isEqualTo("simple-evals");
    }

    @Test
    void lmEvalHumanEvalSendsTheRawPromptWithLmEvalsStops() throws Exception {
        String first = firstHumanEvalProblem();
        Path data = Files.writeString(dir.resolve("he.jsonl"), first + "\n");
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m").script(r -> Reply.text("    return False\n")).start();
        servers.add(srv);
        JsonNode m = manifest(eval(srv, "--task", "humaneval", "--data", data.toString(), "--harness", "lm-eval"));
        RecordedRequest q = asked(srv).get(0);
        // lm-eval humaneval.yaml: doc_to_text "{{prompt}}", until [\nclass, \ndef, \n#, \nif, \nprint], max_gen_toks 1024
        assertThat(q.path()).endsWith("/v1/completions");
        assertThat(q.json().get("prompt").asText()).isEqualTo(Json.mapper().readTree(first).get("prompt").asText());
        assertThat(q.json().get("stop")).extracting(JsonNode::asText).containsExactly("\nclass", "\ndef", "\n#", "\nif", "\nprint");
        assertThat(q.json().get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(q.json().get("temperature").asDouble()).isZero();
        assertThat(m.get("setting").get("harness").asText()).isEqualTo("lm-eval");
    }

    @Test
    void rescoreHarnessRegradesStoredAnswersAsLmEvalAndNamesTheChangedSamples() throws Exception {
        // "The answer is 18.0." is 18 to Arbiter's numeric comparison, and not "18" to lm-eval's strict exact_match
        ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m").script(r -> Reply.text(
                r.lastUserMessage().contains("Janet") ? "The answer is 18.0." : "The answer is 3.")).start();
        servers.add(srv);
        JsonNode first = eval(srv, "--task", "gsm8k", "--data", gsm8k(2).toString()).json();
        assertThat(first.get("tasks").get(0).get("metrics").get("accuracy").get("value").asDouble()).isEqualTo(1.0);
        String runId = first.get("run_id").asText();
        CliRun r = CliRun.of("rescore", runId, "--harness", "lm-eval", "--store", dir.resolve("s.db").toString(),
                "--out", dir.resolve("rescored").toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("tasks").get(0).get("metrics").get("accuracy").get("value").asDouble()).isEqualTo(0.5);
        assertThat(r.json().get("manifest").get("setting").get("harness").asText()).isEqualTo("lm-eval");
        assertThat(r.json().get("manifest").get("rescored_from").asText()).isEqualTo(runId);
        assertThat(r.err()).contains("1 sample(s) graded differently under --harness lm-eval: 0");
    }

    @Test
    void rescoreNeedsExactlyOneOfScorerOrHarness() {
        CliRun r = CliRun.of("rescore", "x", "--store", dir.resolve("s.db").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("exactly one of --scorer or --harness");
    }

    @Test
    void aHarnessATaskDoesNotDefineIsRefused() throws Exception {
        ScriptedLlmServer srv = server();
        CliRun r = eval(srv, "--task", "math", "--data", math500(1).toString(), "--harness", "fastchat");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--harness fastchat is not defined for task math");
        assertThat(eval(srv, "--task", "math", "--data", math500(1).toString(), "--harness", "nope").err()).contains("--harness must be one of");
    }

    /** The task's requests, without the capability probe's one-token questions. */
    static List<RecordedRequest> asked(ScriptedLlmServer srv) {
        return srv.generationRequests().stream().filter(q -> q.json().path("max_tokens").asInt() != 1).toList();
    }

    static List<JsonNode> reference(String name) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (var in = GenerationAndHarnessFlagsTest.class.getResourceAsStream("/reference/" + name)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) out.add(Json.mapper().readTree(line));
            }
        }
        return out;
    }
}
