package dev.arbiter.eval.engine;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.metrics.Metrics;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredRun;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads runs back for the views. A run that ended has its record stored; one killed with -9 has none, so its record
 * is rebuilt from the manifest and the answers stored so far (metrics by name; status as stored, i.e. running).
 */
public final class RunReader {
    /**
     * The status shown for a run stored as {@code running} whose lock no process holds: its writer died (kill -9, a
     * lost machine) and left the status behind. Never live; {@code eval … --resume RUN_ID} continues it. Derived on
     * every read, never stored: the stored status changes only when a writer holds the run.
     */
    public static final String STALE = "stale";

    private final RunStore store;

    public RunReader(RunStore store) {
        this.store = store;
    }

    public RunRecord record(String runId) {
        return record(store.run(runId).orElseThrow(() -> new InvalidInputException(
                "no run " + runId + " in " + store.location() + " (see ./arbiter runs)")));
    }

    /** {@link #record(String)} of a run row already read (the run list reads every row once). */
    public RunRecord record(StoredRun run) {
        String runId = run.runId();
        requireEvaluation(run);
        if (run.record() != null) return RecordCodec.read(run.record(), RunRecord.class, "run " + runId);
        RunManifest m = RecordCodec.read(run.manifest(), RunManifest.class, "run " + runId);
        List<Metric> metrics = new ArrayList<>();
        for (String name : m.metrics()) {
            if (Metrics.NAMES.contains(name)) metrics.add(Metrics.named(name));
        }
        List<SampleRecord> records = store.samples(runId).stream().map(RecordCodec::sample).toList();
        TaskResult result = RunResults.summarise(m, metrics, records);
        return new RunRecord(RunRecord.SCHEMA_VERSION, runId, m.status(), m, List.of(result),
                Path.of(m.outDir()).resolve(RunFiles.LOG).toString(), null);
    }

    /**
     * Refuses a bench run where an evaluation run is read: its record is a serving benchmark's (levels, latencies),
     * with no manifest or answers, and binding it as a run gave the JSON binder's message instead of this one.
     */
    static void requireEvaluation(StoredRun run) {
        if (dev.arbiter.evidence.EvidenceStore.TASK.equals(run.task())) {
            throw new InvalidInputException("run " + run.runId() + " is a bench run (serving speed), not an evaluation: "
                    + "it has no answers or scores to read here; ./arbiter runs " + run.runId() + " and ./arbiter report "
                    + run.runId() + " show it");
        }
    }

    /**
     * The run's status as a reader should take it: the stored one, except {@link #STALE} for an eval or probe run
     * stored as running that no process holds (bench runs take no lock, so theirs is the stored one).
     */
    public String status(StoredRun run) {
        return stale(run.runId(), run.status(), run.task()) ? STALE : run.status();
    }

    /** {@link #status(StoredRun)} for a run record read here. */
    public String status(RunRecord r) {
        return stale(r.runId(), r.status().name(), r.manifest().task()) ? STALE : r.status().name();
    }

    private boolean stale(String runId, String status, String task) {
        return RunStatus.running.name().equals(status) && !dev.arbiter.evidence.EvidenceStore.TASK.equals(task) && !store.held(runId);
    }

    /** What to do about a {@link #STALE} run, for people. */
    public static String staleAdvice(String runId) {
        return "run " + runId + " is stored as running but no process is writing it (killed, or its machine lost): "
                + "its answers so far are kept; resume it with ./arbiter eval … --resume " + runId
                + " (the same endpoint, model and task)";
    }

    /** The answers of a run in sample id, epoch order. */
    public List<SampleRecord> samples(String runId) {
        return store.samples(runId).stream().map(RecordCodec::sample).toList();
    }
}
