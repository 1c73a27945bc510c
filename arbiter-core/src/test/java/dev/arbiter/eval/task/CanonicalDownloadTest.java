package dev.arbiter.eval.task;

import com.sun.net.httpserver.HttpServer;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.task.mmlu.MmluTars;
import dev.arbiter.testing.Script;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.SharedData;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every task run without --data, through the command line's registry: it fetches its canonical files (by their real
 * URL paths, from a mirror on 127.0.0.1 serving the shared copies) into the cache, checks the pinned digests, and
 * loads them. Never the internet.
 */
class CanonicalDownloadTest {
    @TempDir Path home;
    HttpServer server;
    final List<String> requested = new ArrayList<>();
    /** URL path suffix → the local file served for it. */
    final Map<String, Path> files = new LinkedHashMap<>();
    ScriptedLlmServer judgeServer;
    ModelClient judge;
    TaskRegistry registry;

    @BeforeEach
    void start() throws IOException, URISyntaxException {
        files.put("/human-eval/6d43fb980f9fee3c892a914eda09951f772ad10d/data/HumanEval.jsonl.gz", SharedData.path("humaneval/HumanEval.jsonl.gz"));
        files.put("/grade_school_math/data/test.jsonl", SharedData.path("gsm8k/test.jsonl"));
        files.put("/grade_school_math/data/train.jsonl", SharedData.path("gsm8k/train.jsonl"));
        files.put("/data/math_oai/test.jsonl", SharedData.path("math500/test.jsonl"));
        files.put("/data/math/test.jsonl", SharedData.path("math/test.jsonl"));
        files.put("/llm_judge/data/mt_bench/question.jsonl", SharedData.path("mt_bench/question.jsonl"));
        files.put("/llm_judge/data/mt_bench/reference_answer/gpt-4.jsonl", SharedData.path("mt_bench/reference_answer/gpt-4.jsonl"));
        files.put("/llm_judge/data/judge_prompts.jsonl", SharedData.path("mt_bench/judge_prompts.jsonl"));
        Path mmmlu = Path.of(getClass().getResource("/mmlu/mmmlu/mmlu_FR-FR.csv").toURI());
        files.put("/simple-evals/mmlu.csv", mmmlu);
        files.put("/datasets/openai/MMMLU/resolve/main/test/mmlu_FR-FR.csv", mmmlu);
        Path tar = home.resolve("served-data.tar");
        Files.write(tar, MmluTars.twoSubjects());
        files.put("/~hendrycks/data.tar", tar);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getRawPath();
            synchronized (requested) {
                requested.add(path);
            }
            Path f = files.entrySet().stream().filter(e -> path.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
            if (f == null) {
                ex.sendResponseHeaders(404, -1);
                ex.close();
                return;
            }
            byte[] body = Files.readAllBytes(f);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        DatasetCache cache = new DatasetCache(home, HttpClient.newHttpClient(), Duration.ofSeconds(20))
                .mirroredAt(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        judgeServer = ScriptedLlmServer.start(Script.replyWith(q -> "Rating: [[5]]"));
        judge = ModelClients.create(judgeServer.endpoint(), Ticker.system());
        registry = StandardTasks.registry(judge, p -> { }, w -> { }, cache);
    }

    @AfterEach
    void stop() throws Exception {
        judge.close();
        judgeServer.close();
        server.stop(0);
    }

    private Task create(String name, Map<String, String> options) {
        return registry.create(name, new TaskParams(null, null, null, null, null, List.of(), null, options));
    }

    private Task create(String name, Integer shots, String language, Map<String, String> options) {
        return registry.create(name, new TaskParams(null, null, 1L, shots, null, List.of(), language, options));
    }

    @Test
    void humanEvalDownloadsTheGzipWithItsPinnedDigest() {
        Task t = create("humaneval", Map.of());
        assertThat(t.dataset().samples()).hasSize(164);
        assertThat(t.dataset().sha256()).isEqualTo(StandardTasks.HUMANEVAL.sha256());
        assertThat(home.resolve("cache/datasets/humaneval/HumanEval.jsonl.gz")).isRegularFile();
    }

    @Test
    void gsm8kDownloadsTheTestSplitAndTheTrainSplitOnlyForTrainShots() {
        assertThat(create("gsm8k", Map.of()).dataset().samples()).hasSize(1319);
        assertThat(requested).noneMatch(p -> p.endsWith("train.jsonl"));
        assertThat(create("gsm8k", 8, null, Map.of("shots_from", "train")).dataset().samples()).hasSize(1319);
        assertThat(requested).anyMatch(p -> p.endsWith("train.jsonl"));
    }

    @Test
    void mathDownloadsMath500ByDefaultAndTheFullSplitOnRequest() {
        assertThat(create("math500", Map.of()).dataset().samples()).hasSize(500);
        assertThat(create("math", Map.of()).dataset().samples()).hasSize(500);
        assertThat(create("math", Map.of("split", "full")).dataset().samples()).hasSize(5000);
    }

    @Test
    void mtBenchDownloadsQuestionsJudgePromptsAndReferenceAnswers() {
        Task t = create("mt_bench", Map.of());
        assertThat(t.dataset().samples()).hasSize(80);
        assertThat(home.resolve("cache/datasets/mt_bench")).isDirectoryContaining("glob:**/question.jsonl")
                .isDirectoryContaining("glob:**/judge_prompts.jsonl").isDirectoryContaining("glob:**/gpt-4.jsonl");
    }

    @Test
    void englishMmluDownloadsTheHendrycksArchiveAndRefusesOneWithoutThePinnedDigest() {
        // the served tar is a small stand-in, so the pinned digest of the real data.tar must turn it away
        assertThatThrownBy(() -> create("mmlu", 5, null, Map.of())).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("expected " + MmluTask.HENDRYCKS.sha256());
        assertThat(requested).containsExactly("/~hendrycks/data.tar");
    }

    @Test
    void englishMmluStillDownloadsTheSimpleEvalsCsvOnRequestAndFrenchItsMmmluFile() {
        assertThat(create("mmlu", Map.of("source", "simple-evals")).dataset().samples()).isNotEmpty();
        assertThat(requested).contains("/simple-evals/mmlu.csv");
        Task fr = create("mmlu", 0, "fr", Map.of());
        assertThat(fr.name()).isEqualTo("mmlu-fr");
        assertThat(requested).contains("/datasets/openai/MMMLU/resolve/main/test/mmlu_FR-FR.csv");
    }

    @Test
    void fewShotMmluFromTheSimpleEvalsCsvFailsBeforeDownloadingAnything() {
        assertThatThrownBy(() -> create("mmlu", 5, null, Map.of("source", "simple-evals")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--option dev=PATH")
                .hasMessageContaining("drop --option source=simple-evals");
        assertThat(requested).isEmpty();
    }

    @Test
    void fewShotFrenchMmluFailsBeforeDownloadingAnything() {
        assertThatThrownBy(() -> create("mmlu", 5, "fr", Map.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--option dev=PATH");
        assertThat(requested).isEmpty();
    }
}
