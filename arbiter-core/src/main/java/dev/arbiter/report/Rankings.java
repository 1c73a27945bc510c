package dev.arbiter.report;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.License;
import dev.arbiter.catalog.RegionRestriction;
import dev.arbiter.compare.ComparisonRenderer;
import dev.arbiter.compare.MeasuredRuns;
import dev.arbiter.eval.engine.MetricSummary;
import dev.arbiter.eval.engine.MetricUnit;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.stats.RunDiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The decision summary's parts: runs ranked per task, what the measurements say about the catalogue, licences. */
final class Rankings {
    private Rankings() {}

    /** How the ranks are given, for the reader of a ranking table (report.js says the same). */
    static final String RULE = "Rank = 1 + the number of runs significantly better (paired test: p < 0.05 and the 95% CI of the "
            + "difference excludes 0; runs not paired: 95% intervals that do not overlap); ≈ = shares its rank with another run.";

    /**
     * Eval runs of each task ranked by the task's headline metric (its first), listed by rank, then value. A run's rank is 1 + the
     * number of runs significantly better than it (Chatbot Arena's rule), not its place in the order: runs the test
     * cannot separate share a rank, and a run behind two others that are tied with each other still counts both. Ties
     * are not chained: A ≈ B and B ≈ C with A significantly better than C ranks A and B first and C second. A run
     * that is not complete ({@link MeasuredRuns.Progress#complete()}: stopped early, or answers that are errors) is
     * not ranked — its figure is over a biased part of the task — and {@code notes} says so.
     */
    static List<DecisionSummary.TaskRanking> of(List<RunsReportBuilder.Read> evals, List<RunDiff> paired, List<String> notes) {
        Map<String, List<RunsReportBuilder.Read>> byTask = new LinkedHashMap<>();
        for (var r : evals) if (r.run().kind().equals(ReportRun.EVAL)) byTask.computeIfAbsent(r.run().task(), k -> new ArrayList<>()).add(r);
        List<DecisionSummary.TaskRanking> out = new ArrayList<>();
        byTask.forEach((task, reads) -> {
            String metric = null;
            record Entry(RunsReportBuilder.Read read, MetricSummary s) {
                String runId() { return read.run().runId(); }
            }
            List<Entry> entries = new ArrayList<>();
            for (var r : reads) {
                TaskResult t = r.record().tasks().stream().filter(x -> x.task().equals(task)).findFirst().orElse(null);
                if (t == null || t.metrics().isEmpty()) continue;
                MeasuredRuns.Progress progress = MeasuredRuns.Progress.of(r.run().status(), t);
                if (!progress.complete()) {
                    notes.add("Run " + r.run().runId() + " (" + r.run().model() + ") is not ranked on " + task + ": it is incomplete ("
                            + progress.describe() + "), and " + MeasuredRuns.NOT_COMPARABLE + ".");
                    continue;
                }
                var first = t.metrics().entrySet().iterator().next();
                if (metric == null) metric = first.getKey();
                MetricSummary s = t.metrics().get(metric);
                if (s != null && s.value() != null) entries.add(new Entry(r, s));
            }
            if (entries.isEmpty()) return;
            entries.sort(Comparator.comparingDouble((Entry e) -> e.s().value()).reversed());
            int[] ranks = new int[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                int better = 0;
                for (Entry o : entries) {
                    if (o != e && better(o.runId(), o.s(), e.runId(), e.s(), paired)) better++;
                }
                ranks[i] = 1 + better;
            }
            List<DecisionSummary.Ranked> ranked = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                int rank = ranks[i];
                boolean tied = Arrays.stream(ranks).filter(r -> r == rank).count() > 1;
                ranked.add(new DecisionSummary.Ranked(rank, tied, e.runId(), e.read().run().model(), e.s().value(), e.s().ci95(),
                        e.s().wilson95(), MetricUnit.of(metric, e.s())));
            }
            ranked.sort(Comparator.comparingInt(DecisionSummary.Ranked::rank));  // stable: by value within a rank
            out.add(new DecisionSummary.TaskRanking(task, metric, ranked));
        });
        return out;
    }

    /**
     * The interval a report shows for a metric and checks published figures against: Wilson's where the run
     * recorded one (proportions: better at small n and near 0 or 1), else the normal one. Views mark Wilson's.
     */
    static List<Double> interval(MetricSummary s) {
        return s.wilson95() != null ? s.wilson95() : s.ci95();
    }

    /**
     * Whether run a is significantly better than run b: by the paired test (p < 0.05 and the bootstrap interval of
     * the difference excluding 0, as {@code diff}) when the two were paired, else by a's 95% interval lying wholly
     * above b's. Without an interval nothing is significant.
     */
    static boolean better(String a, MetricSummary sa, String b, MetricSummary sb, List<RunDiff> paired) {
        for (RunDiff d : paired) {
            if (d.a().runId().equals(a) && d.b().runId().equals(b)) return d.comparison().significant() && d.comparison().difference() > 0;
            if (d.a().runId().equals(b) && d.b().runId().equals(a)) return d.comparison().significant() && d.comparison().difference() < 0;
        }
        List<Double> ia = interval(sa), ib = interval(sb);
        if (ia == null || ib == null) return false;
        return ia.get(0) > ib.get(1);
    }

    /**
     * One sentence per checked figure: contradictions first, then figures from incomplete runs (never confirmed or
     * contradicted: a partial run is not a random sample), then confirmations, then figures the catalogue lacks.
     */
    static List<String> findings(List<MeasuredClaim> claims) {
        List<MeasuredClaim> sorted = new ArrayList<>(claims);
        sorted.sort(Comparator.comparingInt(Rankings::order));
        List<String> out = new ArrayList<>();
        for (MeasuredClaim c : sorted) {
            String measured = String.format(Locale.US, "%s measured %s on %s (%s, n = %d, run %s)", c.catalogModel(), num(c.measured()),
                    ComparisonRenderer.label(c.benchmark()), c.ciLow() == null ? "no interval"
                            : (MeasuredClaim.WILSON.equals(c.interval()) ? "Wilson 95% interval " : "95% CI ") + num(c.ciLow()) + "–" + num(c.ciHigh()),
                    c.n(), c.runId());
            String published = c.published() == null ? "" : "the published " + num(c.published()) + (c.setting() == null ? "" : " (" + c.setting() + ")");
            out.add(switch (c.verdict()) {
                case MeasuredClaim.BELOW -> measured + ": below " + published + " — contradicted.";
                case MeasuredClaim.ABOVE -> measured + ": above " + published + " — contradicted (in the model's favour).";
                case MeasuredClaim.CONFIRMED -> measured + ": consistent with " + published + " — confirmed.";
                case MeasuredClaim.TOO_FEW -> measured + ": too few samples to check " + published + ".";
                case MeasuredClaim.INCOMPLETE -> measured + ": the run is incomplete (" + new MeasuredRuns.Progress(c.status(), c.answered(), c.planned()).describe()
                        + ") and not checked against " + (published.isEmpty() ? "any published figure" : published) + "; " + MeasuredRuns.NOT_COMPARABLE + ".";
                default -> measured + ": the catalogue has no published figure to check.";
            });
        }
        return out;
    }

    private static int order(MeasuredClaim c) {
        return switch (c.verdict()) {
            case MeasuredClaim.BELOW, MeasuredClaim.ABOVE -> 0;
            case MeasuredClaim.INCOMPLETE -> 1;
            case MeasuredClaim.CONFIRMED -> 2;
            default -> 3;
        };
    }

    /** What each catalogue model's licence means for production, with its caps and clauses. */
    static List<DecisionSummary.LicenceNote> licences(Catalog catalog, List<ReportRun> runs) {
        List<DecisionSummary.LicenceNote> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(runs.stream().map(ReportRun::catalogModel).filter(java.util.Objects::nonNull).toList())) {
            License l = catalog.get(id).license();
            List<String> notes = new ArrayList<>(List.of("Production: " + l.productionUse().label() + "."));
            if (l.monthlyActiveUserCap() != null) {
                notes.add(String.format(Locale.US, "Above %,d monthly active users a separate licence is required.", l.monthlyActiveUserCap()));
            }
            for (RegionRestriction r : l.regionRestrictions()) notes.add("Region " + r.region() + " (" + r.scope() + "): " + r.clause());
            if (l.attributionRequired()) notes.add("Attribution required" + (l.attribution() == null ? "." : ": " + l.attribution()));
            notes.addAll(l.notes());
            out.add(new DecisionSummary.LicenceNote(id, l.name(), l.productionUse().wire(), l.url(), notes));
        }
        return out;
    }

    static String num(double v) {
        return String.format(Locale.US, "%.1f", v);
    }
}
