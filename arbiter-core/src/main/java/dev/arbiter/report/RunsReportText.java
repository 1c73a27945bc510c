package dev.arbiter.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.eval.engine.MetricSummary;
import dev.arbiter.eval.engine.MetricUnit;
import dev.arbiter.eval.stats.RunDiff;
import dev.arbiter.probe.CategoryResult;
import dev.arbiter.probe.OwaspResult;
import dev.arbiter.probe.ProbeReport;
import dev.arbiter.recommend.Recommendation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link RunsReport} as Markdown (every section but the per-sample answers, which stay in the HTML and JSON) and
 * as CSV (one row per run × task × metric, breakdowns included, with the published figure where a catalogue column
 * matches). Text from runs is escaped for the format: no raw HTML or table break reaches a Markdown viewer.
 */
public final class RunsReportText {
    private RunsReportText() {}

    public static String markdown(RunsReport r) {
        StringBuilder b = new StringBuilder("# Arbiter report\n\nGenerated ").append(r.generatedAt()).append(" from ")
                .append(r.runs().size()).append(" stored run(s). ").append(INTERVALS).append("\n\n## Decision summary\n\n");
        DecisionSummary d = r.summary();
        if (d.shortlist() != null) {
            b.append("**Shortlist: ").append(md(d.shortlist().forWhat())).append("**\n\n");
            for (Recommendation x : d.shortlist().ranked()) {
                b.append(x.rank()).append(". ").append(x.tied() ? "≈ " : "").append(md(x.name())).append(" at ").append(md(x.quant()))
                        .append(String.format(Locale.US, " — score %.0f [%.0f–%.0f], %s\n", x.score(), x.scoreLow(), x.scoreHigh(),
                                x.licenseUse() == null ? "" : x.licenseUse().label()));
            }
            b.append('\n');
        }
        for (DecisionSummary.TaskRanking t : d.rankings()) {
            b.append("**").append(md(t.task())).append("**, ranked by measured ").append(md(t.metric())).append(":\n\n| rank | model | ")
                    .append(md(t.metric())).append(" | run |\n|---|---|---|---|\n");
            for (DecisionSummary.Ranked x : t.ranked()) {
                b.append("| ").append(x.tied() ? "≈" : "").append(x.rank()).append(" | ").append(md(x.model())).append(" | ")
                        .append(metric(x.value(), x.ci95(), x.wilson95(), x.unit())).append(" | ").append(md(x.runId())).append(" |\n");
            }
            b.append('\n').append(Rankings.RULE).append("\n\n");
        }
        for (String f : d.findings()) b.append("- ").append(md(f)).append('\n');
        if (!d.findings().isEmpty()) b.append('\n');
        if (!d.licences().isEmpty()) {
            b.append("| model | licence | production use | notes |\n|---|---|---|---|\n");
            for (DecisionSummary.LicenceNote l : d.licences()) {
                b.append("| ").append(md(l.model())).append(" | ").append(md(l.license())).append(" | ").append(md(l.licenseUse()))
                        .append(" | ").append(md(String.join(" ", l.notes()))).append(" |\n");
            }
            b.append('\n');
        }
        if (!r.comparison().isEmpty()) {
            b.append("## Published vs measured\n\n| model | benchmark | published | setting | measured [95% interval] | difference | verdict | run |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (MeasuredClaim c : r.comparison()) {
                b.append("| ").append(md(c.catalogModel())).append(" | ").append(md(c.benchmark())).append(" | ").append(num(c.published()))
                        .append(" | ").append(md(c.setting() == null ? "-" : c.setting())).append(" | ").append(num(c.measured()))
                        .append(c.ciLow() == null ? "" : " [" + (MeasuredClaim.WILSON.equals(c.interval()) ? "Wilson " : "") + num(c.ciLow())
                                + ", " + num(c.ciHigh()) + "]").append(" | ")
                        .append(c.difference() == null ? "-" : String.format(Locale.US, "**%+.1f**", c.difference())).append(" | ")
                        .append(c.verdict().replace('_', ' ')).append(" | ").append(md(c.runId())).append(" |\n");
            }
            b.append('\n');
        }
        for (TaskTable t : r.tasks()) {
            List<String> names = new ArrayList<>();
            for (TaskTable.Row row : t.rows()) for (String n : row.metrics().keySet()) if (!names.contains(n)) names.add(n);
            b.append("## Task ").append(md(t.task())).append("\n\n| run | model | status | scored/planned |");
            for (String n : names) b.append(' ').append(md(n)).append(" |");
            b.append("\n|---|---|---|---|").append("---|".repeat(names.size())).append('\n');
            for (TaskTable.Row row : t.rows()) {
                b.append("| ").append(md(row.runId())).append(" | ").append(md(row.model())).append(" | ").append(row.status()).append(" | ")
                        .append(row.scored()).append('/').append(row.planned()).append(" |");
                for (String n : names) b.append(' ').append(metric(row.metrics().get(n))).append(" |");
                b.append('\n');
            }
            if (!t.breakdowns().isEmpty()) {
                b.append("\n| breakdown |");
                for (TaskTable.Row row : t.rows()) b.append(' ').append(md(row.model())).append(" |");
                b.append("\n|---|").append("---|".repeat(t.rows().size())).append('\n');
                for (TaskTable.Group g : t.breakdowns()) {
                    b.append("| ").append(md(g.group() + "/" + g.key())).append(" |");
                    for (TaskTable.Row row : t.rows()) b.append(' ').append(metric(g.byRun().get(row.runId()))).append(" |");
                    b.append('\n');
                }
            }
            b.append('\n');
        }
        if (!r.paired().isEmpty()) {
            b.append("## Paired comparisons\n\n| task | A | B | shared | A − B | 95% CI (paired bootstrap) | p | test | verdict |\n|---|---|---|---|---|---|---|---|---|\n");
            for (RunDiff p : r.paired()) {
                var c = p.comparison();
                b.append("| ").append(md(p.a().task())).append(" | ").append(md(p.a().model())).append(" | ").append(md(p.b().model()))
                        .append(String.format(Locale.US, " | %d | %+.4f | %+.4f to %+.4f | %.4f | %s | %s |\n", c.shared(), c.difference(),
                                c.ciLow(), c.ciHigh(), c.pValue(), c.test(), c.significant() ? "different" : "cannot tell apart"));
            }
            b.append('\n');
        }
        for (ProbeReport p : r.probes()) {
            b.append("## Probes: ").append(md(p.model())).append(" (run ").append(md(p.runId())).append(")\n\n")
                    .append("| category | OWASP | attempts | hits | ASR [95% interval] |\n|---|---|---|---|---|\n");
            for (CategoryResult c : p.categories()) {
                b.append("| ").append(md(c.id())).append(" | ").append(md(String.join(", ", c.owasp()))).append(" | ").append(c.attempts())
                        .append(" | ").append(c.hits()).append(" | ").append(rate(c.asr())).append(" |\n");
            }
            b.append("\n| OWASP id | attempts | hits | ASR [95% interval] |\n|---|---|---|---|\n");
            for (OwaspResult o : p.owasp()) {
                b.append("| ").append(md(o.id())).append(" | ").append(o.attempts()).append(" | ").append(o.hits()).append(" | ").append(rate(o.asr())).append(" |\n");
            }
            b.append('\n');
        }
        for (JsonNode bench : r.bench()) {
            b.append("## Bench: ").append(md(bench.path("served_model").asText(""))).append(" (run ").append(md(bench.path("run_id").asText(""))).append(")\n\n")
                    .append("| level | completed | output tokens/s | TTFT p50 ms | TPOT p50 ms | E2E p50 ms |\n|---|---|---|---|---|---|\n");
            for (JsonNode l : bench.path("levels")) {
                String level = l.hasNonNull("concurrency") ? "concurrency " + l.path("concurrency").asInt() : "rate " + num(l.path("rate").asDouble());
                b.append("| ").append(level).append(" | ").append(l.path("completed").asInt()).append(" | ").append(num(l, "output_token_throughput"))
                        .append(" | ").append(num(l.path("ttft_ms"), "p50")).append(" | ").append(num(l.path("tpot_ms"), "p50")).append(" | ")
                        .append(num(l.path("e2e_ms"), "p50")).append(" |\n");
            }
            b.append('\n');
        }
        b.append("## Runs\n\n| run | kind | task | model | catalogue model | status | started | ended |\n|---|---|---|---|---|---|---|---|\n");
        for (ReportRun run : r.runs()) {
            b.append("| ").append(md(run.runId())).append(" | ").append(run.kind()).append(" | ").append(md(run.task())).append(" | ")
                    .append(md(run.model())).append(" | ").append(md(run.catalogModel() == null ? "-" : run.catalogModel())).append(" | ")
                    .append(md(run.status())).append(" | ").append(run.startedAt()).append(" | ").append(run.endedAt() == null ? "-" : run.endedAt()).append(" |\n");
        }
        for (String n : r.notes()) b.append("\n> ").append(md(n)).append('\n');
        b.append("\nEvery answer, side by side: `--format html`.\n");
        return b.toString();
    }

    /**
     * run_id, kind, task, model, catalog_model, metric, value, stderr, ci_low, ci_high (95%: Wilson's where the run
     * recorded one, else the normal one), n, published, published_source, verdict, interval (which of the two
     * ci_low/ci_high are: wilson95 or ci95, empty without an interval).
     */
    public static String csv(RunsReport r) {
        StringBuilder b = new StringBuilder("run_id,kind,task,model,catalog_model,metric,value,stderr,ci_low,ci_high,n,published,published_source,verdict,interval\r\n");
        for (TaskTable t : r.tasks()) {
            for (TaskTable.Row row : t.rows()) {
                ReportRun run = r.runs().stream().filter(x -> x.runId().equals(row.runId())).findFirst().orElseThrow();
                MeasuredClaim claim = r.comparison().stream().filter(c -> c.runId().equals(row.runId()) && c.task().equals(t.task())).findFirst().orElse(null);
                for (Map.Entry<String, ReportMetric> e : row.metrics().entrySet()) {
                    boolean claimed = claim != null && claim.metric().equals(e.getKey());
                    csvRow(b, run, t.task(), e.getKey(), e.getValue(), claimed ? claim : null);
                }
                for (TaskTable.Group g : t.breakdowns()) {
                    ReportMetric s = g.byRun().get(row.runId());
                    if (s != null) csvRow(b, run, t.task(), g.group() + "/" + g.key(), s, null);
                }
            }
        }
        return b.toString();
    }

    private static void csvRow(StringBuilder b, ReportRun run, String task, String metric, ReportMetric s, MeasuredClaim claim) {
        List<Double> ci = s.interval();
        List<String> f = List.of(run.runId(), run.kind(), task, nz(run.model()), nz(run.catalogModel()), metric, d(s.value()), d(s.stderr()),
                ci == null ? "" : d(ci.get(0)), ci == null ? "" : d(ci.get(1)), Integer.toString(s.n()),
                claim == null ? "" : d(claim.published()), claim == null ? "" : nz(claim.source()), claim == null ? "" : claim.verdict(),
                ci == null ? "" : s.wilson95() != null ? MeasuredClaim.WILSON : MeasuredClaim.NORMAL);
        b.append(String.join(",", f.stream().map(RunsReportText::csvField).toList())).append("\r\n");
    }

    /** How the brackets read, said once at the top (report.js says the same). */
    static final String INTERVALS = "In brackets: 95% intervals, the normal one (value ± 1.96·SE) unless marked Wilson "
            + "(the Wilson score interval the run records for proportions).";

    static String metric(ReportMetric m) {
        return m == null ? "-" : metric(m.value(), m.ci95(), m.wilson95(), m.unit());
    }

    /** A probe's attack success rate: a proportion. */
    private static String rate(MetricSummary m) {
        return m == null ? "-" : metric(m.value(), m.ci95(), m.wilson95(), MetricUnit.proportion);
    }

    /**
     * A value as what it is, never as what its number looks like: a proportion as a percentage with its interval in
     * points, a count as a whole number, a score on its own scale. The interval is Wilson's where there is one
     * (marked so), else the normal one.
     */
    static String metric(Double value, List<Double> ci95, List<Double> wilson95, MetricUnit unit) {
        if (value == null) return "-";
        if (unit == MetricUnit.count) return String.format(Locale.US, "%d", Math.round(value));
        boolean percent = unit == MetricUnit.proportion;
        double k = percent ? 100 : 1;
        String v = percent ? String.format(Locale.US, "%.1f%%", value * 100) : String.format(Locale.US, "%.2f", value);
        List<Double> ci = wilson95 != null ? wilson95 : ci95;
        if (ci == null) return v;
        return v + String.format(Locale.US, percent ? " [%s%.1f, %.1f]" : " [%s%.2f, %.2f]", wilson95 != null ? "Wilson " : "", ci.get(0) * k, ci.get(1) * k);
    }

    private static String num(Double v) { return v == null ? "-" : String.format(Locale.US, "%.1f", v); }

    private static String num(JsonNode n, String field) {
        return n.path(field).isNumber() ? num(n.path(field).asDouble()) : "-";
    }

    private static String d(Double v) { return v == null ? "" : String.format(Locale.US, "%.6g", v); }

    private static String nz(String s) { return s == null ? "" : s; }

    /** Text in a Markdown table cell: no column or line break, no inline HTML. */
    static String md(String s) {
        if (s == null) return "";
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\r", " ").replace("\n", " ");
    }

    /** RFC 4180, and a leading = + - @ quoted away so a spreadsheet does not read a cell as a formula. */
    static String csvField(String s) {
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?[0-9.eE+-]+")) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }
}
