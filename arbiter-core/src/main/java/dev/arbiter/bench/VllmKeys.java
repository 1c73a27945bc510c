package dev.arbiter.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A level in the key names of vLLM's {@code bench serve --save-result} JSON, for dashboards built on it: {@code
 * mean_/median_/std_/p90_/p95_/p99_} × {@code ttft/tpot/itl/e2el} {@code _ms}, throughputs, counts. Arbiter's names
 * and the other tools' map as: TTFT = TTFT everywhere; vLLM TPOT = GenAI-Perf/AIPerf "ITL" = GuideLLM
 * "inter_token_latency"; vLLM ITL (per-chunk gaps) = AIPerf "ICL"; vLLM E2EL = GenAI-Perf "request_latency".
 */
public final class VllmKeys {
    private VllmKeys() {}

    public static Map<String, Object> of(LevelResult l, BenchRecord run, int numPrompts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", run.startedAt() == null ? null : run.startedAt().toString());
        m.put("backend", "openai".equals(run.api()) ? "openai-chat" : run.api());
        m.put("model_id", run.servedModel());
        m.put("num_prompts", numPrompts);
        m.put("request_rate", l.rate() == null ? "inf" : l.rate().isInfinite() ? "inf" : l.rate());
        m.put("burstiness", 1.0);
        m.put("max_concurrency", l.concurrency());
        m.put("duration", l.durationS());
        m.put("completed", l.completed());
        m.put("failed", l.failed());
        m.put("total_input_tokens", l.inputTokens());
        m.put("total_output_tokens", l.outputTokens());
        m.put("request_throughput", l.requestThroughput());
        if (l.goodput() != null) m.put("request_goodput", l.goodput().requestGoodput());
        m.put("output_throughput", l.outputTokenThroughput());
        m.put("total_token_throughput", l.totalTokenThroughput());
        put(m, "ttft", l.ttftMs());
        put(m, "tpot", l.tpotMs());
        put(m, "itl", l.itlMs());
        put(m, "e2el", l.e2eMs());
        return m;
    }

    private static void put(Map<String, Object> m, String name, Distribution d) {
        m.put("mean_" + name + "_ms", d.mean());
        m.put("median_" + name + "_ms", d.p50());
        m.put("std_" + name + "_ms", d.std());
        m.put("p90_" + name + "_ms", d.p90());
        m.put("p95_" + name + "_ms", d.p95());
        m.put("p99_" + name + "_ms", d.p99());
    }
}
