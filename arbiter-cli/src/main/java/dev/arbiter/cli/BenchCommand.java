package dev.arbiter.cli;

import dev.arbiter.bench.Bench;
import dev.arbiter.bench.BenchPlan;
import dev.arbiter.bench.BenchRecord;
import dev.arbiter.bench.BenchRunner;
import dev.arbiter.bench.BenchSession;
import dev.arbiter.bench.BenchSetup;
import dev.arbiter.bench.LengthSpec;
import dev.arbiter.bench.LevelListener;
import dev.arbiter.bench.ImageWorkload;
import dev.arbiter.bench.LevelResult;
import dev.arbiter.bench.LoadLevel;
import dev.arbiter.bench.RequestRecord;
import dev.arbiter.bench.ShareGptWorkload;
import dev.arbiter.bench.Slo;
import dev.arbiter.bench.SyntheticWorkload;
import dev.arbiter.bench.Workload;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EnvLookup;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.engine.RunIds;
import dev.arbiter.eval.task.vision.ChartSynth;
import dev.arbiter.eval.task.vision.DocSynth;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.evidence.ModelMatch;
import dev.arbiter.fit.HardwareCatalog;
import dev.arbiter.fit.Quant;
import dev.arbiter.util.Ticker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

@Command(name = "bench", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        header = "How fast a served model answers under load: TTFT, ITL, TPOT, E2E, throughput, goodput.",
        description = {"Streams requests to your server and times each one with one monotonic clock, with vLLM's",
                "definitions and key names (vLLM's option names are accepted as aliases). Closed loop at fixed",
                "concurrency, or open loop with seeded Poisson arrivals; a list sweeps. Results are stored with the",
                "other runs (./arbiter runs) and become the measured speed fit and recommend use."},
        footer = {"", "Examples:",
                "  ./arbiter bench --endpoint http://127.0.0.1:8000 --model Qwen/Qwen2.5-7B-Instruct --concurrency 1,8,32",
                "  ./arbiter bench --endpoint http://127.0.0.1:8000 --model m --request-rate 2,4,8 --duration 60s --slo ttft=500ms,tpot=50ms",
                "  ./arbiter bench --endpoint http://127.0.0.1:11434 --model qwen2.5:7b --input-tokens 256-1024 --output-tokens 128",
                "  ./arbiter bench --endpoint http://127.0.0.1:8000 --model m --turns 4 --shared-prefix 2000",
                "  ./arbiter bench --endpoint http://127.0.0.1:8000 --model Qwen/Qwen2.5-VL-7B-Instruct --images 2 --image-kind mixed",
                "  ./arbiter bench --endpoint http://127.0.0.1:8000 --model m --dataset gsm8k --output-tokens 256 --no-force-output",
                "  ./arbiter bench --endpoint http://127.0.0.1:8000 --model m --dataset mmmu --data mmmu_validation.jsonl",
                "  ./arbiter bench ... --catalog-model qwen2.5-7b --quant INT4 --hardware rtx-4090 --gpus 1",
                "  ./arbiter bench ... --format vllm > result.jsonl",
                "",
                "Metrics: TTFT = request written → first event with generated text (a role-only chunk is not a token);",
                "ITL = gaps between text events (per chunk); TPOT = (E2E − TTFT) ÷ (output tokens − 1) (GenAI-Perf's",
                "and AIPerf's \"ITL\"); E2E = to the last data event. Percentiles are exact (sorted, numpy's linear rule).",
                "Output tokens come from the server's usage (stream_options.include_usage, Ollama's eval_count), else counted chunks."})
final class BenchCommand implements Callable<Integer> {
    /** Tests inject the environment API keys are read from. */
    static EnvLookup env = null;

    enum Format { text, json, vllm }

    @Mixin StoreMixin store;
    @Mixin EndpointMixin endpointOptions;
    @Mixin CatalogMixin catalog;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text, json (levels + schema_version) or vllm (one line of vLLM's result keys per level). Default: text.")
    Format format = Format.text;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Option(names = {"--concurrency", "--max-concurrency"}, paramLabel = "N[,N…]", split = ",",
            description = "Requests in flight (closed loop); a list sweeps. With --request-rate or --slo-search: a cap on requests in flight.")
    List<Integer> concurrency = new ArrayList<>();

    @Option(names = "--request-rate", paramLabel = "R[,R…]", split = ",",
            description = "Requests per second, Poisson arrivals from a precomputed seeded schedule (open loop); 'inf' sends all at once; a list sweeps.")
    List<String> rates = new ArrayList<>();

    @Option(names = {"--requests", "--num-prompts"}, paramLabel = "N", description = "Requests per level (default: 200, or unbounded with --duration).")
    Integer requests;

    @Option(names = "--duration", paramLabel = "TIME", description = "Per-level time limit, e.g. 60s, 5m; no new request after it.")
    String duration;

    @Option(names = {"--input-tokens", "--random-input-len"}, paramLabel = "SPEC", defaultValue = "256",
            description = "Synthetic prompt length in tokens: N, A-B (uniform) or MEAN~SD (normal). Default: ${DEFAULT-VALUE}.")
    String inputTokens;

    @Option(names = {"--output-tokens", "--random-output-len"}, paramLabel = "SPEC", defaultValue = "128",
            description = "Answer length in tokens, same forms. Default: ${DEFAULT-VALUE}.")
    String outputTokens;

    @Option(names = "--no-force-output", description = "Do not send min_tokens/ignore_eos/n_predict (for servers that reject unknown fields).")
    boolean noForceOutput;

    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (default: the server's).")
    Double temperature;

    @Option(names = "--dataset", paramLabel = "TASK|FILE",
            description = "Prompts from an eval task's dataset (gsm8k, mmlu, humaneval, mt_bench, chart_qa_synth, mmmu, …; its data from --data or its default copy) or a ShareGPT-style JSON file, instead of synthetic ones.")
    String dataset;

    @Option(names = "--data", paramLabel = "PATH", description = "With --dataset TASK: the task's data file or folder, as eval --data.")
    Path data;

    @Option(names = "--turns", paramLabel = "N", defaultValue = "1", description = "Turns per conversation; each resends the history (default: ${DEFAULT-VALUE}).")
    int turns;

    @Option(names = "--shared-prefix", paramLabel = "TOKENS", defaultValue = "0", description = "A system prompt of this many tokens shared by every conversation (prefix cache).")
    int sharedPrefix;

    @Option(names = "--images", paramLabel = "N", defaultValue = "0",
            description = "Generated images sent with every user turn (a vision workload), seeded by --seed (default: none).")
    int images;

    @Option(names = "--image-kind", paramLabel = "KIND", defaultValue = "chart",
            description = "What --images generates: chart (640×420 PNG), document (620×760 PNG) or mixed (default: ${DEFAULT-VALUE}).")
    String imageKind;

    @Option(names = "--image-pool", paramLabel = "N",
            description = "Distinct images rendered before the run (default: enough for 128 requests); requests past it reuse them.")
    Integer imagePool;

    /** The pool size used (given or defaulted), for the record. */
    private int resolvedPool;

    @Option(names = {"--warmup", "--num-warmups"}, paramLabel = "N", defaultValue = "4", description = "Unmeasured requests first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed for prompts and arrival times (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"--slo", "--goodput"}, paramLabel = "SPEC", description = "Goodput bounds, e.g. ttft=500ms,tpot=50ms,e2e=2s (vLLM's ttft:500 tpot:50 too).")
    String slo;

    @Option(names = "--slo-search", description = "Search for the highest request rate that meets --slo: doubles from the first --request-rate (default 1/s), then bisects; --concurrency N caps every level's requests in flight.")
    boolean sloSearch;

    @Option(names = "--slo-fraction", paramLabel = "F", defaultValue = "0.95", description = "Share of requests that must meet the SLO for a level to pass (default: ${DEFAULT-VALUE}).")
    double sloFraction;

    @Option(names = "--max-levels", paramLabel = "N", defaultValue = "8", description = "Most levels an --slo-search runs (default: ${DEFAULT-VALUE}).")
    int maxLevels;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600", description = "Per-request limit (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(names = "--no-metrics", description = "Do not sample the server's Prometheus /metrics.")
    boolean noMetrics;

    @Option(names = "--catalog-model", paramLabel = "ID", description = "The catalogue model being served (recorded as evidence for fit/recommend).")
    String catalogModel;

    @Option(names = "--quant", paramLabel = "Q", description = "Its quantisation, e.g. INT4, Q4_K_M, FP8.")
    String quant;

    @Option(names = "--hardware", paramLabel = "ID", description = "The hardware profile it runs on (see ./arbiter hardware).")
    String hardware;

    @Option(names = "--gpus", paramLabel = "N", defaultValue = "1", description = "How many of those devices (default: ${DEFAULT-VALUE}).")
    int gpus;

    @Option(names = "--out", paramLabel = "DIR", description = "Where requests.jsonl and requests.csv go (default: $ARBITER_HOME/runs/RUN_ID).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Format fmt = json ? Format.json : format;
        Endpoint e = endpointOptions.resolve().withTimeouts(null, Duration.ofSeconds(positive(timeoutSeconds, "--timeout")));
        BenchPlan plan = plan();
        String proposed = null;
        if (catalogModel != null) {
            catalog.load().get(catalogModel);  // an unknown id is bad input now, not a dangling record later
        } else {
            proposed = ModelMatch.catalogModel(e.model(), catalog.load()).orElse(null);
        }
        if (quant != null) quant = Quant.parse(quant).wire();
        if (hardware != null) HardwareCatalog.bundled().get(hardware);
        if ((catalogModel != null) && (quant == null || hardware == null)) {
            err.println("arbiter: note: --catalog-model without --quant and --hardware is recorded but fit cannot use it");
        }
        BenchSetup setup = new BenchSetup(e, plan, workload(plan), !noForceOutput, temperature, !noMetrics, catalogModel,
                proposed, quant, hardware, positive(gpus, "--gpus"), store.runsRoot(), out, settings(plan));
        try (RunStore runs = store.open()) {
            BenchSession session = new BenchSession(runs, Clock.systemUTC(), Ticker.system(), keys(),
                    RunIds.from(Clock.systemUTC(), new SplittableRandom()));
            BenchSession.Prepared p = session.prepare(setup);
            BenchSession.Outcome o = withCtrlC(p.runner(), () -> session.run(p, progress(err)));
            render(fmt, o, stdout, plan);
            for (String w : o.record().warnings()) err.println("arbiter: note: " + w);
            err.println("stored as run " + o.record().runId() + " in " + store.location() + "; per request: "
                    + o.record().files().get("requests_jsonl"));
            return switch (o.record().status()) {
                case "interrupted" -> ExitCode.INTERRUPTED;
                case "failed" -> {
                    err.println("arbiter: unavailable: no request completed (see the errors above)");
                    yield ExitCode.UNAVAILABLE;
                }
                default -> ExitCode.OK;
            };
        }
    }

    private BenchPlan plan() {
        List<LoadLevel> levels = new ArrayList<>();
        // open loop (rates given, or searched for): --concurrency is one cap on the requests in flight at every level
        Integer cap = null;
        if (!rates.isEmpty() || sloSearch) {
            if (concurrency.size() > 1) {
                throw new InvalidInputException("--concurrency takes one value (a cap) with " + (rates.isEmpty() ? "--slo-search" : "--request-rate"));
            }
            cap = concurrency.isEmpty() ? null : positive(concurrency.get(0), "--concurrency");
        }
        if (!rates.isEmpty()) {
            for (String r : rates) levels.add(LoadLevel.open(rate(r), cap));
        } else {
            if (concurrency.isEmpty()) concurrency = List.of(1);
            for (int c : concurrency) levels.add(LoadLevel.closed(positive(c, "--concurrency")));
        }
        Duration d = duration == null ? null : TimeSpec.parse(duration, "--duration");
        Integer n = requests != null ? Integer.valueOf(positive(requests, "--requests")) : d == null ? Integer.valueOf(200) : null;
        if (levels.stream().anyMatch(l -> l.rate() != null && l.rate().isInfinite()) && n == null) {
            throw new InvalidInputException("--request-rate inf needs --requests");
        }
        if (warmup < 0) throw new InvalidInputException("--warmup must be >= 0, got " + warmup);
        Slo bounds = Slo.parse(slo);
        dev.arbiter.bench.SloSearch search = null;
        if (sloSearch) {
            if (bounds.isEmpty()) throw new InvalidInputException("--slo-search needs --slo, e.g. --slo ttft=500ms,tpot=50ms");
            if (!(sloFraction > 0 && sloFraction <= 1)) throw new InvalidInputException("--slo-fraction must be in (0, 1], got " + sloFraction);
            double start = rates.isEmpty() ? 1.0 : levels.get(0).rate();
            if (Double.isInfinite(start)) throw new InvalidInputException("--slo-search starts from a finite --request-rate");
            search = new dev.arbiter.bench.SloSearch(start, sloFraction, positive(maxLevels, "--max-levels"), cap);
            levels = List.of();
        }
        return new BenchPlan(levels, new BenchRunner.Bound(n, d), warmup, seed, bounds, search);
    }

    private Workload workload(BenchPlan plan) {
        Workload w = textWorkload();
        if (images < 0) throw new InvalidInputException("--images must be >= 0, got " + images);
        if (images == 0) return w;
        java.util.function.IntFunction<dev.arbiter.client.ImagePart> generator = switch (imageKind.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "chart" -> i -> dev.arbiter.client.ImagePart.of("image/png", ChartSynth.item(seed, i).png());
            case "document" -> i -> dev.arbiter.client.ImagePart.of("image/png", DocSynth.item(seed, i).png());
            case "mixed" -> i -> dev.arbiter.client.ImagePart.of("image/png", (i % 2 == 0 ? ChartSynth.item(seed, i) : DocSynth.item(seed, i)).png());
            default -> throw new InvalidInputException("--image-kind must be chart, document or mixed, got " + imageKind);
        };
        int requestsPerLevel = plan.bound().requests() == null ? 128 : Math.min(128, plan.bound().requests());
        int pool = imagePool != null ? positive(imagePool, "--image-pool") : images * requestsPerLevel;
        if (pool < images) throw new InvalidInputException("--image-pool (" + pool + ") must be at least --images (" + images + ")");
        resolvedPool = pool;
        spec.commandLine().getErr().println("rendering " + pool + " " + imageKind + " image(s) …");
        return new ImageWorkload(w, images, generator, imageKind, pool);
    }

    private Workload textWorkload() {
        positive(turns, "--turns");
        if (sharedPrefix < 0) throw new InvalidInputException("--shared-prefix must be >= 0, got " + sharedPrefix);
        if (dataset != null) {
            Path file = Path.of(dataset);
            boolean task = !java.nio.file.Files.isRegularFile(file) && BenchDatasets.isTask(dataset);
            if (task) {
                // MT-Bench's two questions are one conversation unless --turns says fewer
                int most = spec.commandLine().getParseResult().hasMatchedOption("--turns") ? turns : Integer.MAX_VALUE;
                return BenchDatasets.workload(dataset, data, seed, LengthSpec.parse(outputTokens, "--output-tokens"), most);
            }
            if (!java.nio.file.Files.exists(file)) {
                throw new InvalidInputException("--dataset " + dataset + ": no such file, and not a task name (tasks: gsm8k, mmlu, "
                        + "humaneval, mt_bench, math, mmlu_pro, gpqa, aime, ifeval, mbpp, chart_qa_synth, mmmu, … as ./arbiter eval --help lists)");
            }
            if (data != null) throw new InvalidInputException("--data goes with --dataset TASK; '" + dataset + "' is not a task name");
            return new ShareGptWorkload(file, seed, turns, spec.commandLine().getParseResult().hasMatchedOption("--output-tokens")
                    ? LengthSpec.parse(outputTokens, "--output-tokens").min() : null);
        }
        if (data != null) throw new InvalidInputException("--data goes with --dataset TASK");
        return new SyntheticWorkload(seed, LengthSpec.parse(inputTokens, "--input-tokens"),
                LengthSpec.parse(outputTokens, "--output-tokens"), turns, sharedPrefix);
    }

    private Map<String, Object> settings(BenchPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (plan.search() == null) m.put("levels", plan.levels().stream().map(LoadLevel::label).toList());
        m.put("requests", plan.bound().requests());
        m.put("duration_s", plan.bound().duration() == null ? null : plan.bound().duration().toMillis() / 1000.0);
        m.put("warmup", warmup);
        m.put("seed", seed);
        m.put("input_tokens", dataset == null ? inputTokens : null);
        m.put("output_tokens", outputTokens);
        m.put("dataset", dataset);
        m.put("data", data == null ? null : data.toString());
        m.put("turns", turns);
        m.put("images", images);
        if (images > 0) m.put("image_kind", imageKind);
        if (images > 0) m.put("image_pool", resolvedPool);
        m.put("shared_prefix", sharedPrefix);
        m.put("force_output", !noForceOutput);
        m.put("temperature", temperature);
        m.put("slo", slo);
        if (sloSearch) m.put("slo_search", JsonOut.fields("min_fraction", sloFraction, "max_levels", maxLevels));
        m.put("timeout_s", timeoutSeconds);
        return m;
    }

    private static double rate(String r) {
        String t = r.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("inf")) return Double.POSITIVE_INFINITY;
        try {
            double v = Double.parseDouble(t);
            if (v > 0 && !Double.isNaN(v)) return v;
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new InvalidInputException("--request-rate: '" + r + "' is not a rate > 0 (requests/s) or 'inf'");
    }

    private static int positive(long v, String flag) {
        if (v < 1 || v > Integer.MAX_VALUE) throw new InvalidInputException(flag + " must be >= 1, got " + v);
        return (int) v;
    }

    private static EnvLookup keys() {
        return env != null ? env : EnvLookup.system();
    }

    private static LevelListener progress(PrintWriter err) {
        return new LevelListener() {
            @Override
            public void levelStarted(LoadLevel level, int index, int of) {
                err.println("level " + index + "/" + of + ": " + level.label() + " …");
                err.flush();
            }

            @Override
            public void levelEnded(LevelResult r, List<RequestRecord> records) {
                err.println("  " + r.completed() + " completed, " + r.failed() + " failed" + (r.errors().isEmpty() ? "" : " " + r.errors()));
                err.flush();
            }
        };
    }

    private void render(Format fmt, BenchSession.Outcome o, PrintWriter out, BenchPlan plan) {
        BenchRecord r = o.record();
        switch (fmt) {
            case json -> JsonOut.print(out, "bench", r);
            case vllm -> {
                var compact = dev.arbiter.util.Json.mapper().writer()
                        .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
                for (LevelResult l : r.levels()) {
                    int n = l.completed() + l.failed();
                    try {
                        out.println(compact.writeValueAsString(dev.arbiter.bench.VllmKeys.of(l, r, n)));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                        throw new IllegalStateException("cannot serialise a level", ex);
                    }
                }
                out.flush();
            }
            default -> BenchText.print(out, r);
        }
    }

    /** Runs {@code body} with a Ctrl-C hook that stops the runner and holds the JVM until the record is stored. */
    private static BenchSession.Outcome withCtrlC(BenchRunner runner, java.util.function.Supplier<BenchSession.Outcome> body) {
        return CtrlC.guard(runner::requestStop, 15, body);
    }
}
