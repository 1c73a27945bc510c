package dev.arbiter.report;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.engine.MetricSummary;
import dev.arbiter.eval.engine.RunManifest;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.RunStatus;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.metrics.Stats;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredRun;
import dev.arbiter.eval.store.StoredSample;
import dev.arbiter.util.Json;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed run store for report tests, written through the store's own insert methods: two mmlu runs of two models on
 * the same twelve questions (one model's answers hostile HTML), a bench run and a probe run. Every value, time and
 * path is a constant, so the report built from it is byte-for-byte the same on every machine.
 */
public final class ReportFixture {
    public static final String QWEN = "20260101-090000-aaaaaa";
    public static final String HOUSE = "20260101-091000-bbbbbb";
    public static final String BENCH = "20260101-092000-cccccc";
    public static final String PROBE = "20260101-093000-dddddd";
    public static final String HOSTILE = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
    static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");
    static final String[] SUBJECTS = {"anatomy", "astronomy", "virology"};

    private ReportFixture() {}

    /** Writes the four runs into a new store at {@code file}. */
    public static void write(Path file) {
        try (RunStore s = RunStore.open(file)) {
            // qwen: 11 of 12 right; house model: 5 of 12, its wrong answers are hostile HTML
            eval(s, QWEN, "Qwen/Qwen2.5-7B-Instruct", T0, i -> i != 7, i -> i == 7 ? "The answer is C" : "The answer is A");
            eval(s, HOUSE, "acme/house-model-1", T0.plusSeconds(600), i -> i % 2 == 0 && i < 10,
                    i -> i % 2 == 0 && i < 10 ? "A" : HOSTILE + " answer: B");
            bench(s);
            probe(s);
        }
    }

    /** Starts an mmlu run of twelve questions, as the engine does: status running, no record yet. */
    public static void start(RunStore s, String id, String model, Instant start) {
        start(s, id, model, start, 12);
    }

    /** Starts an mmlu run of {@code n} questions, as the engine does: status running, no record yet. */
    public static void start(RunStore s, String id, String model, Instant start, int n) {
        RunManifest m = manifest(id, "mmlu", model, start, n, List.of("accuracy"));
        s.insertRun(new StoredRun(id, "mmlu", model, "openai http://127.0.0.1:8000/v1 " + model, "key-" + id, "running", start, null,
                n, 0, null, Json.write(m.withStatus(RunStatus.running, null)), null));
    }

    /**
     * An mmlu run of {@code n} questions killed after answering the first {@code answered} (right where {@code right}
     * says): status running, no record, as a run killed with -9 leaves the store.
     */
    public static void killed(RunStore s, String id, String model, Instant start, int n, int answered, java.util.function.IntPredicate right) {
        start(s, id, model, start, n);
        for (int i = 0; i < answered; i++) answer(s, id, model, start, i, right.test(i), right.test(i) ? "The answer is A" : "The answer is B");
    }

    /**
     * Stores a completed mmlu run of {@code n} questions, right on those {@code right} accepts, with the record the
     * engine would write.
     */
    public static void eval(RunStore s, String id, String model, Instant start, int n, java.util.function.IntPredicate right) {
        eval(s, id, model, start, n, right, i -> right.test(i) ? "The answer is A" : "The answer is B");
    }

    /** Stores the answer to question {@code i} (0-based) of a run started with {@link #start}. */
    public static SampleRecord answer(RunStore s, String id, String model, Instant start, int i, boolean ok, String response) {
        String subject = SUBJECTS[i % 3];
        SampleRecord r = new SampleRecord("q" + (i + 1), 0, SampleRecord.SCORED, List.of(ChatMessage.user("Question " + (i + 1) + " about " + subject + "?")),
                List.of("A"), List.of("A", "B", "C", "D"), Map.of("subject", subject), List.of(), response, null, "stop", model,
                "choice", ok ? "A" : "B", ok ? 1.0 : 0.0, ok ? "A = A" : "B ≠ A", Map.of(), 100 + i, 120 + i, 50, 5, 1, 1, 0, null,
                start.plusSeconds(10 + i), null, null, null);
        s.putSample(new StoredSample(id, "mmlu", r.sampleId(), 0, Json.write(r), r.score(), r.status()));
        return r;
    }

    private static void eval(RunStore s, String id, String model, Instant start, java.util.function.IntPredicate right,
                             java.util.function.IntFunction<String> response) {
        eval(s, id, model, start, 12, right, response);
    }

    private static void eval(RunStore s, String id, String model, Instant start, int n, java.util.function.IntPredicate right,
                             java.util.function.IntFunction<String> response) {
        RunManifest m = manifest(id, "mmlu", model, start, n, List.of("accuracy"));
        start(s, id, model, start, n);
        List<SampleRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) records.add(answer(s, id, model, start, i, right.test(i), response.apply(i)));
        Map<String, MetricSummary> metrics = new LinkedHashMap<>();
        metrics.put("accuracy", summary(records, null));
        for (String subject : SUBJECTS) metrics.put("subject/" + subject, summary(records, subject));
        TaskResult t = new TaskResult("mmlu", 1, "choice", n, 1, n, n, 0, 0, 0, metrics, 50L * n, 5L * n, null, 0, Map.of(),
                Map.of("scored", n), List.of());
        RunManifest ended = m.withStatus(RunStatus.completed, start.plusSeconds(60));
        RunRecord record = new RunRecord(RunRecord.SCHEMA_VERSION, id, RunStatus.completed, ended, List.of(t), "/runs/" + id + "/samples.jsonl", null);
        s.finishRun(id, "completed", ended.endedAt(), t.headline(), Json.write(ended), Json.write(record));
    }

    /**
     * Stores a completed run of {@code task} whose answer i scored {@code scores[i]}, with the metrics given: for
     * tasks whose metrics are not the mean of 0/1 scores (MT-Bench's 1–10 ratings, HumanEval's pass@k and counts).
     */
    public static void run(RunStore s, String id, String task, String model, Instant start, double[] scores,
                           Map<String, MetricSummary> metrics) {
        int n = scores.length;
        RunManifest m = manifest(id, task, model, start, n, List.copyOf(metrics.keySet()));
        s.insertRun(new StoredRun(id, task, model, "openai http://127.0.0.1:8000/v1 " + model, "key-" + id, "running", start, null,
                n, 0, null, Json.write(m.withStatus(RunStatus.running, null)), null));
        for (int i = 0; i < n; i++) {
            SampleRecord r = new SampleRecord("q" + (i + 1), 0, SampleRecord.SCORED, List.of(ChatMessage.user("Question " + (i + 1) + "?")),
                    List.of(), List.of(), Map.of(), List.of(), "Answer " + (i + 1), null, "stop", model, "fixture", null, scores[i], null,
                    Map.of(), 100 + i, 120 + i, 50, 5, 1, 1, 0, null, start.plusSeconds(10 + i), null, null, null);
            s.putSample(new StoredSample(id, task, r.sampleId(), 0, Json.write(r), r.score(), r.status()));
        }
        TaskResult t = new TaskResult(task, 1, "fixture", n, 1, n, n, 0, 0, 0, metrics, 50L * n, 5L * n, null, 0, Map.of(),
                Map.of("scored", n), List.of());
        RunManifest ended = m.withStatus(RunStatus.completed, start.plusSeconds(60));
        RunRecord record = new RunRecord(RunRecord.SCHEMA_VERSION, id, RunStatus.completed, ended, List.of(t), "/runs/" + id + "/samples.jsonl", null);
        s.finishRun(id, "completed", ended.endedAt(), t.headline(), Json.write(ended), Json.write(record));
    }

    /** Mean, normal-approximation and Wilson 95% intervals of the 0/1 scores, as the engine records them. */
    private static MetricSummary summary(List<SampleRecord> records, String subject) {
        double[] xs = records.stream().filter(r -> subject == null || subject.equals(r.sampleMetadata().get("subject")))
                .mapToDouble(SampleRecord::score).toArray();
        double mean = Stats.mean(xs), se = Stats.stderr(xs);
        double[] w = Stats.wilson95(mean, xs.length);
        return new MetricSummary(mean, se, List.of(mean - Stats.Z95 * se, mean + Stats.Z95 * se), List.of(w[0], w[1]), xs.length);
    }

    static RunManifest manifest(String id, String task, String model, Instant start, int samples, List<String> metrics) {
        return new RunManifest(id, RunStatus.completed, task, 1, "choice", metrics, model, "local",
                "openai http://127.0.0.1:8000/v1 " + model, null, task, "/data/" + task + ".jsonl", "0".repeat(64), samples, samples,
                new GenerationConfig(0.0, null, 256, null, null, null, null), 1L, null, 1, 4, null, null, null, false, "0.1.0", start,
                null, "/runs/" + id, "key-" + id, null);
    }

    private static void bench(RunStore s) {
        String record = """
                {"schema_version":1,"run_id":"%s","status":"completed","started_at":"2026-01-01T09:20:00Z","ended_at":"2026-01-01T09:25:00Z",
                 "endpoint":"http://127.0.0.1:8000","api":"openai","served_model":"Qwen/Qwen2.5-7B-Instruct","workload":"synthetic 512/128",
                 "levels":[
                  {"concurrency":1,"completed":20,"failed":0,"request_throughput":0.9,"output_token_throughput":115.2,
                   "ttft_ms":{"n":20,"p50":41.0,"p99":60.5},"itl_ms":{"n":20,"p50":8.1},"tpot_ms":{"n":20,"p50":8.2},"e2e_ms":{"n":20,"p50":1080.0,"p99":1150.0}},
                  {"concurrency":8,"completed":80,"failed":1,"request_throughput":5.6,"output_token_throughput":716.8,
                   "ttft_ms":{"n":80,"p50":88.0,"p99":240.0},"itl_ms":{"n":80,"p50":10.9},"tpot_ms":{"n":80,"p50":11.2},"e2e_ms":{"n":80,"p50":1510.0,"p99":1790.0}}],
                 "evidence":{"run_id":"%s","catalog_model":"qwen2.5-7b","quant":"AWQ","hardware":"rtx-4090","gpus":1}}
                """.formatted(BENCH, BENCH);
        Instant start = T0.plusSeconds(1200);
        s.insertRun(new StoredRun(BENCH, "bench", "Qwen/Qwen2.5-7B-Instruct", "http://127.0.0.1:8000", "key-bench", "running", start,
                null, 2, 0, null, "{}", null));
        s.finishRun(BENCH, "completed", start.plusSeconds(300), null, "{}", record);
    }

    private static void probe(RunStore s) {
        Instant start = T0.plusSeconds(1800);
        RunManifest m = manifest(PROBE, "probe", "acme/house-model-1", start, 3, List.of("asr"));
        s.insertRun(new StoredRun(PROBE, "probe", "acme/house-model-1", "openai http://127.0.0.1:8000/v1", "key-probe", "running", start,
                null, 3, 0, null, Json.write(m), null));
        String[][] rows = {{"gh-1.end", "attack", "1"}, {"gh-1.start", "attack", "0"}, {"gh-1.control", "control", "0"}};
        for (String[] row : rows) {
            double score = Double.parseDouble(row[2]);
            Map<String, Object> meta = Map.of("category", "goal_hijack", "kind", row[1], "probe", "gh-1", "owasp", List.of("LLM01:2025"),
                    "atlas", List.of("AML.T0051.000"), "position", row[0].substring(5));
            SampleRecord r = new SampleRecord(row[0], 0, SampleRecord.SCORED, List.of(ChatMessage.user("Summarise the document.")), List.of(), List.of(),
                    meta, List.of(), score > 0 ? "PWNED-7f3a " + HOSTILE : "A short summary.", null, "stop", "acme/house-model-1", "probe",
                    null, score, score > 0 ? "canary found" : "no canary", score > 0 ? Map.of("matched_by", "literal", "evidence", "PWNED-7f3a") : Map.of(),
                    90, 95, 40, 6, 1, 1, 0, null, start.plusSeconds(5), null, null, null);
            s.putSample(new StoredSample(PROBE, "probe", r.sampleId(), 0, Json.write(r), r.score(), r.status()));
        }
        TaskResult t = new TaskResult("probe", 1, "probe", 3, 1, 3, 3, 0, 0, 0, Map.of(), 120, 18, null, 0, Map.of(), Map.of("scored", 3), List.of());
        RunManifest ended = m.withStatus(RunStatus.completed, start.plusSeconds(30));
        s.finishRun(PROBE, "completed", ended.endedAt(), null, Json.write(ended),
                Json.write(new RunRecord(RunRecord.SCHEMA_VERSION, PROBE, RunStatus.completed, ended, List.of(t), "/runs/" + PROBE + "/samples.jsonl", null)));
    }
}
