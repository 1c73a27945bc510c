package dev.arbiter.compare;

import dev.arbiter.profile.AxisScore;
import dev.arbiter.profile.Dimension;
import dev.arbiter.report.Assets;
import dev.arbiter.report.Html;
import dev.arbiter.util.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link Comparison} as text, Markdown, CSV or a self-contained HTML page with the radar. */
public final class ComparisonRenderer {
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("mmlu", "MMLU"), Map.entry("humaneval", "HumanEval"),
            Map.entry("mt_bench", "MT-Bench"), Map.entry("math", "MATH"), Map.entry("gsm8k", "GSM8K"), Map.entry("mmlu_pro", "MMLU-Pro"),
            Map.entry("mmlu_redux", "MMLU-Redux"), Map.entry("gpqa", "GPQA"), Map.entry("ifeval", "IFEval"),
            Map.entry("chartqa", "ChartQA"), Map.entry("docvqa", "DocVQA"));

    private ComparisonRenderer() {}

    public static String text(Comparison c) {
        StringBuilder b = new StringBuilder();
        // Columns are as wide as their widest cell, so a long note ("87.1 = base 5-shot") cannot shift the rest.
        int modelWidth = 20;
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (String bm : c.benchmarks()) widths.put(bm, Math.max(17, label(bm).length()));
        for (ComparisonRow r : c.rows()) {
            modelWidth = Math.max(modelWidth, r.model().length());
            for (String bm : c.benchmarks()) widths.merge(bm, cellText(r.scores().get(bm)).length(), Math::max);
        }
        b.append(String.format(Locale.US, "%-" + modelWidth + "s %-15s %-8s", "MODEL", "PARAMS", "CONTEXT"));
        for (String bm : c.benchmarks()) b.append(String.format(Locale.US, " %-" + widths.get(bm) + "s", label(bm)));
        int costWidth = c.costs() == null ? 0 : Math.max(16, c.costs().values().stream().mapToInt(x -> x.text().length()).max().orElse(0));
        if (c.costs() != null) b.append(String.format(Locale.US, " %-" + costWidth + "s", "COST/1M OUT"));
        b.append(" LICENCE\n");
        for (ComparisonRow r : c.rows()) {
            b.append(String.format(Locale.US, "%-" + modelWidth + "s %-15s %-8s", r.model(), params(r), tokens(r.contextLength())));
            for (String bm : c.benchmarks()) {
                b.append(String.format(Locale.US, " %-" + widths.get(bm) + "s", cellText(r.scores().get(bm))));
            }
            if (c.costs() != null) b.append(String.format(Locale.US, " %-" + costWidth + "s", costText(c, r)));
            b.append(' ').append(r.license()).append(r.commercialUse() ? "" : " (non-commercial)").append('\n');
        }
        if (c.costs() != null) b.append(costNote(c));
        b.append("\nFigures: vendor's published value [article's claim in brackets when it differs; * measured by you, with (same setting) when a published figure states the run's profile, shots and CoT].\n");
        for (String n : incompleteNotes(c)) b.append("! ").append(n).append('\n');
        b.append("PARAMS: the vendor's published count (./arbiter models and fit count them from the architecture; show gives both).\n");
        b.append("Sources:\n");
        for (String line : sourceLines(c)) b.append("  ").append(line).append('\n');
        b.append("\nAxes (0-100; - = no published figure):\n");
        StringBuilder axesHeader = new StringBuilder(String.format(Locale.US, "%-" + modelWidth + "s", "MODEL"));
        for (Dimension d : c.axes()) axesHeader.append(String.format(Locale.US, " %-13s", d.id()));
        b.append(axesHeader.toString().stripTrailing()).append('\n');
        for (ComparisonRow r : c.rows()) {
            StringBuilder line = new StringBuilder(String.format(Locale.US, "%-" + modelWidth + "s", r.model()));
            for (Dimension d : c.axes()) line.append(String.format(Locale.US, " %-13s", axis(r.profile().axis(d.id()))));
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    public static String markdown(Comparison c) {
        StringBuilder b = new StringBuilder("| Model | Params (total/active) | Context |");
        for (String bm : c.benchmarks()) b.append(' ').append(md(label(bm))).append(" |");
        if (c.costs() != null) b.append(" Cost/1M output tokens |");
        b.append(" Licence |\n|---|---|---|");
        for (int i = 0; i < c.benchmarks().size() + (c.costs() != null ? 1 : 0); i++) b.append("---|");
        b.append("---|\n");
        for (ComparisonRow r : c.rows()) {
            b.append("| ").append(md(r.name())).append(" | ").append(params(r)).append(" | ").append(tokens(r.contextLength())).append(" |");
            for (String bm : c.benchmarks()) {
                // the link covers the published figure only: the article's claim and the run's are not its source's
                Cell cell = r.scores().get(bm);
                b.append(' ').append(mdLink(cell.source(), publishedText(cell))).append(md(notesText(cell))).append(" |");
            }
            if (c.costs() != null) b.append(' ').append(md(costText(c, r))).append(" |");
            b.append(' ').append(md(r.license())).append(r.commercialUse() ? "" : " (non-commercial)").append(" |\n");
        }
        b.append("\nVendor figure first; the 2026 article's claim in brackets where it differs; `-` = not published.\n");
        b.append("\nSources:\n\n");
        for (String line : sourceLines(c)) b.append("- ").append(md(line)).append('\n');
        for (String n : incompleteNotes(c)) b.append("\n**Incomplete run:** ").append(md(n)).append('\n');
        if (c.costs() != null) b.append(md(costNote(c).strip())).append('\n');
        return b.toString();
    }

    public static String csv(Comparison c) {
        List<String> header = new ArrayList<>(List.of("model", "total_params", "active_params", "context_length", "license", "commercial_use"));
        for (String bm : c.benchmarks()) {
            header.addAll(List.of(bm, bm + "_setting", bm + "_source", bm + "_article", bm + "_article_setting",
                    bm + "_article_source", bm + "_vendor_lookup", bm + "_measured", bm + "_measured_run", bm + "_measured_setting", bm + "_measured_versus", bm + "_measured_status", bm + "_measured_answered",
                    bm + "_measured_planned"));
        }
        for (Dimension d : c.axes()) header.add("axis_" + d.id());
        if (c.costs() != null) header.addAll(List.of("cost_per_million_output", "cost_currency", "cost_quant", "cost_source", "cost_run"));
        StringBuilder b = new StringBuilder(String.join(",", header)).append("\r\n");
        for (ComparisonRow r : c.rows()) {
            List<String> f = new ArrayList<>(List.of(r.model(), Long.toString(r.totalParams()), Long.toString(r.activeParams()),
                    Long.toString(r.contextLength()), r.license(), Boolean.toString(r.commercialUse())));
            for (String bm : c.benchmarks()) {
                Cell cell = r.scores().get(bm);
                f.add(num(cell.value()));
                f.add(nz(cell.setting()));
                f.add(nz(cell.source()));
                f.add(num(cell.articleValue()));
                f.add(nz(cell.articleSetting()));
                f.add(nz(cell.articleSource()));
                f.add(nz(cell.vendorLookup()));
                f.add(num(cell.measured()));
                f.add(nz(cell.measuredRun()));
                f.add(nz(cell.measuredSetting()));
                f.add(nz(cell.measuredVersus()));
                f.add(nz(cell.measuredStatus()));
                f.add(cell.measuredAnswered() == null ? "" : cell.measuredAnswered().toString());
                f.add(cell.measuredPlanned() == null ? "" : cell.measuredPlanned().toString());
            }
            for (Dimension d : c.axes()) {
                AxisScore a = r.profile().axis(d.id());
                f.add(a.missing() ? "" : axis(a));  // 0–100, rounded as in text, Markdown and HTML
            }
            if (c.costs() != null) {
                CostCell cc = c.costs().get(r.model());
                f.add(cc == null ? "" : num(cc.perMillionOutput()));
                f.add(cc == null ? "" : nz(cc.currency()));
                f.add(cc == null ? "" : nz(cc.quant()));
                f.add(cc == null ? "" : nz(cc.source()));
                f.add(cc == null ? "" : nz(cc.runId()));
            }
            b.append(String.join(",", f.stream().map(ComparisonRenderer::csvField).toList())).append("\r\n");
        }
        return b.toString();
    }

    /** A self-contained page: table with sources and discrepancies, and a six-axis radar (Chart.js inlined). */
    public static String html(Comparison c) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Arbiter comparison</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}")
                .append("th,td{border:1px solid #ccc;padding:.35rem .6rem;text-align:left;vertical-align:top}th{background:#f3f3f3}")
                .append(".art{color:#b00;font-size:.85em}.set{color:#666;font-size:.8em}.missing{color:#999}")
                .append(".meas{color:#05a;font-weight:bold}\n</style></head><body>\n")
                .append("<h1>Open-weight model comparison</h1>\n")
                .append("<p>Vendor figures with their setting and source. Where the 2026 comparison article quotes a different figure, ")
                .append("it is shown in red beside the vendor's. A dash means no published figure (not zero).</p>\n");
        b.append("<table><thead><tr><th>Model</th><th>Params (total/active)</th><th>Context</th>");
        for (String bm : c.benchmarks()) b.append("<th>").append(Html.escape(label(bm))).append("</th>");
        if (c.costs() != null) b.append("<th>Cost/1M output tokens</th>");
        b.append("<th>Licence</th></tr></thead><tbody>\n");
        for (ComparisonRow r : c.rows()) {
            b.append("<tr><td>").append(Html.escape(r.name())).append("<br><span class=\"set\">")
                    .append(Html.escape(r.model())).append("</span></td><td>")
                    .append(Html.link(r.paramsSource(), params(r))).append("</td><td>")
                    .append(Html.escape(tokens(r.contextLength()))).append("</td>");
            for (String bm : c.benchmarks()) b.append("<td>").append(htmlCell(r.scores().get(bm))).append("</td>");
            if (c.costs() != null) b.append("<td>").append(Html.escape(costText(c, r))).append("</td>");
            b.append("<td>").append(Html.link(r.licenseUrl(), r.license()))
                    .append(r.commercialUse() ? "" : "<br><span class=\"art\">no commercial use</span>").append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        for (String n : incompleteNotes(c)) b.append("<p class=\"art\">").append(Html.escape(n)).append("</p>\n");
        b.append("<h2>Six axes</h2>\n<p>Each axis is 0–100 from published figures (see ")
                .append("<code>scoring/dimensions.yaml</code>); efficiency is computed from parameter counts. ")
                .append("Missing axes are left as gaps, not drawn at zero.</p>\n")
                .append("<div style=\"position:relative;width:760px;height:560px\"><canvas id=\"radar\"></canvas></div>\n");
        b.append("<table><thead><tr><th>Model</th>");
        for (Dimension d : c.axes()) b.append("<th>").append(Html.escape(d.label())).append("</th>");
        b.append("</tr></thead><tbody>\n");
        for (ComparisonRow r : c.rows()) {
            b.append("<tr><td>").append(Html.escape(r.model())).append("</td>");
            for (Dimension d : c.axes()) {
                AxisScore a = r.profile().axis(d.id());
                b.append("<td title=\"").append(Html.escape(a.note())).append("\">")
                        .append(a.missing() ? "<span class=\"missing\">-</span>" : Html.escape(axis(a))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
        b.append("<script>\n").append(Assets.chartJs().replace("</script", "<\\/script")).append("\n</script>\n");
        b.append("<script>\nconst data = ").append(Html.scriptJson(Json.write(radarData(c)))).append(";\n")
                .append("new Chart(document.getElementById('radar'), {type: 'radar', data: data, options: {")
                .append("animation: false, responsive: true, maintainAspectRatio: false, spanGaps: false, scales: {r: {min: 0, max: 100, ticks: {stepSize: 20}}}, ")
                .append("plugins: {legend: {position: 'bottom'}}}});\n</script>\n");
        b.append("<p class=\"set\">Generated by Arbiter. Chart.js ").append(Assets.CHART_JS_VERSION)
                .append(" (MIT) is embedded.</p>\n</body></html>\n");
        return b.toString();
    }

    /**
     * Where each figure of the table comes from, one line per figure (published, the article's claim, the user's run),
     * so none is shown without its own source: "gemma-3-27b MT-Bench, article 8.3: article:… (setting); the vendor
     * publishes none (looked up: …)".
     */
    static List<String> sourceLines(Comparison c) {
        List<String> out = new ArrayList<>();
        for (ComparisonRow r : c.rows()) {
            for (String bm : c.benchmarks()) {
                Cell cell = r.scores().get(bm);
                String figure = r.model() + " " + label(bm) + ", ";
                if (cell.value() != null) out.add(sourced(figure + "published " + fmt(cell.value()), cell.source(), cell.setting()));
                if (cell.articleValue() != null) {
                    String line = sourced(figure + "article " + fmt(cell.articleValue()), cell.articleSource(), cell.articleSetting());
                    out.add(cell.vendorLookup() == null ? line : line + "; the vendor publishes none (looked up: " + cell.vendorLookup() + ")");
                }
                if (cell.measured() != null) {
                    out.add(sourced(figure + "measured " + fmt(cell.measured()), "run " + cell.measuredRun(), cell.measuredSetting()));
                }
            }
        }
        return out;
    }

    private static String sourced(String figure, String source, String setting) {
        return figure + ": " + source + (setting == null ? "" : " (" + setting + ")");
    }

    /** One sentence per measured figure from a run that did not complete, saying why it is not comparable. */
    static List<String> incompleteNotes(Comparison c) {
        List<String> out = new ArrayList<>();
        for (ComparisonRow r : c.rows()) {
            for (String bm : c.benchmarks()) {
                Cell cell = r.scores().get(bm);
                if (cell.measured() != null && cell.measuredIncomplete()) {
                    out.add(String.format(Locale.US, "%s %s: measured %s by run %s, which is incomplete (%s); %s.", r.model(), label(bm),
                            fmt(cell.measured()), cell.measuredRun(), cell.measuredProgress(), MeasuredRuns.NOT_COMPARABLE));
                }
            }
        }
        return out;
    }

    private static String costText(Comparison c, ComparisonRow r) {
        CostCell cc = c.costs().get(r.model());
        return cc == null ? "-" : cc.text();
    }

    /** Where the cost column comes from, and why a model has none. */
    private static String costNote(Comparison c) {
        StringBuilder b = new StringBuilder();
        CostCell any = c.costs().values().stream().findFirst().orElse(null);
        if (any != null) {
            b.append(String.format(Locale.US, "Cost/1M out: all-in cost of 1M output tokens on %d × %s at the most precise quantisation whose largest batch "
                    + "holds the requests priced, else the one with the largest batch (./arbiter cost MODEL --hardware %s shows the basis and the price's date).%n",
                    any.gpus(), any.hardware(), any.hardware()));
        }
        for (var e : c.costs().entrySet()) {
            if (e.getValue().note() != null) b.append(String.format(Locale.US, "  %s: %s%n", e.getKey(), e.getValue().note()));
            else if (e.getValue().quantChoice() != null) b.append(String.format(Locale.US, "  %s: %s%n", e.getKey(), e.getValue().quantChoice()));
        }
        return b.toString();
    }

    /** Chart.js radar data: labels and one dataset per model; missing axes are null (a gap). */
    public static Map<String, Object> radarData(Comparison c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", c.axes().stream().map(Dimension::label).toList());
        List<Map<String, Object>> sets = new ArrayList<>();
        for (ComparisonRow r : c.rows()) {
            Map<String, Object> ds = new LinkedHashMap<>();
            ds.put("label", r.model());
            List<Double> values = new ArrayList<>();
            for (Dimension d : c.axes()) {
                AxisScore a = r.profile().axis(d.id());
                values.add(a.missing() ? null : Math.round(a.value() * 1000) / 10.0);
            }
            ds.put("data", values);
            sets.add(ds);
        }
        data.put("datasets", sets);
        return data;
    }

    static String htmlCell(Cell cell) {
        StringBuilder b = new StringBuilder();
        if (cell.value() == null) b.append("<span class=\"missing\">-</span>");
        else b.append(Html.link(cell.source(), fmt(cell.value())));
        if (cell.setting() != null) b.append("<br><span class=\"set\">").append(Html.escape(cell.setting())).append("</span>");
        String note = cell.articleNote(ComparisonRenderer::fmt);
        if (note != null) {
            // a catalogue source such as "article:comparatif-…" is no URL to link: it is printed beside the figure
            boolean url = cell.articleSource().startsWith("https://") || cell.articleSource().startsWith("http://");
            b.append("<br><span class=\"art\">article: ").append(Html.link(cell.articleSource(), note)).append("</span>");
            if (!url) b.append(" <span class=\"set\">(").append(Html.escape(cell.articleSource())).append(")</span>");
            if (cell.vendorLookup() != null) {
                b.append("<br><span class=\"set\">vendor publishes none (looked up: ").append(Html.escape(cell.vendorLookup())).append(")</span>");
            }
        }
        if (cell.measured() != null) {
            b.append("<br><span class=\"meas\">measured: ").append(Html.escape(fmt(cell.measured())))
                    .append("</span> <span class=\"set\">").append(Html.escape(cell.measuredRun())).append("</span>");
            if (cell.measuredSetting() != null) b.append("<br><span class=\"set\">").append(Html.escape(cell.measuredSetting())).append("</span>");
            if (cell.measuredVersus() != null) b.append("<br><span class=\"set\">").append(Html.escape(cell.measuredVersus())).append("</span>");
            if (cell.measuredIncomplete()) {
                b.append("<br><span class=\"art\">incomplete run (").append(Html.escape(cell.measuredProgress()))
                        .append("): not comparable</span>");
            }
        }
        return b.toString();
    }

    static String cellText(Cell cell) {
        return publishedText(cell) + notesText(cell);
    }

    /** The published figure alone: what the cell's {@code source} is the source of. */
    private static String publishedText(Cell cell) {
        return cell.value() == null ? "-" : fmt(cell.value());
    }

    /** What follows the published figure: the article's claim in brackets, the user's measured figure after a star. */
    private static String notesText(Cell cell) {
        String v = "";
        String note = cell.articleNote(ComparisonRenderer::fmt);
        if (note != null) v += " [" + note + "]";
        if (cell.measured() != null) {
            v += " *" + fmt(cell.measured());
            if (cell.measuredIncomplete()) v += " (incomplete: " + cell.measuredProgress() + ")";
            else if (cell.measuredVersus() != null) v += cell.measuredVersus().startsWith("same setting") ? " (same setting)" : " (other setting)";
        }
        return v;
    }

    private static String axis(AxisScore a) {
        return a == null || a.missing() ? "-" : String.format(Locale.US, "%.0f", a.value() * 100);
    }

    public static String label(String bm) { return LABELS.getOrDefault(bm, bm); }

    static String params(ComparisonRow r) {
        String t = p(r.totalParams());
        return r.activeParams() < r.totalParams() ? t + "/" + p(r.activeParams()) : t;
    }

    private static String p(long n) {
        return n >= 1e9 ? String.format(Locale.US, "%.1fB", n / 1e9) : String.format(Locale.US, "%.0fM", n / 1e6);
    }

    static String tokens(long n) {
        if (n >= 1_000_000) return String.format(Locale.US, "%.0fM", n / 1e6);
        if (n >= 1000) return String.format(Locale.US, "%dK", Math.round(n / 1024.0));
        return Long.toString(n);
    }

    static String fmt(double v) { return String.format(Locale.US, "%.1f", v); }
    private static String num(Double v) { return v == null ? "" : String.format(Locale.US, "%.2f", v); }
    private static String nz(String s) { return s == null ? "" : s; }
    /**
     * Catalogue text in a table cell: no column break, no inline HTML (Markdown renderers pass it through), and no
     * bracket that could open a link, so a figure outside a link cannot be read as part of one.
     */
    static String md(String s) {
        return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("[", "\\[").replace("]", "\\]");
    }

    /** A link only for http(s) URLs, with the characters that could end the link target percent-encoded. */
    private static String mdLink(String url, String text) {
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://"))) return md(text);
        String safe = url.replace("%", "%25").replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                .replace("<", "%3C").replace(">", "%3E").replace("|", "%7C").replace("\"", "%22");
        return "[" + md(text) + "](" + safe + ")";
    }

    private static String csvField(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
