package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.bench.DelayStubServer;
import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.cost.BenchThroughput;
import dev.arbiter.cost.CostCalculator;
import dev.arbiter.cost.CostOptions;
import dev.arbiter.cost.CostRequest;
import dev.arbiter.cost.PriceBook;
import dev.arbiter.cost.Pricing;
import dev.arbiter.cost.Workload;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.evidence.EvidenceStore;
import dev.arbiter.fit.HardwareCatalog;
import dev.arbiter.recommend.CalculatedCost;
import dev.arbiter.recommend.CostFigure;
import dev.arbiter.recommend.FitOutcome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** recommend and compare show cost per 1M output tokens; the budget is a hard constraint; --optimise cost; measured beats estimated. */
class CostInDecisionTest extends PricedCliTest {
    @Test
    void recommendShowsCostPerMillionOutputTokensBesideTheScore() {
        CliRun r = CliRun.of("recommend", "--hardware", "h100-80gb", "--use-case", "chatbot", "--top", "3", "--store", store());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("1M out tokens").contains(" USD ");
        CliRun j = CliRun.of("recommend", "--hardware", "h100-80gb", "--use-case", "chatbot", "--top", "3", "--store", store(), "--format", "json");
        JsonNode first = j.json().path("recommendations").get(0);
        assertThat(first.path("cost").path("per_million_output").asDouble()).isPositive();
        assertThat(first.path("cost").path("currency").asText()).isEqualTo("USD");
        assertThat(first.path("cost").path("source").asText()).isEqualTo("estimated");
        assertThat(j.json().path("method").toString()).contains("Cost per 1M output tokens").contains("Lambda");
    }

    @Test
    void aMonthlyBudgetBelowTheHardwaresOwnCostExcludesEveryModelWithItsCost() {
        // one H100 at 3.99 USD an hour is 2,912.70 USD a month always on
        CliRun r = CliRun.of("recommend", "--hardware", "h100-80gb", "--use-case", "chatbot", "--budget-per-month", "2500",
                "--store", store(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().path("recommendations")).isEmpty();
        JsonNode budget = null;
        for (JsonNode e : r.json().path("excluded")) if (e.path("constraint").asText().equals("budget")) budget = e;
        assertThat(budget).isNotNull();
        assertThat(budget.path("reason").asText()).contains("2,913 USD a month").contains("--budget-per-month 2,500");
    }

    @Test
    void aBudgetWithAVolumeKeepsTheModelsThatServeItWithOneGpu() {
        CliRun r = CliRun.of("recommend", "--hardware", "h100-80gb", "--use-case", "chatbot", "--tokens-per-month", "3B",
                "--budget-per-month", "3000", "--store", store(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().path("recommendations")).isNotEmpty();
        for (JsonNode x : r.json().path("recommendations")) assertThat(x.path("cost").path("per_month").asDouble()).isLessThanOrEqualTo(3000);
        assertThat(r.json().path("excluded").toString()).contains("\"budget\"").contains("deployments always on");
    }

    @Test
    void optimisingCostScoresEfficiencyOnCostAndSaysSo() {
        CliRun r = CliRun.of("recommend", "--hardware", "h100-80gb", "--use-case", "chatbot", "--optimise", "cost", "--store", store(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().path("method").toString()).contains("--optimise cost: Efficiency = cost per 1M output tokens");
        assertThat(r.json().path("recommendations").get(0).path("axes").path("efficiency").path("note").asText()).contains("per 1M output tokens");
        CliRun bad = CliRun.of("recommend", "--hardware", "h100-80gb", "--use-case", "chatbot", "--optimise", "price", "--store", store());
        assertThat(bad.exit()).isEqualTo(2);
        CliRun unpriced = CliRun.of("recommend", "--hardware", "m4-max-128gb", "--use-case", "chatbot", "--optimise", "cost", "--store", store());
        assertThat(unpriced.exit()).isEqualTo(2);
        assertThat(unpriced.err()).contains("--price-per-hour");
    }

    @Test
    void compareShowsTheCostColumnWhenGivenHardware() {
        CliRun t = CliRun.of("compare", "qwen2.5-7b", "qwen2.5-72b", "--hardware", "h100-80gb", "--store", store());
        assertThat(t.exit()).as(t.err()).isZero();
        // qwen2.5-72b: FP8 no longer fits one H100 (71.8 GiB > 0.9 × the 79.10 GiB CUDA reports), so INT4
        assertThat(t.out()).contains("COST/1M OUT").contains("USD (BF16)").contains("USD (INT4)").contains("on 1 × h100-80gb");
        CliRun j = CliRun.of("compare", "qwen2.5-7b", "--hardware", "h100-80gb", "--price-per-hour", "2", "--store", store(), "--format", "json");
        assertThat(j.json().path("costs").path("qwen2.5-7b").path("per_million_output").asDouble()).isPositive();
        CliRun csv = CliRun.of("compare", "qwen2.5-7b", "--hardware", "h100-80gb", "--store", store(), "--format", "csv");
        assertThat(csv.out().lines().findFirst().orElseThrow()).endsWith("cost_per_million_output,cost_currency,cost_quant,cost_source,cost_run");
        CliRun plain = CliRun.of("compare", "qwen2.5-7b", "--store", store());
        assertThat(plain.out()).doesNotContain("COST/1M OUT");
    }

    @Test
    void recommendsCostProbeUsesAStoredBenchRunAtItsConcurrency() throws Exception {
        String id;
        try (DelayStubServer s = DelayStubServer.start(1, 2)) {
            CliRun bench = benchQwen7bInt4(s, "2", "4");
            assertThat(bench.exit()).as(bench.err()).isZero();
            id = bench.json().path("run_id").asText();
        }
        // what RecommendCommand builds: the price list, the bench runs' evidence, the workload and concurrency
        var model = new CatalogLoader().bundled().get("qwen2.5-7b");
        var hw = HardwareCatalog.bundled().get("rtx-4090");
        var rate = new Pricing(PriceBook.bundled(), PriceMixin.clock).rate("rtx-4090", CostOptions.defaults());
        FitOutcome int4 = new FitOutcome(true, "INT4", 1, 1, 100.0, "INT4 on vllm", "vllm", 1);
        try (RunStore runs = RunStore.open(dir.resolve("a.db"))) {
            var measured = new BenchThroughput(new EvidenceStore(runs));
            CostFigure atTwo = new CalculatedCost(new CostCalculator(measured), new CostRequest(hw, 1, new Workload(7, 6), 2, null, null, null), rate)
                    .cost(model, int4).orElseThrow();
            assertThat(atTwo.source()).isEqualTo("measured");  // the stand-in server's 7 prompt + 6 output tokens
            assertThat(atTwo.runId()).isEqualTo(id);
            CostFigure longer = new CalculatedCost(new CostCalculator(measured), new CostRequest(hw, 1, Workload.DEFAULT, 2, null, null, null), rate)
                    .cost(model, int4).orElseThrow();
            assertThat(longer.source()).isEqualTo("estimated");  // recommend's 1,024 + 256 tokens: not what the run measured
            CostFigure atEight = new CalculatedCost(new CostCalculator(measured), new CostRequest(hw, 1, new Workload(7, 6), 8, null, null, null), rate)
                    .cost(model, int4).orElseThrow();
            assertThat(atEight.source()).isEqualTo("estimated");
            assertThat(atEight.runId()).isNull();
        }
        // and through the command: recommend --concurrency 2 reads the same store and prices its own workload (1,024 + 256
        // tokens), which the run did not measure: no recommendation's cost cites it
        CliRun rec = CliRun.of("recommend", "--hardware", "rtx-4090", "--use-case", "chatbot", "--concurrency", "2", "--top", "40",
                "--store", store(), "--format", "json");
        assertThat(rec.exit()).as(rec.err()).isZero();
        assertThat(rec.json().path("recommendations").size()).isPositive();
        for (JsonNode x : rec.json().path("recommendations")) {
            assertThat(x.path("cost").path("run_id").asText("")).as(x.path("model").asText()).isNotEqualTo(id);
        }
    }
}
