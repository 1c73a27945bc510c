package dev.arbiter.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.ClaimKind;
import dev.arbiter.catalog.Lineage;
import dev.arbiter.catalog.Model;
import dev.arbiter.catalog.ScoreClaim;
import dev.arbiter.compare.Comparison;
import dev.arbiter.compare.ComparisonRenderer;
import dev.arbiter.compare.MeasuredRuns;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.engine.MetricSummary;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.stats.RunDiff;
import dev.arbiter.eval.stats.RunDiffs;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredRun;
import dev.arbiter.evidence.EvidenceStore;
import dev.arbiter.evidence.ModelMatch;
import dev.arbiter.probe.ProbeReport;
import dev.arbiter.probe.ProbeReports;
import dev.arbiter.probe.ProbeTask;
import dev.arbiter.profile.Profiler;
import dev.arbiter.score.MeasuredFigure;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Reads stored runs (only through {@link RunReader} and the store's read methods) into a {@link RunsReport}. Eval,
 * probe and bench runs may be mixed; the same runs, catalogue and clock always give the same document (the paired
 * bootstrap is seeded).
 */
public final class RunsReportBuilder {
    /** Pairs compared per task at most: n runs of one task give n(n−1)/2 pairs. */
    static final int MAX_PAIRS_PER_TASK = 15;
    /**
     * Paired-bootstrap resamples and seed: diff's defaults, so a pair gets the same interval and verdict in the report
     * as from {@code ./arbiter diff} (with 2,000 here a borderline pair could be called both ways).
     */
    static final int RESAMPLES = dev.arbiter.eval.stats.PairedBootstrap.DEFAULT_RESAMPLES;
    static final long SEED = 1;

    private final RunStore store;
    private final Catalog catalog;
    private final Profiler profiler;
    private final Clock clock;
    private final int maxChars;

    /** @param maxChars each text in the drill-down is cut at this many characters (the store keeps the full text) */
    public RunsReportBuilder(RunStore store, Catalog catalog, Profiler profiler, Clock clock, int maxChars) {
        if (maxChars < 20) throw new InvalidInputException("--max-chars must be >= 20, got " + maxChars);
        this.store = store;
        this.catalog = catalog;
        this.profiler = profiler;
        this.clock = clock;
        this.maxChars = maxChars;
    }

    /** What was read of one eval or probe run. */
    record Read(ReportRun run, RunRecord record, List<SampleRecord> samples) {}

    /**
     * @param runIds        the runs, in the order the report lists them (a repeated id is read once)
     * @param catalogModels run id → catalogue id, for runs whose served name does not name the model
     * @param shortlist     recommend's shortlist given the report's measured figures (catalogue id → figures), or
     *                      null when the user asked for none
     */
    public RunsReport build(List<String> runIds, Map<String, String> catalogModels,
                            Function<Map<String, List<MeasuredFigure>>, DecisionSummary.Shortlist> shortlist) {
        if (runIds.isEmpty()) throw new InvalidInputException("report needs at least one RUN_ID (see ./arbiter runs)");
        for (String id : catalogModels.keySet()) {
            if (!runIds.contains(id)) throw new InvalidInputException("--model " + id + "=…: run " + id + " is not in the report");
        }
        RunReader reader = new RunReader(store);
        List<ReportRun> runs = new ArrayList<>();
        List<Read> evals = new ArrayList<>();
        List<ProbeReport> probes = new ArrayList<>();
        List<JsonNode> bench = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String id : new LinkedHashSet<>(runIds)) {
            StoredRun stored = store.run(id).orElseThrow(() -> new InvalidInputException(
                    "no run " + id + " in " + store.file() + " (see ./arbiter runs)"));
            if (EvidenceStore.TASK.equals(stored.task())) {
                runs.add(benchRun(stored, catalogModels.get(id), bench, notes));
                continue;
            }
            RunRecord record = reader.record(id);
            String kind = ProbeTask.NAME.equals(stored.task()) ? ReportRun.PROBE : ReportRun.EVAL;
            TaskResult first = record.tasks().isEmpty() ? null : record.tasks().get(0);
            ReportRun run = new ReportRun(id, kind, record.manifest().task(), record.manifest().model(),
                    catalogId(record.manifest().model(), catalogModels.get(id)), reader.status(record),
                    record.manifest().startedAt(), record.manifest().endedAt(), first == null ? null : first.headline(),
                    record.manifest());
            runs.add(run);
            if (RunReader.STALE.equals(run.status())) notes.add(capitalised(RunReader.staleAdvice(id)) + ".");
            if (run.catalogModel() == null && kind.equals(ReportRun.EVAL)) {
                notes.add("Run " + id + " (" + run.model() + ") matches no catalogue model, so no published figure is checked: "
                        + "give --model " + id + "=ID (see ./arbiter models) to compare it.");
            }
            Read read = new Read(run, record, reader.samples(id));
            evals.add(read);
            if (kind.equals(ReportRun.PROBE)) probes.add(ProbeReports.summarise(record, read.samples()));
        }
        List<MeasuredClaim> claims = claims(evals);
        List<RunDiff> paired = paired(evals, notes);
        Map<String, List<MeasuredFigure>> figures = new LinkedHashMap<>();
        for (MeasuredClaim c : claims) {
            if (c.verdict().equals(MeasuredClaim.INCOMPLETE)) continue;  // not a measurement of the benchmark
            figures.computeIfAbsent(c.catalogModel(), k -> new ArrayList<>()).add(new MeasuredFigure(c.benchmark(), c.measured(), c.runId()));
        }
        DecisionSummary summary = new DecisionSummary(shortlist == null ? null : shortlist.apply(figures),
                Rankings.of(evals, paired, notes), Rankings.findings(claims), Rankings.licences(catalog, runs));
        return new RunsReport(clock.instant(), runs, summary, claims, radar(runs, claims), TaskTables.of(evals), paired, probes,
                bench, SampleTables.of(evals, maxChars), notes);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private ReportRun benchRun(StoredRun stored, String override, List<JsonNode> bench, List<String> notes) {
        ObjectNode manifest = Json.mapper().createObjectNode();
        String catalogModel = null;
        if (stored.record() == null) {
            notes.add("Bench run " + stored.runId() + " has no record yet (status " + stored.status() + "): no levels to show.");
            manifest.put("run_id", stored.runId());
            manifest.put("status", stored.status());
            manifest.put("endpoint", stored.endpoint());
        } else {
            try {
                JsonNode record = Json.mapper().readTree(stored.record());
                bench.add(record);
                manifest = record.deepCopy();
                manifest.remove("levels");
                catalogModel = record.path("evidence").path("catalog_model").asText(null);
            } catch (IOException e) {
                notes.add("Bench run " + stored.runId() + " has an unreadable record: " + e.getMessage());
            }
        }
        String id = override != null ? catalogId(stored.model(), override) : catalogModel != null ? catalogModel : catalogId(stored.model(), null);
        return new ReportRun(stored.runId(), ReportRun.BENCH, stored.task(), stored.model(), id, stored.status(),
                stored.startedAt(), stored.endedAt(), null, manifest);
    }

    /** The catalogue id given for the run (checked), else the one its served name proposes, else null. */
    private String catalogId(String served, String given) {
        if (given != null) return catalog.get(given).id();
        return ModelMatch.catalogModel(served, catalog).orElse(null);
    }

    private List<MeasuredClaim> claims(List<Read> evals) {
        List<MeasuredClaim> out = new ArrayList<>();
        for (Read r : evals) {
            if (r.run().catalogModel() == null || !r.run().kind().equals(ReportRun.EVAL)) continue;
            Model m = Lineage.withInheritedScores(catalog, catalog.get(r.run().catalogModel()));
            for (TaskResult t : r.record().tasks()) {
                MeasuredRuns.Column col = MeasuredRuns.column(t.task(), r.record().manifest().datasetName());
                MetricSummary s = col == null ? null : t.metrics().get(col.metric());
                if (s == null || s.value() == null) continue;
                List<Double> ci = Rankings.interval(s);
                Double lo = ci == null ? null : ci.get(0) * col.scale(), hi = ci == null ? null : ci.get(1) * col.scale();
                String kind = ci == null ? null : s.wilson95() != null ? MeasuredClaim.WILSON : MeasuredClaim.NORMAL;
                double measured = s.value() * col.scale();
                ScoreClaim vendor = Profiler.preferred(m, col.benchmark()).orElse(null);
                Double article = m.scores().stream().filter(c -> c.kind() == ClaimKind.ARTICLE && c.benchmark().equals(col.benchmark()))
                        .map(ScoreClaim::value).findFirst().orElse(null);
                Double published = vendor == null ? null : vendor.value();
                MeasuredRuns.Progress progress = MeasuredRuns.Progress.of(r.run().status(), t);
                boolean complete = progress.complete();
                out.add(new MeasuredClaim(r.run().runId(), r.run().model(), m.id(), t.task(), col.benchmark(), col.metric(),
                        measured, lo, hi, kind, s.n(), progress.status(), progress.answered(), progress.planned(), published,
                        vendor == null ? null : setting(vendor), vendor == null ? null : vendor.source(), article,
                        published == null || !complete ? null : measured - published,
                        complete ? MeasuredClaim.verdict(published, lo, hi) : MeasuredClaim.INCOMPLETE));
            }
        }
        return out;
    }

    static String setting(ScoreClaim c) {
        List<String> parts = new ArrayList<>();
        if (c.variant() != null) parts.add(c.variant());
        if (c.shots() != null) parts.add(c.shots() + "-shot");
        if (c.metric() != null) parts.add(c.metric());
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** Every two eval runs of the same task, paired on their shared samples. */
    private List<RunDiff> paired(List<Read> evals, List<String> notes) {
        Map<String, List<String>> byTask = new LinkedHashMap<>();
        for (Read r : evals) {
            if (r.run().kind().equals(ReportRun.EVAL)) byTask.computeIfAbsent(r.run().task(), k -> new ArrayList<>()).add(r.run().runId());
        }
        List<RunDiff> out = new ArrayList<>();
        byTask.forEach((task, ids) -> {
            int pairs = 0;
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    if (++pairs > MAX_PAIRS_PER_TASK) {
                        notes.add("Task " + task + ": only the first " + MAX_PAIRS_PER_TASK + " pairs of runs are compared; use ./arbiter diff for the others.");
                        return;
                    }
                    try {
                        out.add(RunDiffs.compare(store, ids.get(i), ids.get(j), new Random(SEED), RESAMPLES));
                    } catch (InvalidInputException e) {
                        notes.add("Runs " + ids.get(i) + " and " + ids.get(j) + " cannot be paired: " + e.getMessage());
                    }
                }
            }
        });
        return out;
    }

    /** Chart.js radar over the six axes for the catalogue models the runs map to (published figures). */
    private Map<String, Object> radar(List<ReportRun> runs, List<MeasuredClaim> claims) {
        List<String> ids = runs.stream().map(ReportRun::catalogModel).filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) return null;
        Map<String, Map<String, Comparison.Measured>> measured = new LinkedHashMap<>();
        for (MeasuredClaim c : claims) {
            if (c.verdict().equals(MeasuredClaim.INCOMPLETE)) continue;
            measured.computeIfAbsent(c.catalogModel(), k -> new LinkedHashMap<>()).put(c.benchmark(), new Comparison.Measured(c.measured(), c.runId()));
        }
        return ComparisonRenderer.radarData(Comparison.of(catalog, ids, profiler, measured));
    }
}
