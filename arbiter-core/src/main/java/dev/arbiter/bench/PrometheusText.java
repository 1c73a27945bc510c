package dev.arbiter.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The few gauges the benchmark reads from a Prometheus text exposition, by server. A family with several label
 * sets (several models or engines) is summed for request counts and maxed for cache use.
 */
final class PrometheusText {
    /** KV-cache use as a fraction 0..1. */
    static final String[] KV_CACHE = {"vllm:kv_cache_usage_perc", "vllm:gpu_cache_usage_perc", "sglang:token_usage",
            "llamacpp:kv_cache_usage_ratio"};
    static final String[] RUNNING = {"vllm:num_requests_running", "sglang:num_running_reqs", "llamacpp:requests_processing",
            "tgi_batch_current_size"};
    static final String[] WAITING = {"vllm:num_requests_waiting", "sglang:num_queue_reqs", "llamacpp:requests_deferred",
            "tgi_queue_size"};

    private PrometheusText() {}

    /** One scrape's gauges: family name → value (summed over label sets; max for the cache families). */
    static Map<String, Double> parse(String text) {
        Map<String, Double> out = new HashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.charAt(0) == '#') continue;
            int brace = l.indexOf('{');
            int space = brace >= 0 ? l.indexOf(' ', l.lastIndexOf('}')) : l.indexOf(' ');
            if (space < 0) continue;
            String name = brace >= 0 && brace < space ? l.substring(0, brace) : l.substring(0, space);
            String[] rest = l.substring(space + 1).strip().split("\\s+");
            double v;
            try {
                v = Double.parseDouble(rest[0]);
            } catch (NumberFormatException e) {
                continue;
            }
            if (Double.isNaN(v)) continue;
            boolean cache = java.util.Arrays.asList(KV_CACHE).contains(name);
            out.merge(name, v, cache ? Math::max : Double::sum);
        }
        return out;
    }

    /** The first of {@code names} present in {@code m}, or null. */
    static String first(Map<String, Double> m, String[] names) {
        for (String n : names) if (m.containsKey(n)) return n;
        return null;
    }
}
