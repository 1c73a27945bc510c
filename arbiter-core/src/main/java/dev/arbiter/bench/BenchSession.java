package dev.arbiter.bench;

import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EnvLookup;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.client.ModelClients;
import dev.arbiter.client.http.HttpTransport;
import dev.arbiter.client.http.StreamingHttp;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredRun;
import dev.arbiter.evidence.Evidence;
import dev.arbiter.evidence.EvidenceStore;
import dev.arbiter.util.Json;
import dev.arbiter.util.Ticker;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A whole bench run: stored as {@code running} when it starts, levels run, per-request log written, record and
 * evidence stored when it ends (also after Ctrl-C, with status {@code interrupted}).
 */
public final class BenchSession {
    /** Prompts measured with the server's /tokenize before the run (not timed). */
    static final int TOKENIZE_SAMPLES = 5;
    private final RunStore store;
    private final Clock clock;
    private final Ticker ticker;
    private final EnvLookup env;
    private final Supplier<String> runIds;

    public BenchSession(RunStore store, Clock clock, Ticker ticker, EnvLookup env, Supplier<String> runIds) {
        this.store = store;
        this.clock = clock;
        this.ticker = ticker;
        this.env = env;
        this.runIds = runIds;
    }

    /** A run ready to start; {@link #runner()} is what a Ctrl-C hook stops. */
    public static final class Prepared {
        final BenchSetup setup;
        final StreamingHttp http;
        final HttpTransport side;
        final BenchRunner runner;
        final boolean metrics;

        Prepared(BenchSetup setup, StreamingHttp http, HttpTransport side, BenchRunner runner, boolean metrics) {
            this.setup = setup;
            this.http = http;
            this.side = side;
            this.runner = runner;
            this.metrics = metrics;
        }

        public BenchRunner runner() { return runner; }

        /** Whether the server's /metrics will be sampled. */
        public boolean metrics() { return metrics; }
    }

    /** A finished run: its record and the per-request data. */
    public record Outcome(BenchRecord record, List<Bench.Level> levels) {}

    public Prepared prepare(BenchSetup s) {
        Endpoint e = s.endpoint();
        StreamingHttp http = ModelClients.streaming(e, ticker, env, ErrorMapper.system());
        HttpTransport side = ModelClients.transport(e, ticker, env, ErrorMapper.system());
        BenchRunner runner = new BenchRunner(StreamingCall.forEndpoint(e, http, s.forceOutput(), s.temperature()), s.workload());
        boolean metrics = s.sampleMetrics() && MetricsSampler.available(side, serverRoot(e.baseUrl()));
        return new Prepared(s, http, side, runner, metrics);
    }

    public Outcome run(Prepared p, LevelListener listener) {
        BenchSetup s = p.setup;
        String runId = runIds.get();
        Instant started = clock.instant();
        Endpoint e = s.endpoint();
        String settings = Json.write(s.settings());
        int levelCount = s.plan().search() != null ? s.plan().search().maxLevels() : s.plan().levels().size();
        int planned = s.plan().bound().requests() == null ? 0 : s.plan().bound().requests() * levelCount;
        store.insertRun(new StoredRun(runId, EvidenceStore.TASK, e.model(), Endpoint.safeUrl(e.baseUrl()),
                "bench:" + runId, "running", started, null, planned, 0, null, settings, null));
        URI root = serverRoot(e.baseUrl());
        InputCheck input = e.api() == dev.arbiter.client.ApiFlavor.ollama ? null
                : TokenizeProbe.check(p.side, root, e.model(), s.workload(), TOKENIZE_SAMPLES);
        Bench bench = new Bench(p.runner, () -> p.metrics ? MetricsSampler.start(p.side, root) : null);
        List<Bench.Level> levels;
        try {
            levels = bench.run(s.plan(), progress(runId, started, s, input, listener));
        } finally {
            p.http.close();
        }
        Path dir = s.outDir() != null ? s.outDir() : s.runsRoot().resolve(runId);
        RequestLog.write(dir, levels);
        List<LevelResult> results = levels.stream().map(Bench.Level::result).toList();
        boolean any = results.stream().anyMatch(l -> l.completed() > 0);
        String status = p.runner.stopped() ? "interrupted" : any ? "completed" : "failed";
        Instant ended = clock.instant();
        Evidence evidence = EvidenceOf.levels(runId, ended, Endpoint.safeUrl(e.baseUrl()), e.model(), s.catalogModel(),
                s.proposedCatalogModel(), s.quant(), s.hardware(), s.gpus(), results);
        List<String> warnings = new ArrayList<>();
        if (input != null && Math.abs(input.measuredMean() - input.estimatedMean()) > 0.1 * input.estimatedMean()) {
            warnings.add(String.format(java.util.Locale.US, "prompts measured %.0f tokens on average by the server's "
                    + "/tokenize (%s) against %.0f estimated: input lengths and input throughput are off by as much",
                    input.measuredMean(), input.source(), input.estimatedMean()));
        }
        if (!p.metrics && s.sampleMetrics()) warnings.add("the server has no Prometheus /metrics this reads: no server-side figures");
        if (s.catalogModel() == null && s.proposedCatalogModel() != null) {
            warnings.add("served model '" + e.model() + "' looks like catalogue model " + s.proposedCatalogModel()
                    + "; pass --catalog-model " + s.proposedCatalogModel() + " (with --quant, --hardware, --gpus) so fit and recommend use this measurement");
        }
        SloSearch plan = s.plan().search();
        SloSearchResult search = plan == null ? null : new SloSearchResult(plan.best(results), plan.minFraction(), results.size());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("requests_jsonl", dir.resolve(RequestLog.JSONL).toString());
        files.put("requests_csv", dir.resolve(RequestLog.CSV).toString());
        BenchRecord record = new BenchRecord(BenchRecord.SCHEMA_VERSION, runId, status, started, ended,
                Endpoint.safeUrl(e.baseUrl()), e.api().name(), e.model(), s.workload().describe(), s.settings(), input,
                results, search, evidence, files, warnings);
        store.finishRun(runId, status, ended, null, settings, Json.write(record));
        return new Outcome(record, levels);
    }

    /**
     * Passes each level's events on to {@code listener}, and after each level stores the record so far (status
     * {@code running}, the finished levels, no evidence yet), so a live view shows the levels as they end.
     */
    private LevelListener progress(String runId, Instant started, BenchSetup s, InputCheck input, LevelListener listener) {
        List<LevelResult> done = new ArrayList<>();
        Endpoint e = s.endpoint();
        return new LevelListener() {
            @Override
            public void levelStarted(LoadLevel level, int index, int of) {
                listener.levelStarted(level, index, of);
            }

            @Override
            public void levelEnded(LevelResult result, List<RequestRecord> records) {
                listener.levelEnded(result, records);
                synchronized (done) {
                    done.add(result);
                    store.progressRun(runId, Json.write(new BenchRecord(BenchRecord.SCHEMA_VERSION, runId, "running",
                            started, null, Endpoint.safeUrl(e.baseUrl()), e.api().name(), e.model(), s.workload().describe(),
                            s.settings(), input, done, null, null, null, List.of())));
                }
            }
        };
    }

    static URI serverRoot(URI base) {
        return URI.create(base.getScheme() + "://" + base.getRawAuthority());
    }
}
