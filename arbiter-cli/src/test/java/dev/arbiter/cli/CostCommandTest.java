package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.bench.DelayStubServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CostCommandTest extends PricedCliTest {
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
    void withoutQuantTheOutputSaysWhichQuantisationWasPricedAndWhy() throws Exception {
        // Qwen2.5-32B on one H100 at 32 in flight: BF16 fits but holds 28, so FP8 is priced and the text says why.
        CliRun r = CliRun.of("cost", "qwen2.5-32b", "--hardware", "h100-80gb", "--store", store());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("quant FP8: the most precise quantisation whose largest batch").contains("holds the 32 requests priced")
                .contains("BF16 fits but holds 28");
        CliRun j = CliRun.of("cost", "qwen2.5-32b", "--hardware", "h100-80gb", "--store", store(), "--format", "json");
        assertThat(j.json().path("models").get(0).path("quant_choice").asText()).startsWith("FP8: ");
        CliRun given = CliRun.of("cost", "qwen2.5-32b", "--hardware", "h100-80gb", "--quant", "BF16", "--store", store(), "--format", "json");
        assertThat(given.json().path("models").get(0).has("quant_choice")).isFalse();
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
    void aUsersPriceFileReplacesTheListAndABadOneNamesItsLineAndField() throws Exception {
        Path mine = dir.resolve("prices.yaml");
        Files.writeString(mine, """
                prices:
                  - hardware: h100-80gb
                    rent:
                      node_usd_per_hour: 16
                      gpus_per_node: 8
                      provider: Our contract
                      offer: 8x H100 reserved
                      read: 2026-12-01
                      source: https://intranet.example.com/contract
                """);
        CliRun r = CliRun.of("cost", "qwen2.5-7b", "--hardware", "h100-80gb", "--prices", mine.toString(), "--store", store(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().path("price").path("per_gpu_hour").asDouble()).isEqualTo(2.0);
        assertThat(r.json().path("price").path("age_days").asInt()).isEqualTo(6);
        Files.writeString(mine, "prices:\n  - hardware: h100-80gb\n    rent:\n      node_usd_per_hour: -1\n");
        CliRun bad = CliRun.of("cost", "qwen2.5-7b", "--hardware", "h100-80gb", "--prices", mine.toString(), "--store", store());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("prices.yaml line 2").contains("field 'rent'").contains("node_usd_per_hour must be > 0");
    }

    @Test
    void anOwnedWorkstationCardIsPricedFromItsPurchaseAndPowerInTheChosenCurrency() {
        CliRun r = CliRun.of("cost", "qwen2.5-7b", "--hardware", "rtx-4090", "--quant", "Q4_K_M", "--ownership", "own", "--energy-price", "0.25",
                "--currency", "EUR", "--rate", "0.9", "--store", store(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        // 1,599 USD = 1,439.10 EUR over 3 × 8,760 h, plus 0.45 kW × 0.25 EUR
        assertThat(r.json().path("price").path("per_gpu_hour").asDouble()).isCloseTo(1599 * 0.9 / 26280 + 0.45 * 0.25, within(1e-9));
        assertThat(r.json().path("price").path("ownership").asText()).isEqualTo("own");
        assertThat(r.json().path("models").get(0).path("runtime").asText()).isEqualTo("llama.cpp");
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
            CliRun bench = benchQwen7bInt4(s, "1,4", "8");
            assertThat(bench.exit()).as(bench.err()).isZero();
            String id = bench.json().path("run_id").asText();
            double atFour = bench.json().path("levels").get(1).path("output_token_throughput").asDouble();

            // the stand-in server counts 7 prompt tokens and sends the 6 asked for: the run prices that workload
            CliRun measured = CliRun.of("cost", "qwen2.5-7b", "--quant", "INT4", "--hardware", "rtx-4090", "--concurrency", "4",
                    "--input-tokens", "7", "--output-tokens", "6", "--store", store(), "--format", "json");
            assertThat(measured.exit()).as(measured.err()).isZero();
            JsonNode m = measured.json().path("models").get(0);
            assertThat(m.path("throughput_source").asText()).isEqualTo("measured");
            assertThat(m.path("measured").path("run_id").asText()).isEqualTo(id);
            assertThat(m.path("output_tokens_per_s").asDouble()).isEqualTo(atFour);
            assertThat(m.path("per_million_output_all_in").asDouble()).isCloseTo(0.756 / (atFour * 3600) * 1e6, within(1e-9));

            CliRun text = CliRun.of("cost", "qwen2.5-7b", "--quant", "INT4", "--hardware", "rtx-4090", "--concurrency", "4",
                    "--input-tokens", "7", "--output-tokens", "6", "--store", store());
            assertThat(text.out()).contains("measured: bench run " + id + " (").contains("at concurrency 4 on 7 prompt + 6 output tokens per request")
                    .contains("in 1M out");

            // the default workload (1,024 + 256) is not what the run measured: the estimate stands, and the basis says why
            CliRun longer = CliRun.of("cost", "qwen2.5-7b", "--quant", "INT4", "--hardware", "rtx-4090", "--concurrency", "4",
                    "--store", store(), "--format", "json");
            assertThat(longer.exit()).as(longer.err()).isZero();
            JsonNode l = longer.json().path("models").get(0);
            assertThat(l.path("throughput_source").asText()).isEqualTo("estimated");
            assertThat(l.path("basis").toString()).contains("bench run " + id + " at concurrency 4 measured 7 prompt + 6 output tokens per request, "
                    + "not this workload's 1,024 + 256");

            // another concurrency, quantisation or hardware was not measured: the estimate stands
            for (String[] other : new String[][]{{"--concurrency", "8", "--quant", "INT4", "--hardware", "rtx-4090"},
                    {"--concurrency", "4", "--quant", "Q4_K_M", "--hardware", "rtx-4090"},
                    {"--concurrency", "4", "--quant", "INT4", "--hardware", "rtx-3090"}}) {
                String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("cost", "qwen2.5-7b", "--store", store(), "--format", "json",
                                "--input-tokens", "7", "--output-tokens", "6"),
                        java.util.Arrays.stream(other)).toArray(String[]::new);
                CliRun e = CliRun.of(args);
                assertThat(e.exit()).as(e.err()).isZero();
                assertThat(e.json().path("models").get(0).path("throughput_source").asText()).as(String.join(" ", other)).isEqualTo("estimated");
            }
        }
        assertThat(Files.exists(dir.resolve("a.db"))).isTrue();
    }
}
