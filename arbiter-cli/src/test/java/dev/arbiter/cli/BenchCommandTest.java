package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.bench.DelayStubServer;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {
    @TempDir Path dir;

    private String[] args(DelayStubServer s, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("bench", "--endpoint", s.uri().toString(), "--model", "Qwen/Qwen2.5-7B-Instruct",
                "--store", dir.resolve("a.db").toString(), "--out", dir.resolve("out").toString(), "--input-tokens", "8",
                "--output-tokens", "6", "--warmup", "1"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void aSweepPrintsLevelsWithVllmMetricsStoresTheRunAndKeepsEveryRequest() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(2, 1)) {
            CliRun r = CliRun.of(args(s, "--concurrency", "1,4", "--num-prompts", "8", "--slo", "ttft=5s,tpot=1s", "--format", "json"));
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode j = r.json();
            assertThat(j.path("schema_version").asInt()).isEqualTo(1);
            assertThat(j.path("status").asText()).isEqualTo("completed");
            JsonNode levels = j.path("levels");
            assertThat(levels).hasSize(2);
            assertThat(levels.get(0).path("concurrency").asInt()).isEqualTo(1);
            assertThat(levels.get(1).path("concurrency").asInt()).isEqualTo(4);
            for (JsonNode l : levels) {
                assertThat(l.path("completed").asInt()).isEqualTo(8);
                assertThat(l.path("failed").asInt()).isZero();
                assertThat(l.path("request_throughput").asDouble()).isPositive();
                assertThat(l.path("output_token_throughput").asDouble()).isPositive();
                for (String m : List.of("ttft_ms", "itl_ms", "tpot_ms", "e2e_ms")) {
                    for (String k : List.of("mean", "p50", "p90", "p95", "p99")) assertThat(l.path(m).path(k).isNumber()).as(m + "." + k).isTrue();
                }
                assertThat(l.path("goodput").path("good").asInt()).isEqualTo(8);
            }
            assertThat(j.path("evidence").path("single_stream_tpot_ms").asDouble()).isPositive();
            // the stub's /tokenize counts words + 3 template tokens; the synthetic prompts are 8 words
            assertThat(j.path("input_check").path("source").asText()).isEqualTo("vllm");
            assertThat(j.path("input_check").path("estimated_mean").asDouble()).isEqualTo(8.0);
            assertThat(j.path("input_check").path("measured_mean").asDouble()).isEqualTo(11.0);
            assertThat(r.err()).contains("/tokenize");
            assertThat(j.path("evidence").path("catalog_model").isMissingNode()).isTrue();  // never trusted silently
            assertThat(j.path("evidence").path("proposed_catalog_model").asText()).isEqualTo("qwen2.5-7b");
            assertThat(r.err()).contains("--catalog-model qwen2.5-7b");
            assertThat(Files.readAllLines(dir.resolve("out/requests.jsonl"))).hasSize(16);
            assertThat(Files.readAllLines(dir.resolve("out/requests.csv"))).hasSize(17);

            CliRun list = CliRun.of("runs", "--store", dir.resolve("a.db").toString(), "--format", "json");
            assertThat(list.json().path("runs").get(0).path("task").asText()).isEqualTo("bench");
            String id = j.path("run_id").asText();
            CliRun one = CliRun.of("runs", id, "--store", dir.resolve("a.db").toString(), "--format", "json");
            assertThat(one.exit()).as(one.err()).isZero();
            assertThat(one.json().path("levels")).hasSize(2);
        }
    }

    @Test
    void vllmFormatWritesOneLineOfVllmKeysPerLevel() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(1, 1)) {
            CliRun r = CliRun.of(args(s, "--max-concurrency", "2", "--requests", "4", "--format", "vllm"));
            assertThat(r.exit()).as(r.err()).isZero();
            String[] lines = r.out().strip().split("\n");
            assertThat(lines).hasSize(1);
            JsonNode l = Json.mapper().readTree(lines[0]);
            for (String k : List.of("completed", "request_throughput", "output_throughput", "median_ttft_ms", "p99_ttft_ms",
                    "mean_tpot_ms", "median_itl_ms", "mean_e2el_ms", "max_concurrency")) {
                assertThat(l.has(k)).as(k).isTrue();
            }
            assertThat(l.path("completed").asInt()).isEqualTo(4);
        }
    }

    @Test
    void measuredSpeedIsRecordedForTheConfirmedCatalogueModelAndFitUsesIt() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(1, 4)) {
            CliRun r = CliRun.of(args(s, "--requests", "4", "--catalog-model", "qwen2.5-7b", "--quant", "int4",
                    "--hardware", "rtx-4090", "--format", "json"));
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode ev = r.json().path("evidence");
            assertThat(ev.path("catalog_model").asText()).isEqualTo("qwen2.5-7b");
            assertThat(ev.path("quant").asText()).isEqualTo("INT4");
            double tps = ev.path("single_stream_decode_tokens_per_s").asDouble();
            // 1000 / TPOT p50; the stub keeps an absolute schedule, so a late first token makes later gaps shorter
            assertThat(tps).isCloseTo(1000.0 / ev.path("single_stream_tpot_ms").asDouble(), org.assertj.core.api.Assertions.within(1e-6));
            assertThat(tps).isBetween(20.0, 2000.0);
            String id = r.json().path("run_id").asText();

            CliRun fit = CliRun.of("fit", "qwen2.5-7b", "--quant", "INT4", "--hardware", "rtx-4090",
                    "--store", dir.resolve("a.db").toString(), "--format", "json");
            assertThat(fit.exit()).as(fit.err()).isZero();
            assertThat(fit.json().path("measured_decode").path("run_id").asText()).isEqualTo(id);
            CliRun text = CliRun.of("fit", "qwen2.5-7b", "--quant", "INT4", "--hardware", "rtx-4090",
                    "--store", dir.resolve("a.db").toString());
            assertThat(text.out()).contains("measured, run " + id);

            CliRun cal = CliRun.of("fit", "--calibrate", id, "--store", dir.resolve("a.db").toString(), "--format", "json");
            assertThat(cal.exit()).as(cal.err()).isZero();
            assertThat(cal.json().path("calibration").path("measured_tokens_per_s").asDouble()).isEqualTo(tps);
            assertThat(cal.json().path("calibration").path("estimated_tokens_per_s").asDouble()).isPositive();

            // recommend reads the same evidence: the measured speed for that model, quant, hardware and GPU count only
            try (var store = dev.arbiter.eval.store.RunStore.open(dir.resolve("a.db"))) {
                var speeds = RecommendCommand.measuredSpeeds(new dev.arbiter.evidence.EvidenceStore(store), "rtx-4090", 1);
                assertThat(speeds.tokensPerS("qwen2.5-7b", "INT4").getAsDouble()).isEqualTo(tps);
                assertThat(speeds.tokensPerS("qwen2.5-7b", "Q4_K_M")).isEmpty();
                assertThat(RecommendCommand.measuredSpeeds(new dev.arbiter.evidence.EvidenceStore(store), "h100-80gb", 1)
                        .tokensPerS("qwen2.5-7b", "INT4")).isEmpty();
            }
            CliRun rec = CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "chatbot", "--store", dir.resolve("a.db").toString(), "--format", "json");
            assertThat(rec.exit()).as(rec.err()).isZero();
        }
    }

    @Test
    void reportOfABenchRunDrawsLatencyAgainstThroughputPerLevel() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(1, 2)) {
            CliRun r = CliRun.of(args(s, "--requests", "4", "--concurrency", "1,2", "--format", "json"));
            assertThat(r.exit()).as(r.err()).isZero();
            String id = r.json().path("run_id").asText();
            CliRun html = CliRun.of("report", id, "--store", dir.resolve("a.db").toString());
            assertThat(html.exit()).as(html.err()).isZero();
            assertThat(html.out()).contains("<h2>Latency vs throughput</h2>").contains("concurrency 1").contains("concurrency 2")
                    .contains("label:'TTFT p50'").contains("new Chart(").doesNotContain("src=\"http");
            String data = html.out().substring(html.out().indexOf("const datasets = ["));
            data = data.substring(0, data.indexOf("];"));
            assertThat(data.split("\\{x:", -1).length - 1).isEqualTo(2 * 4); // two levels × four series
        }
    }

    @Test
    void anSloSearchRaisesTheRateWhileLevelsMeetTheSlo() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(1, 1)) {
            CliRun r = CliRun.of(args(s, "--request-rate", "20", "--slo", "ttft=5s", "--slo-search", "--max-levels", "2",
                    "--requests", "6", "--format", "json"));
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode j = r.json();
            assertThat(j.path("levels")).extracting(l -> l.path("rate").asDouble()).containsExactly(20.0, 40.0);
            assertThat(j.path("slo_search").path("max_rate").asDouble()).isEqualTo(40.0);
        }
    }

    @Test
    void anSloSearchWithoutARateKeepsTheConcurrencyCapOnEveryLevel() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(1, 1)) {
            // no --request-rate: the search starts from 1/s, and --concurrency caps the requests in flight
            CliRun r = CliRun.of(args(s, "--concurrency", "2", "--slo", "ttft=5s", "--slo-search", "--max-levels", "2",
                    "--requests", "2", "--format", "json"));
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode levels = r.json().path("levels");
            assertThat(levels).extracting(l -> l.path("rate").asDouble()).containsExactly(1.0, 2.0);
            assertThat(levels).extracting(l -> l.path("concurrency").asInt()).containsExactly(2, 2);
            assertThat(r.err()).contains("rate 1/s (max 2 in flight)").contains("rate 2/s (max 2 in flight)");

            CliRun two = CliRun.of(args(s, "--concurrency", "1,8", "--slo", "ttft=5s", "--slo-search", "--requests", "2"));
            assertThat(two.exit()).isEqualTo(2);
            assertThat(two.err()).contains("--concurrency takes one value");
        }
    }

    @Test
    void anUnreachableServerIsExitThreeWithTheReasonNotACrash() throws Exception {
        int port;
        try (var free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CliRun r = CliRun.of("bench", "--endpoint", "http://127.0.0.1:" + port, "--model", "m", "--store",
                dir.resolve("a.db").toString(), "--out", dir.resolve("o").toString(), "--requests", "2", "--warmup", "0",
                "--no-metrics", "--format", "json");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.json().path("levels").get(0).path("errors").path("connection").asInt()).isEqualTo(2);
        assertThat(r.json().path("status").asText()).isEqualTo("failed");
    }

    @Test
    void imagesOptionSendsGeneratedImagesAndRecordsTheVisionWorkload() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(1, 1)) {
            CliRun r = CliRun.of(args(s, "--requests", "3", "--images", "2", "--image-kind", "document", "--image-pool", "4",
                    "--format", "json"));
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode j = r.json();
            assertThat(j.path("levels").get(0).path("completed").asInt()).isEqualTo(3);
            assertThat(j.path("workload").asText()).contains("images 2×document per turn (pool 4");
            assertThat(j.path("settings").path("images").asInt()).isEqualTo(2);
            assertThat(j.path("settings").path("image_kind").asText()).isEqualTo("document");
            assertThat(j.path("settings").path("image_pool").asInt()).isEqualTo(4);
            // warm-up and measured requests alike carry two image parts after the text
            assertThat(s.requests).hasSize(4).allSatisfy(q -> {
                JsonNode parts = q.path("messages").get(0).path("content");
                assertThat(parts).hasSize(3);
                assertThat(parts.get(2).path("image_url").path("url").asText()).startsWith("data:image/png;base64,iVBOR");
            });
            CliRun bad = CliRun.of(args(s, "--requests", "1", "--images", "1", "--image-kind", "photo"));
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.err()).contains("--image-kind");
        }
    }

    @Test
    void datasetTaskReplaysTheTasksOwnPromptsShuffledBySeed() throws Exception {
        Path gsm = dir.resolve("gsm.jsonl");
        Files.writeString(gsm, "{\"question\": \"Tom has 3 apples and buys 4 more. How many apples does he have?\", \"answer\": \"3+4=7\\n#### 7\"}\n"
                + "{\"question\": \"A box holds 6 eggs. How many eggs are in 5 boxes?\", \"answer\": \"6*5=30\\n#### 30\"}\n");
        try (DelayStubServer s = DelayStubServer.start(1, 1)) {
            CliRun r = CliRun.of(args(s, "--requests", "4", "--dataset", "gsm8k", "--data", gsm.toString(), "--format", "json"));
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode j = r.json();
            assertThat(j.path("workload").asText()).startsWith("dataset gsm8k").contains("(2 prompts from " + gsm + ") output 6");
            assertThat(j.path("settings").path("dataset").asText()).isEqualTo("gsm8k");
            assertThat(j.path("levels").get(0).path("completed").asInt()).isEqualTo(4);
            // after the one warm-up request
            List<String> sent = s.requests.stream().skip(1).map(q -> q.path("messages").get(0).path("content").asText()).toList();
            // the eval task's prompt (question plus its instruction), both questions, each twice as the list wraps
            assertThat(sent).allMatch(t -> t.contains("apples") || t.contains("eggs"));
            assertThat(sent).filteredOn(t -> t.contains("apples")).hasSize(2);
            assertThat(sent.get(0)).isNotEqualTo(sent.get(1)).isEqualTo(sent.get(2));
            assertThat(sent.get(0).length()).isGreaterThan(60);
        }
    }

    @Test
    void datasetMtBenchPlaysBothQuestionsAsOneConversation() throws Exception {
        // the repository's MT-Bench folder (judge prompts, reference answers) with a one-question question.jsonl
        Path q = Files.createDirectories(dir.resolve("mt/reference_answer"));
        Path repo = Path.of("..", "datasets", "mt_bench");
        Files.copy(repo.resolve("judge_prompts.jsonl"), q.resolve("../judge_prompts.jsonl"));
        try (var refs = Files.list(repo.resolve("reference_answer"))) {
            for (Path f : refs.toList()) Files.copy(f, q.resolve(f.getFileName().toString()));
        }
        q = q.getParent();
        Files.writeString(q.resolve("question.jsonl"), "{\"question_id\": 81, \"category\": \"writing\", \"turns\": [\"Write a haiku about rain.\", \"Now make it about snow.\"]}\n");
        try (DelayStubServer s = DelayStubServer.start(1, 1)) {
            CliRun r = CliRun.of(args(s, "--requests", "2", "--dataset", "mt_bench", "--data", q.toString(), "--format", "json"));
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.json().path("levels").get(0).path("ttft_by_turn")).hasSize(2);
            JsonNode second = s.requests.stream().toList().get(2).path("messages");  // after the warm-up request
            assertThat(second).hasSize(3);
            assertThat(second.get(0).path("content").asText()).isEqualTo("Write a haiku about rain.");
            assertThat(second.get(1).path("role").asText()).isEqualTo("assistant");
            assertThat(second.get(2).path("content").asText()).isEqualTo("Now make it about snow.");

            CliRun bad = CliRun.of(args(s, "--requests", "1", "--dataset", "no_such_task"));
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.err()).contains("no such file, and not a task name");
        }
    }

    @Test
    void badOptionsAreExitTwoNamingTheFlag() {
        CliRun r = CliRun.of("bench", "--endpoint", "http://127.0.0.1:9", "--model", "m", "--input-tokens", "lots",
                "--store", dir.resolve("a.db").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--input-tokens");
        CliRun slo = CliRun.of("bench", "--endpoint", "http://127.0.0.1:9", "--model", "m", "--slo", "fast",
                "--store", dir.resolve("a.db").toString());
        assertThat(slo.exit()).isEqualTo(2);
        assertThat(slo.err()).contains("--slo");
    }
}
