package dev.arbiter.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stored serving benchmark as one self-contained HTML page: what was run, a latency-versus-throughput chart (one
 * point per load level: output tokens/s on x, TTFT p50/p99, TPOT p50 and E2E p50 in ms on y; Chart.js inlined) and the
 * per-level table. Reads the run's stored record as JSON (the document {@code bench --format json} prints), so every
 * version's record renders; every string from it is escaped and only numbers reach the chart's script.
 */
public final class BenchReport {
    private BenchReport() {}

    public static String html(JsonNode record) {
        StringBuilder b = new StringBuilder();
        String id = record.path("run_id").asText("");
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Arbiter bench ").append(Html.escape(id))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}")
                .append("th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
                .append(".chart{max-width:860px}</style></head><body>\n");
        b.append("<h1>Bench ").append(Html.escape(id)).append(" — ").append(Html.escape(record.path("status").asText(""))).append("</h1>\n<table>\n");
        row(b, "endpoint", record.path("endpoint").asText("-"));
        row(b, "model", record.path("served_model").asText("-"));
        row(b, "workload", record.path("workload").asText("-"));
        row(b, "started / ended", record.path("started_at").asText("-") + " / " + record.path("ended_at").asText("-"));
        JsonNode ev = record.path("evidence");
        if (!ev.isMissingNode() && !ev.isNull() && ev.hasNonNull("catalog_model")) {
            row(b, "evidence", ev.path("catalog_model").asText() + " " + ev.path("quant").asText("") + " on " + ev.path("gpus").asInt(1)
                    + " × " + ev.path("hardware").asText(""));
        }
        b.append("</table>\n");
        List<String> labels = new ArrayList<>();
        List<double[]> points = new ArrayList<>();  // x, ttft p50, ttft p99, tpot p50, e2e p50 (NaN = missing)
        b.append("<h2>Levels</h2>\n<table><thead><tr><th>level</th><th>completed</th><th>failed</th><th>requests/s</th>")
                .append("<th>output tokens/s</th><th>TTFT p50 / p99 ms</th><th>ITL p50 ms</th><th>TPOT p50 ms</th><th>E2E p50 / p99 ms</th></tr></thead><tbody>\n");
        for (JsonNode l : record.path("levels")) {
            String label = l.hasNonNull("concurrency") ? "concurrency " + l.path("concurrency").asInt()
                    : l.hasNonNull("rate") ? String.format(Locale.US, "rate %.2f/s", l.path("rate").asDouble()) : "level";
            labels.add(label);
            points.add(new double[]{num(l, "output_token_throughput"), num(l.path("ttft_ms"), "p50"), num(l.path("ttft_ms"), "p99"),
                    num(l.path("tpot_ms"), "p50"), num(l.path("e2e_ms"), "p50")});
            b.append("<tr><td>").append(Html.escape(label)).append("</td><td>").append(l.path("completed").asInt())
                    .append("</td><td>").append(l.path("failed").asInt()).append("</td><td>").append(fmt(num(l, "request_throughput")))
                    .append("</td><td>").append(fmt(num(l, "output_token_throughput"))).append("</td><td>")
                    .append(fmt(num(l.path("ttft_ms"), "p50"))).append(" / ").append(fmt(num(l.path("ttft_ms"), "p99")))
                    .append("</td><td>").append(fmt(num(l.path("itl_ms"), "p50"))).append("</td><td>").append(fmt(num(l.path("tpot_ms"), "p50")))
                    .append("</td><td>").append(fmt(num(l.path("e2e_ms"), "p50"))).append(" / ").append(fmt(num(l.path("e2e_ms"), "p99")))
                    .append("</td></tr>\n");
        }
        b.append("</tbody></table>\n<h2>Latency vs throughput</h2>\n<div class=\"chart\"><canvas id=\"lat\" width=\"860\" height=\"420\"></canvas></div>\n");
        b.append("<script>").append(Assets.chartJs()).append("</script>\n<script>\n");
        String[] names = {"TTFT p50", "TTFT p99", "TPOT p50", "E2E p50"};
        b.append("const datasets = [");
        for (int k = 0; k < names.length; k++) {
            b.append(k == 0 ? "" : ",").append("{label:'").append(names[k]).append("',showLine:true,data:[");
            boolean first = true;
            for (double[] p : points) {
                if (Double.isNaN(p[0]) || Double.isNaN(p[k + 1])) continue;
                b.append(first ? "" : ",").append(String.format(Locale.US, "{x:%.3f,y:%.3f}", p[0], p[k + 1]));
                first = false;
            }
            b.append("]}");
        }
        b.append("];\nnew Chart(document.getElementById('lat'),{type:'scatter',data:{datasets},options:{animation:false,")
                .append("scales:{x:{title:{display:true,text:'output tokens/s'}},y:{type:'logarithmic',title:{display:true,text:'ms'}}}}});\n</script>\n");
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th>").append(Html.escape(k)).append("</th><td>").append(Html.escape(v)).append("</td></tr>\n");
    }

    private static double num(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.US, "%.1f", v);
    }
}
