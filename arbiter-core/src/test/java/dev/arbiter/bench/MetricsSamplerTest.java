package dev.arbiter.bench;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EnvLookup;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.client.ModelClients;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsSamplerTest {
    private static final String VLLM = """
            # HELP vllm:num_requests_running Number of requests in model execution batches.
            # TYPE vllm:num_requests_running gauge
            vllm:num_requests_running{engine="0",model_name="m"} 3.0
            vllm:num_requests_running{engine="1",model_name="m"} 2.0
            vllm:num_requests_waiting{engine="0",model_name="m"} 1.0
            vllm:kv_cache_usage_perc{engine="0",model_name="m"} 0.25
            vllm:kv_cache_usage_perc{engine="1",model_name="m"} 0.5
            vllm:prompt_tokens_total{model_name="m"} 1.2e+06
            """;

    @Test
    void readsRunningWaitingAndKvCacheAcrossLabelSets() {
        Map<String, Double> m = PrometheusText.parse(VLLM);
        assertThat(m).containsEntry("vllm:num_requests_running", 5.0).containsEntry("vllm:num_requests_waiting", 1.0)
                .containsEntry("vllm:kv_cache_usage_perc", 0.5).containsEntry("vllm:prompt_tokens_total", 1.2e6);
        ServerMetrics s = MetricsSampler.summarise(List.of(m, Map.of("vllm:num_requests_running", 1.0,
                "vllm:kv_cache_usage_perc", 0.1, "vllm:num_requests_waiting", 3.0)));
        assertThat(s.samples()).isEqualTo(2);
        assertThat(s.runningMax()).isEqualTo(5.0);
        assertThat(s.runningMean()).isEqualTo(3.0);
        assertThat(s.waitingMax()).isEqualTo(3.0);
        assertThat(s.kvCacheUsageMax()).isEqualTo(0.5);
        assertThat(s.kvCacheUsageMean()).isEqualTo(0.3);
        assertThat(MetricsSampler.summarise(List.of())).isNull();
    }

    @Test
    void aServerWithMetricsIsSampledDuringALevelAndOneWithoutIsNot() throws Exception {
        try (DelayStubServer with = new DelayStubServer(1, 1, 1, DelayStubServer.Mode.NORMAL, VLLM);
             DelayStubServer without = DelayStubServer.start(1, 1)) {
            var http = ModelClients.transport(Endpoint.of(with.uri(), ApiFlavor.openai, "m"), Ticker.system(), EnvLookup.system(), ErrorMapper.system());
            assertThat(MetricsSampler.available(http, with.uri())).isTrue();
            assertThat(MetricsSampler.available(http, without.uri())).isFalse();
            MetricsSampler s = MetricsSampler.start(http, with.uri());
            Thread.sleep(300);
            s.stop();
            ServerMetrics m = s.result();
            assertThat(m.samples()).isGreaterThanOrEqualTo(1);
            assertThat(m.kvCacheUsageMax()).isEqualTo(0.5);
            assertThat(m.source()).contains("vllm:kv_cache_usage_perc");
        }
    }
}
