package dev.arbiter.report;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.License;
import dev.arbiter.catalog.RegionRestriction;
import dev.arbiter.compare.ComparisonRenderer;
import dev.arbiter.eval.engine.MetricSummary;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.stats.RunDiff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The decision summary's parts: runs ranked per task, what the measurements say about the catalogue, licences. */
final class Rankings {
    private Rankings() {}

    /** Eval runs of each task ranked by the task's headline metric (its first), best first. */
    static List<DecisionSummary.TaskRanking> of(List<RunsReportBuilder.Read> evals, List<RunDiff> paired) {
        Map<String, List<RunsReportBuilder.Read>> byTask = new LinkedHashMap<>();
        for (var r : evals) if (r.run().kind().equals(ReportRun.EVAL)) byTask.computeIfAbsent(r.run().task(), k -> new ArrayList<>()).add(r);
        List<DecisionSummary.TaskRanking> out = new ArrayList<>();
        byTask.forEach((task, reads) -> {
            String metric = null;
            record Entry(RunsReportBuilder.Read read, MetricSummary s) {}
            List<Entry> entries = new ArrayList<>();
            for (var r : reads) {
                TaskResult t = r.record().tasks().stream().filter(x -> x.task().equals(task)).findFirst().orElse(null);
                if (t == null || t.metrics().isEmpty()) continue;
                var first = t.metrics().entrySet().iterator().next();
                if (metric == null) metric = first.getKey();
                MetricSummary s = t.metrics().get(metric);
                if (s != null && s.value() != null) entries.add(new Entry(r, s));
            }
            if (entries.isEmpty()) return;
            entries.sort(Comparator.comparingDouble((Entry e) -> e.s().value()).reversed());
            List<DecisionSummary.Ranked> ranked = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                boolean tied = i > 0 && tied(entries.get(i - 1).read().run().runId(), entries.get(i - 1).s(), e.read().run().runId(), e.s(), paired);
                int rank = tied ? ranked.get(i - 1).rank() : i + 1;
                ranked.add(new DecisionSummary.Ranked(rank, tied, e.read().run().runId(), e.read().run().model(), e.s().value(), interval(e.s())));
            }
            out.add(new DecisionSummary.TaskRanking(task, metric, ranked));
        });
        return out;
    }

    /** The interval a report shows for a metric: Wilson's for proportions (better at small n and near 0 or 1), else the normal one. */
    static List<Double> interval(MetricSummary s) {
        return s.wilson95() != null ? s.wilson95() : s.ci95();
    }

    /** The paired test's verdict when the two runs were paired, else whether their 95% intervals overlap. */
    static boolean tied(String a, MetricSummary sa, String b, MetricSummary sb, List<RunDiff> paired) {
        for (RunDiff d : paired) {
            boolean same = d.a().runId().equals(a) && d.b().runId().equals(b) || d.a().runId().equals(b) && d.b().runId().equals(a);
            if (same) return !d.comparison().significant();
        }
        List<Double> ia = interval(sa), ib = interval(sb);
        if (ia == null || ib == null) return true;
        return ib.get(1) >= ia.get(0) && ia.get(1) >= ib.get(0);
    }

    /** One sentence per checked figure: contradictions first, then confirmations, then figures the catalogue lacks. */
    static List<String> findings(List<MeasuredClaim> claims) {
        List<MeasuredClaim> sorted = new ArrayList<>(claims);
        sorted.sort(Comparator.comparingInt(Rankings::order));
        List<String> out = new ArrayList<>();
        for (MeasuredClaim c : sorted) {
            String measured = String.format(Locale.US, "%s measured %s on %s (%s, n = %d, run %s)", c.catalogModel(), num(c.measured()),
                    ComparisonRenderer.label(c.benchmark()), c.ciLow() == null ? "no interval" : "95% CI " + num(c.ciLow()) + "–" + num(c.ciHigh()),
                    c.n(), c.runId());
            String published = c.published() == null ? "" : "the published " + num(c.published()) + (c.setting() == null ? "" : " (" + c.setting() + ")");
            out.add(switch (c.verdict()) {
                case MeasuredClaim.BELOW -> measured + ": below " + published + " — contradicted.";
                case MeasuredClaim.ABOVE -> measured + ": above " + published + " — contradicted (in the model's favour).";
                case MeasuredClaim.CONFIRMED -> measured + ": consistent with " + published + " — confirmed.";
                case MeasuredClaim.TOO_FEW -> measured + ": too few samples to check " + published + ".";
                default -> measured + ": the catalogue has no published figure to check.";
            });
        }
        return out;
    }

    private static int order(MeasuredClaim c) {
        return switch (c.verdict()) {
            case MeasuredClaim.BELOW, MeasuredClaim.ABOVE -> 0;
            case MeasuredClaim.CONFIRMED -> 1;
            default -> 2;
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
