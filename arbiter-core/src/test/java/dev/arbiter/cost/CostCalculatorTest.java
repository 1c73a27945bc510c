package dev.arbiter.cost;

import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.catalog.Model;
import dev.arbiter.fit.HardwareCatalog;
import dev.arbiter.fit.Quant;
import dev.arbiter.fit.Runtime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CostCalculatorTest {
    private static final Model QWEN_7B = new CatalogLoader().bundled().get("qwen2.5-7b");
    private static final Pricing PRICING = new Pricing(PriceBook.bundled(), PricingTest.DEC_7);
    private static final CostOptions TWO_DOLLARS = new CostOptions(null, 2.0, null, null, null, null, Currency.USD);

    private static CostRequest request(Long perMonth, Double target, Currency cur) {
        return new CostRequest(HardwareCatalog.bundled().get("h100-80gb"), 2, new Workload(1000, 250), 32, perMonth, target, cur);
    }

    @Test
    void aMeasuredThousandTokensPerSecondOnTwoGpusAtTwoDollarsCostsWhatTheArithmeticSays() {
        ThroughputSource run = (model, quant, hw, gpus, c) -> model.equals("qwen2.5-7b") && quant.equals("BF16") && hw.equals("h100-80gb")
                && gpus == 2 && c == 32 ? List.of(new MeasuredThroughput("run-1", Instant.parse("2026-12-01T00:00:00Z"), 32, 1000, 1010.0, 240.0)) : List.of();
        ModelCost c = new CostCalculator(run).cost(QWEN_7B, Quant.BF16, Runtime.VLLM, request(5_000_000_000L, 2500.0, Currency.USD),
                PRICING.rate("h100-80gb", TWO_DOLLARS));
        // 2 GPUs × 2 USD = 4 USD an hour; 1,000 tok/s = 3.6M tokens an hour → 4 / 3.6 = 1.1111 USD per 1M output tokens
        assertThat(c.throughputSource()).isEqualTo("measured");
        assertThat(c.measured().runId()).isEqualTo("run-1");
        assertThat(c.deploymentPerHour()).isEqualTo(4.0);
        assertThat(c.perMillionOutputAllIn()).isCloseTo(4 / 3.6, within(1e-12));
        assertThat(c.perMillionOutput()).isCloseTo(4 / 3.6, within(1e-12));
        assertThat(c.perMillionInput()).isNull();  // inside the measured figure
        assertThat(c.perMonth()).isCloseTo(4 * 730, within(1e-9));
        // 5e9 tokens a month / (1,000 × 3,600 × 730 = 2.628e9 per deployment) → 2 deployments = 4 GPUs, 5,840 USD always on
        assertThat(c.volume().deployments()).isEqualTo(2);
        assertThat(c.volume().gpus()).isEqualTo(4);
        assertThat(c.volume().alwaysOn()).isCloseTo(5840, within(1e-9));
        assertThat(c.volume().packed()).isCloseTo(5000 * 4 / 3.6, within(1e-9));
        // 2,500 tokens/s / 1,000 → 3 deployments = 6 GPUs, 8,760 USD a month
        assertThat(c.target().deployments()).isEqualTo(3);
        assertThat(c.target().gpus()).isEqualTo(6);
        assertThat(c.target().perMonth()).isCloseTo(8760, within(1e-9));
        assertThat(c.basis()).anyMatch(b -> b.contains("measured by bench run run-1"));
    }

    @Test
    void aBenchRunOfAnotherWorkloadDoesNotPriceThisOneAndTheBasisSaysWhy() {
        // the request's workload is 1,000 prompt + 250 output tokens; this run measured 24 + 16 (a stand-in server)
        ThroughputSource run = (model, quant, hw, gpus, c) -> List.of(new MeasuredThroughput("short", Instant.EPOCH, c, 12_355, 24.0, 16.0));
        CostRequest req = request(null, null, Currency.USD);
        ModelCost c = new CostCalculator(run).cost(QWEN_7B, Quant.BF16, Runtime.VLLM, req, PRICING.rate("h100-80gb", TWO_DOLLARS));
        ModelCost estimated = new CostCalculator(ThroughputSource.NONE).cost(QWEN_7B, Quant.BF16, Runtime.VLLM, req, PRICING.rate("h100-80gb", TWO_DOLLARS));
        assertThat(c.throughputSource()).isEqualTo("estimated");
        assertThat(c.measured()).isNull();
        assertThat(c.outputTokensPerS()).isEqualTo(estimated.outputTokensPerS());
        assertThat(c.perMillionOutputAllIn()).isEqualTo(estimated.perMillionOutputAllIn());
        assertThat(c.basis()).anyMatch(b -> b.contains("bench run short at concurrency 32 measured 24 prompt + 16 output tokens per request, "
                + "not this workload's 1,000 + 250") && b.contains("not used"));
    }

    @Test
    void anOlderRunOfThisWorkloadIsUsedOverANewerOneOfAnother() {
        ThroughputSource runs = (model, quant, hw, gpus, c) -> List.of(
                new MeasuredThroughput("newer-long", Instant.parse("2026-12-02T00:00:00Z"), c, 500, 8000.0, 2000.0),
                new MeasuredThroughput("no-counts", Instant.parse("2026-12-01T12:00:00Z"), c, 700, null, null),
                new MeasuredThroughput("older-like", Instant.parse("2026-12-01T00:00:00Z"), c, 1000, 1200.0, 210.0));
        ModelCost c = new CostCalculator(runs).cost(QWEN_7B, Quant.BF16, Runtime.VLLM, request(null, null, Currency.USD),
                PRICING.rate("h100-80gb", TWO_DOLLARS));
        assertThat(c.measured().runId()).isEqualTo("older-like");  // 1,200 and 210 are within 25% of 1,000 and 250
        assertThat(c.outputTokensPerS()).isEqualTo(1000);
        assertThat(c.basis()).anyMatch(b -> b.contains("measured by bench run older-like") && b.contains("on 1,200 prompt + 210 output tokens per request"));
    }

    @Test
    void aRunMatchesAWorkloadWithinAQuarterOrSixteenTokens() {
        Workload w = new Workload(1000, 250);
        assertThat(new MeasuredThroughput("r", Instant.EPOCH, 1, 1, 1250.0, 200.0).matches(w)).isTrue();
        assertThat(new MeasuredThroughput("r", Instant.EPOCH, 1, 1, 1251.0, 250.0).matches(w)).isFalse();
        assertThat(new MeasuredThroughput("r", Instant.EPOCH, 1, 1, 1000.0, 199.0).matches(w)).isFalse();
        assertThat(new MeasuredThroughput("r", Instant.EPOCH, 1, 1, null, 250.0).matches(w)).isFalse();
        // short prompts: a chat template's tokens are not another workload
        assertThat(new MeasuredThroughput("r", Instant.EPOCH, 1, 1, 20.0, 250.0).matches(new Workload(4, 250))).isTrue();
        assertThat(new MeasuredThroughput("r", Instant.EPOCH, 1, 1, 21.0, 250.0).matches(new Workload(4, 250))).isFalse();
    }

    @Test
    void estimatedCostsSplitTheHourBetweenPrefillAndDecodeTime() {
        CostRequest req = request(null, null, Currency.USD);
        ModelCost c = new CostCalculator(ThroughputSource.NONE).cost(QWEN_7B, Quant.BF16, Runtime.VLLM, req, PRICING.rate("h100-80gb", TWO_DOLLARS));
        BatchedThroughput m = BatchedThroughput.of(CostCalculator.request(QWEN_7B, Quant.BF16, Runtime.VLLM, req), req.workload()).model();
        assertThat(c.throughputSource()).isEqualTo("estimated");
        // per 1M output = 4 USD/h × (step(32)/32 ms) / 3.6; per 1M input = 4 USD/h × prefill ms / 3.6
        assertThat(c.perMillionOutput()).isCloseTo(4 * m.stepMs(32) / 32 / 3.6, within(1e-12));
        assertThat(c.perMillionInput()).isCloseTo(4 * m.prefillMsPerToken() / 3.6, within(1e-12));
        // a request's share of the hour is its prompt and its answer: all-in per output token is both over the answer
        double perRequestUsd = 1000 * c.perMillionInput() / 1e6 + 250 * c.perMillionOutput() / 1e6;
        assertThat(c.perMillionOutputAllIn()).isCloseTo(perRequestUsd / 250 * 1e6, within(1e-9));
        assertThat(c.outputTokensPerS()).isCloseTo(m.outputTokensPerS(32), within(1e-9));
    }

    @Test
    void everyAmountComesOutInTheChosenCurrency() {
        Currency eur = Currency.of("EUR", 0.9);
        ThroughputSource run = (model, quant, hw, gpus, c) -> List.of(new MeasuredThroughput("r", Instant.EPOCH, c, 1000, 1000.0, 250.0));
        ModelCost c = new CostCalculator(run).cost(QWEN_7B, Quant.BF16, Runtime.VLLM, request(null, null, eur),
                PRICING.rate("h100-80gb", new CostOptions(null, 1.8, null, null, null, null, eur)));
        // 1.8 EUR per GPU-hour is 2 USD; two GPUs: 3.6 EUR an hour; 3.6 EUR / 3.6M tokens = 1 EUR per 1M
        assertThat(c.deploymentPerHour()).isCloseTo(3.6, within(1e-12));
        assertThat(c.perMillionOutputAllIn()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theDefaultQuantisationIsTheMostPreciseThatFitsWhenItHoldsTheConcurrency() {
        CostRequest one = new CostRequest(HardwareCatalog.bundled().get("h100-80gb"), 1, Workload.DEFAULT, 32, null, null, null);
        assertThat(CostCalculator.defaultQuant(QWEN_7B, one)).contains(Quant.BF16);
        Model qwen72 = new CatalogLoader().bundled().get("qwen2.5-72b");
        // 72.7 GB of FP8 (or INT8) weights and the overhead leave no room in 0.9 × 79.10 GiB = 71.19 GiB (they did in 0.9 × 80)
        assertThat(CostCalculator.defaultQuant(qwen72, one)).contains(Quant.INT4);
    }

    @Test
    void aQuantisationThatFitsWithRoomForOneRequestIsNotTheOnePricedAtThirtyTwo() {
        // Qwen2.5-72B on an 80 GiB H100-class device (the figures the h100-80gb profile had before it took CUDA's 79.10):
        // FP8 fits with a largest batch of 1 — priced so, 33 tok/s and 33.61 USD per 1M output tokens for 32 requests
        // "in flight". INT8 is no smaller. INT4 holds the 32 and is the one priced.
        Model qwen72 = new CatalogLoader().bundled().get("qwen2.5-72b");
        CostRequest req = new CostRequest(dev.arbiter.fit.Hardware.custom(80, 3350, 989.5), 1, Workload.DEFAULT, 32, null, null, null);
        assertThat(BatchedThroughput.of(CostCalculator.request(qwen72, Quant.FP8, Runtime.VLLM, req), req.workload()).model().maxBatch())
                .isLessThan(32);
        CostCalculator.QuantChoice c = CostCalculator.chooseQuant(qwen72, req).orElseThrow();
        assertThat(c.quant()).isEqualTo(Quant.INT4);
        assertThat(c.maxBatch()).isGreaterThanOrEqualTo(32);
        assertThat(c.why()).contains("holds the 32 requests priced").contains("FP8 fits but holds").contains("INT8 fits but holds");
    }

    @Test
    void aMorePreciseQuantisationIsPassedOverOnlyWhenItsBatchIsTooSmall() {
        // Qwen2.5-32B on one H100 at 1,024 + 256 tokens: BF16 fits with a largest batch of 28 < 32, FP8 holds 121.
        Model qwen32 = new CatalogLoader().bundled().get("qwen2.5-32b");
        CostRequest at32 = new CostRequest(HardwareCatalog.bundled().get("h100-80gb"), 1, Workload.DEFAULT, 32, null, null, null);
        CostRequest at16 = new CostRequest(HardwareCatalog.bundled().get("h100-80gb"), 1, Workload.DEFAULT, 16, null, null, null);
        assertThat(CostCalculator.chooseQuant(qwen32, at32).orElseThrow().quant()).isEqualTo(Quant.FP8);
        assertThat(CostCalculator.chooseQuant(qwen32, at32).orElseThrow().why()).contains("BF16 fits but holds 28");
        assertThat(CostCalculator.chooseQuant(qwen32, at16).orElseThrow().quant()).isEqualTo(Quant.BF16);
    }

    @Test
    void whenNoQuantisationHoldsTheConcurrencyTheOneWithTheLargestBatchIsPricedAndSaysSo() {
        // Mistral Large 2 (123B) on one H100: only INT4 fits, with room for 21 of the 32.
        Model large = new CatalogLoader().bundled().get("mistral-large-2407");
        CostRequest req = new CostRequest(HardwareCatalog.bundled().get("h100-80gb"), 1, Workload.DEFAULT, 32, null, null, null);
        CostCalculator.QuantChoice c = CostCalculator.chooseQuant(large, req).orElseThrow();
        assertThat(c.quant()).isEqualTo(Quant.INT4);
        assertThat(c.maxBatch()).isLessThan(32);
        assertThat(c.why()).contains("no quantisation holds the 32 requests priced").contains("INT4 holds the most");
    }
}
