package dev.arbiter.cli;

import dev.arbiter.eval.engine.MetricSummary;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.report.RunReport;

import dev.arbiter.sandbox.Outcome;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The text view of a run record (the JSON view is the record itself). */
final class RunText {
    /** HumanEval's per-outcome metrics are counts of answers (OutcomeCountMetric), named by the outcome's label. */
    private static final Set<String> OUTCOME_COUNTS = Arrays.stream(Outcome.values()).map(Outcome::label)
            .collect(Collectors.toUnmodifiableSet());

    private RunText() {}

    static void print(PrintWriter out, RunRecord r) {
        var m = r.manifest();
        out.printf(Locale.US, "run %s  %s  %s on %s%n", r.runId(), r.status(), m.task(), m.endpoint());
        for (TaskResult t : r.tasks()) {
            out.printf(Locale.US, "  %s v%d (scorer %s): %d samples × %d epoch%s; %d scored, %d unscored (%s), %d missing%n",
                    t.task(), t.version(), t.scorer(), t.samples(), t.epochs(), t.epochs() == 1 ? "" : "s", t.scored(),
                    t.unscored(), t.failuresInWords(), t.missing());
            int nameWidth = t.metrics().keySet().stream().mapToInt(String::length).max().orElse(0);
            String row = "  %-" + Math.max(10, nameWidth) + "s %s  ± %s (stderr)  %s %s%s  n=%d%n";
            for (Map.Entry<String, MetricSummary> e : t.metrics().entrySet()) {
                MetricSummary s = e.getValue();
                if (OUTCOME_COUNTS.contains(e.getKey()) && s.value() != null) {
                    // a count of answers, not a proportion: no decimals, no interval
                    out.printf(Locale.US, "  %-" + Math.max(10, nameWidth) + "s %,d of %,d answers%n", e.getKey(),
                            Math.round(s.value()), s.n());
                    continue;
                }
                out.printf(Locale.US, row, e.getKey(), Text.num(s.value(), 4),
                        Text.num(s.stderr(), 4), RunReport.NORMAL, interval(s.ci95()),
                        s.wilson95() == null ? "" : "  " + RunReport.WILSON + " " + interval(s.wilson95()), s.n());
            }
            if (!t.outcomes().isEmpty()) {
                out.println("  outcomes: " + t.outcomes().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
            }
            if (t.sampleOutcomes().keySet().stream().anyMatch(k -> !k.equals("scored"))) {
                out.println("  answers: " + t.sampleOutcomes().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
            }
            for (String hint : t.hints()) out.println("  hint: " + hint);
            out.printf(Locale.US, "  tokens: %,d in, %,d out%s%s%n", t.tokensIn(), t.tokensOut(),
                    t.costUsd() == null ? "" : String.format(Locale.US, "; cost $%.4f", t.costUsd()),
                    t.cachedCalls() == 0 ? "" : "; " + t.cachedCalls() + (t.cachedCalls() == 1 ? " answer" : " answers") + " from the cache");
        }
        out.printf(Locale.US, "  log: %s%n", r.log());
        if (r.error() != null) out.printf(Locale.US, "  error: %s%n", r.error().message());
    }

    static String interval(List<Double> ci) {
        if (ci == null || ci.size() != 2) return "-";
        return "[" + Text.num(ci.get(0), 4) + ", " + Text.num(ci.get(1), 4) + "]";
    }
}
