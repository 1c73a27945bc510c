package dev.arbiter.report;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.ImagePart;
import dev.arbiter.eval.engine.MetricSummary;
import dev.arbiter.eval.engine.RunManifest;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.eval.engine.TaskResult;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One evaluation run as a self-contained HTML page: what was run (model, endpoint, task version, dataset digest,
 * settings), the metrics with their intervals, and every answer. Model text is untrusted: every string goes through
 * {@link Html#escape}, and long texts are cut at {@code maxChars} (the full text stays in samples.jsonl).
 */
public final class RunReport {
    private RunReport() {}

    /** The two intervals' column names, the same in every view of one run (CLI, this page, the web UI's Live view). */
    public static final String NORMAL = "normal 95% CI", WILSON = "Wilson 95% CI";
    /** What the two columns hold. */
    public static final String INTERVALS = "normal 95% CI: value ± 1.96·stderr, as computed (for a proportion near 0 or 1 "
            + "it can pass beyond them); Wilson 95% CI: the Wilson score interval, for proportions only (- otherwise).";

    public static String html(RunRecord run, List<SampleRecord> samples, int maxChars) {
        return html(run, run.status().name(), samples, maxChars);
    }

    /** The stored run's page, its status as a reader should take it ({@code stale} when no process writes it). */
    public static String html(RunReader reader, String runId, int maxChars) {
        RunRecord run = reader.record(runId);
        return html(run, reader.status(run), reader.samples(runId), maxChars);
    }

    private static String html(RunRecord run, String status, List<SampleRecord> samples, int maxChars) {
        String out = run.manifest().outDir();
        return html(run, status, samples, maxChars, new RunImages(out == null ? null : java.nio.file.Path.of(out).resolve("images")));
    }

    /** As above, with each sample's images (vision tasks) inlined beside its input from {@code images}. */
    public static String html(RunRecord run, List<SampleRecord> samples, int maxChars, RunImages images) {
        return html(run, run.status().name(), samples, maxChars, images);
    }

    private static String html(RunRecord run, String status, List<SampleRecord> samples, int maxChars, RunImages images) {
        RunManifest m = run.manifest();
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Arbiter run ")
                .append(Html.escape(run.runId())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}")
                .append("th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}")
                .append("pre{white-space:pre-wrap;max-width:48rem;margin:0;font-size:.85em}img.sample{max-width:24rem;display:block;margin-top:.3rem}.ok{color:#070}.bad{color:#b00}.none{color:#999}\n")
                .append("</style></head><body>\n");
        b.append("<h1>Run ").append(Html.escape(run.runId())).append(" — ").append(Html.escape(status)).append("</h1>\n");
        if (RunReader.STALE.equals(status)) b.append("<p class=\"bad\">").append(Html.escape(RunReader.staleAdvice(run.runId()))).append(".</p>\n");
        b.append("<table>\n");
        row(b, "task", m.task() + " v" + m.taskVersion() + " (scorer " + m.scorer() + ")");
        row(b, "model", m.model());
        row(b, "endpoint", m.endpoint());
        row(b, "dataset", m.datasetName() + " — " + m.datasetPath() + (m.datasetSha256() == null ? "" : " (sha256 " + m.datasetSha256() + ")"));
        row(b, "samples", m.samples() + " × " + m.epochs() + " epoch(s)" + (m.limit() == null ? "" : ", --limit " + m.limit())
                + (m.seed() == null ? "" : ", seed " + m.seed()));
        row(b, "generation", m.generation() == null ? "-" : settings(m.generation()));
        row(b, "started / ended", m.startedAt() + " / " + (m.endedAt() == null ? "-" : m.endedAt()));
        row(b, "arbiter", m.arbiterVersion());
        if (run.error() != null) row(b, "error", run.error().message());
        b.append("</table>\n");
        for (TaskResult t : run.tasks()) {
            b.append("<h2>").append(Html.escape(t.task())).append("</h2>\n<p>")
                    .append(String.format(Locale.US, "%d scored, %d unscored (%s), %d missing of %d planned",
                            t.scored(), t.unscored(), t.failuresInWords(), t.missing(), t.planned()))
                    .append(t.outcomes().isEmpty() ? "" : "; outcomes " + Html.escape(t.outcomes().toString()))
                    .append(t.sampleOutcomes().isEmpty() ? "" : "; answers " + Html.escape(t.sampleOutcomes().toString()))
                    .append("</p>\n");
            for (String hint : t.hints()) b.append("<p class=\"none\">").append(Html.escape(hint)).append("</p>\n");
            // both intervals, each named, as `runs RUN` prints them: the normal one alone hides how poor it is near 0 or 1
            b.append("<table><thead><tr><th>metric</th><th>value</th><th>stderr</th><th>").append(NORMAL).append("</th><th>")
                    .append(WILSON).append("</th><th>n</th></tr></thead><tbody>\n");
            for (Map.Entry<String, MetricSummary> e : t.metrics().entrySet()) {
                MetricSummary s = e.getValue();
                b.append("<tr><td>").append(Html.escape(e.getKey())).append("</td><td>").append(num(s.value()))
                        .append("</td><td>").append(num(s.stderr())).append("</td><td>").append(interval(s.ci95()))
                        .append("</td><td>").append(interval(s.wilson95())).append("</td><td>").append(s.n()).append("</td></tr>\n");
            }
            b.append("</tbody></table>\n<p class=\"none\">").append(INTERVALS).append("</p>\n");
        }
        b.append("<h2>Answers</h2>\n<table><thead><tr><th>sample</th><th>input</th><th>response</th><th>answer</th>")
                .append("<th>score</th><th>why</th></tr></thead><tbody>\n");
        for (SampleRecord s : naturalOrder(samples)) {
            String cls = s.score() == null ? "none" : s.score() > 0 ? "ok" : "bad";
            b.append("<tr><td>").append(Html.escape(s.sampleId())).append(s.epoch() > 0 ? " #" + s.epoch() : "")
                    .append("</td><td><pre>").append(Html.escape(cut(lastUser(s.input()), maxChars))).append("</pre>");
            for (ChatMessage turn : s.input()) {
                for (ImagePart image : turn.images()) {
                    var url = images.dataUrl(image);
                    if (url.isPresent()) b.append("<img class=\"sample\" alt=\"image ").append(image.sha256(), 0, 12).append("\" src=\"").append(url.get()).append("\">");
                    else b.append("<p class=\"none\">image ").append(image.sha256(), 0, 12).append(" not stored</p>");
                }
            }
            b.append("</td><td><pre>").append(Html.escape(cut(s.response(), maxChars)))
                    .append("</pre></td><td><pre>").append(Html.escape(cut(s.answer(), maxChars)))
                    .append("</pre></td><td class=\"").append(cls).append("\">").append(s.score() == null ? s.outcome().jsonName() : num(s.score()))
                    .append("</td><td>").append(Html.escape(cut(s.error() != null ? s.error().message() : s.explanation(), maxChars)))
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table>\n<p class=\"none\">Generated by Arbiter from the run store; the full record is ")
                .append(Html.escape(run.log())).append(".</p>\n</body></html>\n");
        return b.toString();
    }

    /** Settings as {@code key: value} pairs, as the run's JSON names them (not a Java record's toString). */
    static String settings(Object generation) {
        var node = dev.arbiter.util.Json.mapper().valueToTree(generation);
        List<String> parts = new java.util.ArrayList<>();
        node.fields().forEachRemaining(e -> parts.add(e.getKey() + ": " + (e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString())));
        return parts.isEmpty() ? "server defaults" : String.join(", ", parts);
    }

    /** Samples by id in natural order (g2 before g10, HumanEval/9 before HumanEval/10), then epoch. */
    static List<SampleRecord> naturalOrder(List<SampleRecord> samples) {
        List<SampleRecord> sorted = new java.util.ArrayList<>(samples);
        sorted.sort(java.util.Comparator.comparing(SampleRecord::sampleId, RunReport::compareNatural).thenComparingInt(SampleRecord::epoch));
        return sorted;
    }

    static int compareNatural(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i), y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i, sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
                while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
                java.math.BigInteger n = new java.math.BigInteger(a.substring(si, i)), m = new java.math.BigInteger(b.substring(sj, j));
                int c = n.compareTo(m);
                if (c != 0) return c;
            } else {
                if (x != y) return Character.compare(x, y);
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(v)).append("</td></tr>\n");
    }

    static String lastUser(List<ChatMessage> input) {
        if (input == null) return "";
        for (int i = input.size() - 1; i >= 0; i--) if (input.get(i).role().equals("user")) return input.get(i).content();
        return "";
    }

    static String cut(String s, int max) {
        if (s == null) return "";
        return s.length() <= max ? s : s.substring(0, max) + " … [" + (s.length() - max) + " more characters]";
    }

    private static String num(Double v) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.US, "%.4f", v);
    }

    private static String interval(List<Double> ci) {
        return ci == null || ci.size() != 2 ? "-" : "[" + num(ci.get(0)) + ", " + num(ci.get(1)) + "]";
    }
}
