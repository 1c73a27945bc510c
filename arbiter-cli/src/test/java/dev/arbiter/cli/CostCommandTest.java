package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.bench.DelayStubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CostCommandTest {
    @TempDir Path dir;

    @BeforeEach
    void fixTheClock() {
        PriceMixin.clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    }

    @AfterEach
    void restoreTheClock() {
        PriceMixin.clock = Clock.systemUTC();
    }

    private String store() {
        return dir.resolve("a.db").toString();
    }

    @Test
    void textShowsThePriceWithItsAgeTheCostsAndTheBatchTable() {
        CliRun r = CliRun.of("cost", "qwen2.5-7b", "--hardware", "h100-80gb", "--store", store());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Cost on 1 × h100-80gb, rent at 3.99 USD per GPU-hour (price read 2026-09-20, 78 days ago)")
                .contains("qwen2.5-7b").contains("BF16").contains("vllm").contains("estimated")
                .contains("batch → tokens/s:  1 → ").contains(" 8 → ").contains(" 32 → ").contains(" 64 → ")
                .contains("price: rent: Lambda");
    }

    @Test
    void jsonCarriesSchemaVersionThePriceAgeAndTheArithmetic() {
        CliRun r = CliRun.of("cost", "qwen2.5-7b", "--hardware", "h100-80gb", "--gpus", "2", "--price-per-hour", "2",
                "--tokens-per-month", "1B", "--target-tokens-per-second", "20000", "--store", store(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.path("schema_version").asInt()).isEqualTo(1);
        assertThat(j.path("kind").asText()).isEqualTo("cost");
        assertThat(j.path("price").path("per_gpu_hour").asDouble()).isEqualTo(2.0);
        assertThat(j.path("price").has("age_days")).isFalse();  // given, not read from the list
        JsonNode m = j.path("models").get(0);
        double tps = m.path("output_tokens_per_s").asDouble();
        assertThat(m.path("deployment_per_hour").asDouble()).isEqualTo(4.0);
        assertThat(m.path("per_month").asDouble()).isCloseTo(2920, within(1e-9));
        assertThat(m.path("per_million_output_all_in").asDouble()).isCloseTo(4 / (tps * 3600) * 1e6, within(1e-9));
        long deployments = (long) Math.ceil(20000 / tps);
        assertThat(m.path("target").path("deployments").asLong()).isEqualTo(deployments);
        assertThat(m.path("target").path("gpus").asLong()).isEqualTo(2 * deployments);
        assertThat(m.path("volume").path("output_tokens_per_month").asLong()).isEqualTo(1_000_000_000L);
        assertThat(m.path("throughput").path("points").get(0).path("batch").asInt()).isEqualTo(1);
        assertThat(m.path("throughput").path("max_batch").asInt()).isPositive();
        assertThat(m.path("basis").toString()).contains("batched decode: step(B)");
    }

    @Test
    void aCurrencyWithoutARateIsAnInputError() {
        CliRun r = CliRun.of("cost", "qwen2.5-7b", "--hardware", "h100-80gb", "--currency", "EUR", "--store", store());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--rate");
    }

    @Test
    void hardwareWithoutAPriceAsksForOne() {
        CliRun r = CliRun.of("cost", "qwen2.5-7b", "--hardware", "m4-max-128gb", "--store", store());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--price-per-hour");
    }

    @Test
    void aStoredBenchRunAtTheChosenConcurrencyReplacesTheEstimateAndIsNamed() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(1, 2)) {
            CliRun bench = CliRun.of("bench", "--endpoint", s.uri().toString(), "--model", "Qwen/Qwen2.5-7B-Instruct", "--store", store(),
                    "--out", dir.resolve("out").toString(), "--input-tokens", "8", "--output-tokens", "6", "--warmup", "1",
                    "--concurrency", "1,4", "--num-prompts", "8", "--catalog-model", "qwen2.5-7b", "--quant", "INT4",
                    "--hardware", "rtx-4090", "--format", "json");
            assertThat(bench.exit()).as(bench.err()).isZero();
            String id = bench.json().path("run_id").asText();
            double atFour = bench.json().path("levels").get(1).path("output_token_throughput").asDouble();

            CliRun measured = CliRun.of("cost", "qwen2.5-7b", "--quant", "INT4", "--hardware", "rtx-4090", "--concurrency", "4",
                    "--store", store(), "--format", "json");
            assertThat(measured.exit()).as(measured.err()).isZero();
            JsonNode m = measured.json().path("models").get(0);
            assertThat(m.path("throughput_source").asText()).isEqualTo("measured");
            assertThat(m.path("measured").path("run_id").asText()).isEqualTo(id);
            assertThat(m.path("output_tokens_per_s").asDouble()).isEqualTo(atFour);
            assertThat(m.path("per_million_output_all_in").asDouble()).isCloseTo(0.756 / (atFour * 3600) * 1e6, within(1e-9));

            CliRun text = CliRun.of("cost", "qwen2.5-7b", "--quant", "INT4", "--hardware", "rtx-4090", "--concurrency", "4", "--store", store());
            assertThat(text.out()).contains("measured: bench run " + id);

            // another concurrency, quantisation or hardware was not measured: the estimate stands
            for (String[] other : new String[][]{{"--concurrency", "8", "--quant", "INT4", "--hardware", "rtx-4090"},
                    {"--concurrency", "4", "--quant", "Q4_K_M", "--hardware", "rtx-4090"},
                    {"--concurrency", "4", "--quant", "INT4", "--hardware", "rtx-3090"}}) {
                String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("cost", "qwen2.5-7b", "--store", store(), "--format", "json"),
                        java.util.Arrays.stream(other)).toArray(String[]::new);
                CliRun e = CliRun.of(args);
                assertThat(e.exit()).as(e.err()).isZero();
                assertThat(e.json().path("models").get(0).path("throughput_source").asText()).as(String.join(" ", other)).isEqualTo("estimated");
            }
        }
        assertThat(Files.exists(dir.resolve("a.db"))).isTrue();
    }
}
