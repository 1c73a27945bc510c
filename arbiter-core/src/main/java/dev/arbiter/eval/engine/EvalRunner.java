package dev.arbiter.eval.engine;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Capabilities;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelException;
import dev.arbiter.client.ReplicaSetClient;
import dev.arbiter.client.RetryPolicy;
import dev.arbiter.error.ArbiterException;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.EvalSetting;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.harness.HarnessProfile;
import dev.arbiter.eval.scale.RunScale;
import dev.arbiter.eval.scale.TaskRecipe;
import dev.arbiter.eval.store.ResponseCache;
import dev.arbiter.eval.store.RunLease;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredRun;
import dev.arbiter.eval.store.StoredSample;
import dev.arbiter.util.Json;
import dev.arbiter.util.Ticker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs a {@link Task} against a model and keeps every answer: the engine. Answers are committed to the
 * {@link RunStore} and the run's JSONL log one by one, so a run killed at any point can be resumed, asking the
 * model only for the answers it lacks. Thread-safe for one run at a time.
 */
public final class EvalRunner {
    private final RunStore store;
    private final EngineEnvironment env;
    private final Clock clock;
    private final Ticker ticker;
    private final Sleeper sleeper;
    private final ProgressListener listener;
    private final Supplier<String> runIds;
    private volatile RunSession current;
    private volatile boolean stopRequested;

    public EvalRunner(RunStore store, EngineEnvironment env, ProgressListener listener) {
        this.store = store;
        this.env = env;
        this.clock = env.clock();
        this.ticker = env.ticker();
        this.sleeper = env.sleeper();
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.runIds = env.runIds();
    }

    /** System clock, real sleeps, random run ids. */
    public static EvalRunner standard(RunStore store, ProgressListener listener) {
        return new EvalRunner(store, EngineEnvironment.system(), listener);
    }

    /** The client's retry policy with {@code maxRetries} retries after the first try, waiting on the engine's sleeper. */
    private RetryPolicy retries(int maxRetries) {
        return new RetryPolicy(maxRetries + 1, RetryPolicy.DEFAULT_BASE_DELAY, RetryPolicy.DEFAULT_MAX_DELAY,
                RetryPolicy.DEFAULT_MAX_RETRY_AFTER, millis -> sleeper.sleep(millis * 1_000_000L), env.jitter());
    }

    /**
     * Evaluates {@code task} on {@code endpoint}'s model through {@code client}. Problems found before anything is
     * stored (bad options, a resume id that does not match, an endpoint that does not answer the probe) are thrown;
     * once the run exists, the outcome is always returned as a record whose status says how it ended.
     */
    public RunRecord run(Task task, Endpoint endpoint, ModelClient client, RunOptions opts) {
        List<Sample> selected = Sampling.select(task.dataset().samples(), opts.limit(), opts.seed());
        if (opts.shard() != null) selected = opts.shard().filter(selected);  // after --limit: shards split one selection
        String endpointId = client.describe();
        GenerationConfig generation = opts.seed() == null ? task.config() : task.config().withSeed(opts.seed());
        // The probe's request on its own thread while this one fingerprints the questions and looks for a run to
        // continue: each took tens of ms of the eval's start, one after the other (docs/performance.md).
        FutureTask<Capabilities> probe = opts.probe() ? new FutureTask<>(() -> probe(client, opts)) : null;
        if (probe != null) {
            Thread t = new Thread(probe, "arbiter-probe-request");
            t.setDaemon(true);
            t.start();
        }
        String key;
        Optional<StoredRun> previous;
        try {
            Map<String, Object> keyed = SettingsKey.parts(task.name(), task.version(), task.scorer().name(),
                    endpoint.model(), endpointId, task.dataset().sha256(), generation, opts.seed(), opts.limit(),
                    opts.epochs(), SettingsKey.questions(selected), setting(task, endpoint, opts));
            key = SettingsKey.of(keyed);
            previous = previous(opts, key, keyed);
        } catch (RuntimeException | Error e) {
            if (probe != null) probe.cancel(true);
            throw e;
        }
        Capabilities probed = probe == null ? null : probed(probe, client);
        if (probed != null) CapabilityCheck.require(task, probed, endpointId);
        if (opts.probe() && ImageProbe.needsImages(selected)) ImageProbe.require(client, endpointId);
        // Ollama's window made explicit and recorded (generation.num_ctx, server.context_length): see ContextWindow
        Integer numCtx = ContextWindow.numCtx(endpoint.api(), opts.contextTokens(), selected, generation, probed);
        Capabilities server = probed == null || numCtx == null ? probed : probed.withContext(numCtx, probed.trainedContextLength());
        GenerationConfig recorded = numCtx == null ? generation : generation.withNumCtx(numCtx);
        RequestShape shape = new RequestShape(numCtx, server == null ? null : server.maxTopLogprobs(),
                opts.stream() == null || opts.stream());
        int concurrency = opts.concurrency() != null ? opts.concurrency() : endpoint.concurrency();
        Double rpm = opts.requestsPerMinute() != null ? opts.requestsPerMinute() : endpoint.requestsPerMinute();
        String runId = previous.isPresent() ? previous.get().runId() : runIds.get();
        try (RunLease lease = store.runLock(clock).acquire(runId)) {
            return runHolding(lease, task, endpoint, client, opts, selected, endpointId, recorded, shape, key, previous,
                    server, concurrency, rpm);
        }
    }

    /** The run itself, once this process holds its lease: nothing is stored or asked before that. */
    private RunRecord runHolding(RunLease lease, Task task, Endpoint endpoint, ModelClient client, RunOptions opts,
                                 List<Sample> selected, String endpointId, GenerationConfig recorded, RequestShape shape, String key,
                                 Optional<StoredRun> previous, Capabilities server, int concurrency, Double rpm) {
        String runId = lease.runId();
        RunManifest manifest;
        List<SampleRecord> kept = new ArrayList<>();
        if (previous.isPresent()) {
            RunManifest old = RecordCodec.read(previous.get().manifest(), RunManifest.class, "run " + previous.get().runId());
            Path dir = opts.outDir() != null ? opts.outDir() : Path.of(old.outDir());
            manifest = manifest(old.runId(), task, endpoint, endpointId, server, selected.size(), recorded, opts,
                    concurrency, rpm, old.startedAt(), dir, key);
            for (StoredSample s : store.samples(old.runId())) {
                SampleRecord r = RecordCodec.sample(s);
                if (r.answered()) kept.add(r);
            }
            listener.resuming(old.runId(), kept.size(), manifest.planned());
            store.reopenRun(old.runId(), RunStatus.running.name(), Json.write(manifest));
        } else {
            Path dir = opts.outDir() != null ? opts.outDir() : opts.runsRoot().resolve(runId);
            manifest = manifest(runId, task, endpoint, endpointId, server, selected.size(), recorded, opts,
                    concurrency, rpm, clock.instant(), dir, key);
            store.insertRun(new StoredRun(runId, task.name(), endpoint.model(), endpointId, key,
                    RunStatus.running.name(), manifest.startedAt(), null, manifest.planned(), 0, null,
                    Json.write(manifest), null));
        }

        Set<String> have = new HashSet<>();
        for (SampleRecord r : kept) have.add(itemKey(r.sampleId(), r.epoch()));
        List<Sample> todo = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        for (Sample s : selected) {
            for (int e = 0; e < opts.epochs(); e++) {
                if (have.contains(itemKey(s.id(), e))) continue;
                todo.add(s);
                epochs.add(e);
            }
        }

        try (RunFiles files = new RunFiles(Path.of(manifest.outDir()))) {
            files.openLog(kept);
            files.writeManifest(manifest);
            files.saveImages(todo);
            RequestGate gate = new RequestGate(concurrency, rpm == null ? null : new RateLimiter(rpm, ticker, sleeper));
            RetryPolicy retries = retries(opts.maxRetries());
            ResponseCache cache = opts.cache() ? new ResponseCache(store, clock) : null;
            AtomicBoolean stopping = new AtomicBoolean();
            SampleWorker worker = new SampleWorker(task, (s, e) -> new EngineGenerate(client, endpointId, gate, retries,
                    cache, ticker, opts.seed(), e, stopping, shape), ticker, clock,
                    opts.gradeTruncated() || HarnessProfile.gradesTruncated(task.setting()));
            // One solver per request permit; finishers score and store, so that scoring (e.g. running generated
            // code) and the store's commit overlap with the requests instead of holding back the next one.
            int finishers = Math.max(8, Runtime.getRuntime().availableProcessors());
            RunSession session = new RunSession(manifest.runId(), task.name(), store, files, worker, listener, ticker,
                    concurrency, finishers, manifest.planned(), kept, stopping);
            current = session;
            if (stopRequested) session.stop();
            try {
                session.run(todo, epochs);
            } finally {
                current = null;
            }
            return finish(withReplicas(manifest, client), task.metrics(), session, files);
        }
    }

    /**
     * Grades the stored answers of {@code runId} again with {@code scorer}, without any model call, as a new run
     * (status completed, {@code rescored_from} naming the source) in {@code outDir} or {@code runsRoot/NEW_ID}.
     */
    public RunRecord rescore(String runId, Scorer scorer, List<Metric> metrics, Path outDir, Path runsRoot) {
        return rescore(runId, scorer, metrics, outDir, runsRoot, null);
    }

    /** As above, recording that the answers were graded as {@code harness} does (null keeps the source's setting). */
    public RunRecord rescore(String runId, Scorer scorer, List<Metric> metrics, Path outDir, Path runsRoot, String harness) {
        StoredRun source = store.run(runId).orElseThrow(() -> new InvalidInputException(
                "no run " + runId + " in " + store.location() + " (see ./arbiter runs)"));
        RunReader.requireEvaluation(source);
        RunManifest old = RecordCodec.read(source.manifest(), RunManifest.class, "run " + runId);
        String newId = runIds.get();
        // held while the copy is stored as running, so readers see it is being written, not stale
        try (dev.arbiter.eval.store.RunLease lease = store.runLock(clock).acquire(newId)) {
            Path dir = outDir != null ? outDir : runsRoot.resolve(newId);
            String key = SettingsKey.of(old.task(), old.taskVersion(), scorer.name(), old.model(), old.endpoint(),
                    old.datasetSha256(), old.generation(), old.seed(), old.limit(), old.epochs(), null);
            EvalSetting setting = regraded(old.setting(), harness, scorer);
            RunManifest manifest = old.rescored(newId, scorer.name(), metrics.stream().map(Metric::name).toList(), key,
                    clock.instant(), dir.toAbsolutePath().toString(), setting);
            store.insertRun(new StoredRun(newId, manifest.task(), manifest.model(), manifest.endpoint(), key,
                    RunStatus.running.name(), manifest.startedAt(), null, manifest.planned(), 0, null, Json.write(manifest),
                    null));
            try (RunFiles files = new RunFiles(dir)) {
                files.openLog(List.of());
                files.writeManifest(manifest);
                for (StoredSample s : store.samples(runId)) {
                    SampleRecord r = Rescorer.rescore(RecordCodec.sample(s), scorer, HarnessProfile.gradesTruncated(setting));
                    StoredSample row = RecordCodec.stored(newId, manifest.task(), r);
                    store.putSample(row);
                    files.append(row.record());
                }
                // The grades of an unfinished run's answers are an unfinished run: a copy marked completed would pass
                // merge's and compare's checks on a biased subset (without --limit, the first answers are one subject).
                return end(manifest.withStatus(rescoredStatus(RunStatus.valueOf(source.status())), clock.instant()),
                        metrics, null, files);
            }
        }
    }

    /**
     * The setting of a re-grading of a run asked under {@code asked}: as {@code harness} grades when given, by
     * {@code scorer}'s judge; the source's scorer options and judge described the source's grading and are dropped.
     */
    static EvalSetting regraded(EvalSetting asked, String harness, Scorer scorer) {
        if (asked == null && harness == null && scorer.judge() == null) return null;
        EvalSetting s = asked == null ? new EvalSetting(harness, null, null, null) : asked;
        if (harness != null) s = s.withHarness(harness);
        Map<String, String> options = new java.util.TreeMap<>(s.options() == null ? Map.of() : s.options());
        options.keySet().removeIf(k -> k.startsWith("scorer."));
        return s.withInputs(options, scorer.judge(), s.context());
    }

    /**
     * A rescored run's status: completed only when its source is; else interrupted (a copy that stopped short of its
     * plan: nothing will add the missing answers to it). Not failed even when the source failed: the copy itself met
     * no error, and the source's stays on the source.
     */
    static RunStatus rescoredStatus(RunStatus source) {
        return source == RunStatus.completed ? RunStatus.completed : RunStatus.interrupted;
    }

    /**
     * Ctrl-C: stops taking items, interrupts requests in flight; {@link #run} then returns an interrupted record.
     * Callable before the run starts (it then stops at once); a runner once stopped stays stopped.
     */
    public void requestStop() {
        stopRequested = true;
        RunSession s = current;
        if (s != null) s.stop();
    }

    private RunRecord finish(RunManifest manifest, List<Metric> metrics, RunSession session, RunFiles files) {
        RuntimeException fatal = session.fatal();
        RunStatus status = fatal != null ? RunStatus.failed
                : session.stopRequested() ? RunStatus.interrupted : RunStatus.completed;
        RunError error = fatal == null ? null : runError(fatal, manifest.runId());
        return end(manifest.withStatus(status, clock.instant()), metrics, error, files, session.allRecords());
    }

    RunRecord end(RunManifest ended, List<Metric> metrics, RunError error, RunFiles files) {
        return end(ended, metrics, error, files, null);
    }

    /** @param held the run's answers as the store holds them, when known without reading it; null to read the store */
    private RunRecord end(RunManifest ended, List<Metric> metrics, RunError error, RunFiles files, List<SampleRecord> held) {
        List<SampleRecord> records = held != null ? held
                : store.samples(ended.runId()).stream().map(RecordCodec::sample).toList();
        TaskResult result;
        try {
            result = RunResults.summarise(ended, metrics, records);
        } catch (RuntimeException e) {
            // A metric that cannot reduce the answers (e.g. a custom scorer's values outside its range) must not leave
            // the run "running": it ends failed, with its answers and counts kept and the metric's complaint recorded.
            result = RunResults.summarise(ended, List.of(), records);
            ended = ended.withStatus(RunStatus.failed, ended.endedAt());
            error = runError(e, ended.runId());
        }
        RunRecord record = new RunRecord(RunRecord.SCHEMA_VERSION, ended.runId(), ended.status(), ended,
                List.of(result), files.logFile().toString(), error);
        files.writeManifest(ended);
        files.writeRecord(record);
        store.finishRun(ended.runId(), ended.status().name(), ended.endedAt(), result.headline(), Json.write(ended),
                Json.write(record));
        listener.finished(record);
        return record;
    }

    /** @param keyed the parts of {@code key}, to name what differs when the run to resume was keyed otherwise */
    private Optional<StoredRun> previous(RunOptions opts, String key, Map<String, Object> keyed) {
        if (opts.resumeRunId() != null) {
            StoredRun run = store.run(opts.resumeRunId()).orElseThrow(() -> new InvalidInputException(
                    "--resume " + opts.resumeRunId() + ": no such run in " + store.location() + " (see ./arbiter runs)"));
            if (!run.settingsKey().equals(key)) throw otherSettings(run, keyed);
            return Optional.of(run);
        }
        return opts.autoResume() ? store.latestIncomplete(key) : Optional.empty();
    }

    /** The refusal of a --resume whose run was keyed otherwise, naming the first settings that differ, both values. */
    private static InvalidInputException otherSettings(StoredRun run, Map<String, Object> keyed) {
        RunManifest old = RecordCodec.read(run.manifest(), RunManifest.class, "run " + run.runId());
        List<String> differ = SettingsDiff.between(SettingsKey.parts(old), keyed);
        int shown = Math.min(differ.size(), 3);
        String what = String.join("; ", differ.subList(0, shown))
                + (differ.size() > shown ? "; and " + (differ.size() - shown) + " more" : "");
        // a run given options by a version that did not key them: its key lacks them, whatever is given now
        TaskRecipe recipe = old.scale() == null ? null : old.scale().task();
        boolean unkeyed = (old.setting() == null || old.setting().options() == null) && recipe != null
                && !recipe.askingOptions().isEmpty();
        return new InvalidInputException("--resume " + run.runId() + ": that run was asked or graded otherwise: " + what
                + (unkeyed ? " (it was stored by a version that left its options " + recipe.askingOptions().keySet()
                + " out of its settings key, so this version cannot continue it)" : "")
                + "; pass the same flags as the original run or start a new one without --resume");
    }

    /**
     * The task's setting with what else decides what it asks and how it grades: the task's and scorer's options
     * from the command line (added to those the task states itself), the scorer's judge, and --context where it is
     * sent (Ollama). The task's own when there is none of these, so that the key of such a run is the one earlier
     * versions stored.
     */
    private static EvalSetting setting(Task task, Endpoint endpoint, RunOptions opts) {
        Map<String, String> options = opts.task() == null ? Map.of() : opts.task().askingOptions();
        String judge = task.scorer().judge();
        Integer context = endpoint.api() == ApiFlavor.ollama ? opts.contextTokens() : null;
        if (options.isEmpty() && judge == null && context == null) return task.setting();
        EvalSetting s = task.setting() == null ? new EvalSetting(null, null, null, null) : task.setting();
        // the task's own statements (mt_bench's temperature/<category>) stay beside the command line's options
        Map<String, String> all = new java.util.TreeMap<>(s.options() == null ? Map.of() : s.options());
        all.putAll(options);
        return s.withInputs(all, judge, context);
    }

    /** The probe's answer, or its failure as the probe itself throws it; an interrupt here cancels the probe. */
    private static Capabilities probed(FutureTask<Capabilities> probe, ModelClient client) {
        try {
            return probe.get();
        } catch (InterruptedException e) {
            probe.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while probing " + client.describe(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) throw r;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        }
    }

    private Capabilities probe(ModelClient client, RunOptions opts) {
        try {
            return retries(opts.maxRetries()).call(client::probe);
        } catch (ModelException e) {
            throw asArbiterException(e, client.describe() + " did not answer the probe: ");
        } catch (java.util.concurrent.CancellationException e) {
            throw new UnavailableException("interrupted while probing " + client.describe(), e);
        }
    }

    private RunManifest manifest(String runId, Task task, Endpoint endpoint, String endpointId, Capabilities server,
                                 int samples, GenerationConfig generation, RunOptions opts, int concurrency, Double rpm,
                                 Instant started, Path dir, String key) {
        return new RunManifest(runId, RunStatus.running, task.name(), task.version(), task.scorer().name(),
                task.metrics().stream().map(Metric::name).toList(), endpoint.model(), endpoint.name(), endpointId, server,
                task.dataset().name(), task.dataset().path(), task.dataset().sha256(), task.dataset().samples().size(),
                samples, generation, opts.seed(), opts.limit(), opts.epochs(), concurrency, rpm,
                endpoint.pricePerMillionIn(), endpoint.pricePerMillionOut(), opts.cache(), opts.arbiterVersion(), started,
                null, dir.toAbsolutePath().toString(), key, null, setting(task, endpoint, opts), scale(task, opts),
                task.dataset().skipped());
    }

    /** Per-replica counts of a replicated endpoint, into the manifest the run ends with. */
    private static RunManifest withReplicas(RunManifest m, ModelClient client) {
        if (!(client instanceof ReplicaSetClient replicas)) return m;
        RunScale s = m.scale() == null ? new RunScale(null, null, null, null) : m.scale();
        return m.withScale(s.withReplicas(replicas.counts()));
    }

    /**
     * How the run's task was built (so merge and rescore can build it again for its metrics) and, for a shard, the
     * shard with the digest of the whole selection it is a part of; null when there is neither.
     */
    private static RunScale scale(Task task, RunOptions opts) {
        if (opts.shard() == null) return opts.task() == null ? null : new RunScale(null, null, null, null, opts.task());
        String selection = SettingsKey.questions(Sampling.select(task.dataset().samples(), opts.limit(), opts.seed()));
        return new RunScale(opts.shard(), selection, null, null, opts.task());
    }

    /** The run error a fatal exception becomes, typed by what the user does next. */
    static RunError runError(RuntimeException e, String runId) {
        String kept = " (run " + runId + " stopped; answers so far are kept: --resume " + runId + ")";
        if (e instanceof ModelException m) {
            ArbiterException a = asArbiterException(m, "");
            String type = a instanceof UnavailableException ? RunError.UNAVAILABLE : RunError.INVALID_INPUT;
            return new RunError(type, a.getMessage() + kept);
        }
        if (e instanceof UnavailableException) return new RunError(RunError.UNAVAILABLE, e.getMessage() + kept);
        if (e instanceof InvalidInputException) return new RunError(RunError.INVALID_INPUT, e.getMessage() + kept);
        return new RunError(RunError.INTERNAL, e + kept);
    }

    /**
     * Unreachable, unauthorised or misbehaving servers are unavailable (exit 3); an unknown model or a rejected
     * request is the user's input (exit 2).
     */
    static ArbiterException asArbiterException(ModelException e, String prefix) {
        String what = switch (e.kind()) {
            case UNAUTHORIZED -> "the endpoint refused the API key (HTTP " + e.status() + ")";
            case NOT_FOUND -> "the endpoint does not know this model or path (HTTP " + e.status() + ")";
            case BAD_REQUEST -> "the endpoint rejected the request (HTTP " + e.status() + ")";
            case UNSUPPORTED -> "the endpoint does not support this request";
            default -> "model call failed: " + e.kind().name().toLowerCase(java.util.Locale.ROOT)
                    + (e.status() > 0 ? " (HTTP " + e.status() + ")" : "");
        };
        String msg = prefix + what + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return switch (e.kind()) {
            case NOT_FOUND, BAD_REQUEST, UNSUPPORTED -> new InvalidInputException(msg, e);
            default -> new UnavailableException(msg, e);
        };
    }

    private static String itemKey(String sampleId, int epoch) {
        return sampleId + '\u0000' + epoch;
    }
}
