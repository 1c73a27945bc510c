package dev.arbiter.cli;

import dev.arbiter.compare.Comparison;
import dev.arbiter.compare.ComparisonRenderer;
import dev.arbiter.compare.MeasuredRuns;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.profile.Profiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "compare", addMethodSubcommands = false, header = "The comparison table and six-axis radar: vendor figures, the article's claims, your runs.", mixinStandardHelpOptions = true,
        description = {"The comparison table (params, MMLU, HumanEval, MT-Bench, MATH, context, licence) with sources,",
                "the 2026 article's claims beside the vendors' figures, and a six-axis radar (HTML)."},
        footer = {"", "Examples:",
                "  ./arbiter compare llama-4-scout gemma-3-27b qwen2.5-72b deepseek-v3",
                "  ./arbiter compare llama-4-scout llama-4-maverick mistral-large-2 --format markdown",
                "  ./arbiter compare gemma-3-27b qwen2.5-72b --format html --out comparison.html",
                "  ./arbiter compare qwen2.5-7b gemma-3-12b --format csv > table.csv",
                "  ./arbiter compare qwen2.5-7b --measured qwen2.5-7b=RUN_ID     (your mmlu/humaneval/mt_bench/math run beside the card)",
                "  ./arbiter compare llama-4-scout qwen2.5-72b --hardware h100-80gb --gpus 2   (cost per 1M output tokens beside the figures)"})
final class CompareCommand implements Callable<Integer> {
    @Mixin CompareFormat fmt;
    @Mixin CatalogMixin catalog;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ID", description = "Model ids (see ./arbiter models).")
    List<String> ids;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the output to FILE instead of stdout.")
    Path out;

    @Option(names = "--measured", paramLabel = "MODEL=RUN_ID",
            description = "Show your own stored run beside the published figures (mmlu, humaneval, mt_bench, math, gsm8k, mmlu_pro, mmlu_redux, gpqa, ifeval, chartqa, docvqa, mmmu or aime on the 2024 problems). Repeatable.")
    Map<String, String> measured = new java.util.LinkedHashMap<>();

    @Mixin StoreMixin store;
    @Mixin HardwareMixin hardware;
    @Mixin PriceMixin price;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "32", converter = Positive.Int.class,
            description = "With --hardware: requests in flight the cost is computed at (default: ${DEFAULT-VALUE}).")
    int concurrency;

    /** Cost per 1M output tokens of each model on the named hardware, measured throughput (bench runs) first. */
    private Map<String, dev.arbiter.compare.CostCell> costs(dev.arbiter.catalog.Catalog cat, dev.arbiter.fit.Hardware hw) {
        var rate = price.pricing().rate(hw.id(), price.options());
        var req = new dev.arbiter.cost.CostRequest(hw, hardware.gpus(), dev.arbiter.cost.Workload.DEFAULT, concurrency, null, null, price.currency());
        List<dev.arbiter.catalog.Model> models = new java.util.LinkedHashSet<>(ids).stream().map(cat::get).toList();
        try (var runs = Files.isRegularFile(store.file()) ? store.open() : null) {
            var measured = runs == null ? dev.arbiter.cost.ThroughputSource.NONE
                    : new dev.arbiter.cost.BenchThroughput(new dev.arbiter.evidence.EvidenceStore(runs));
            return dev.arbiter.compare.ComparisonCosts.of(models, new dev.arbiter.cost.CostCalculator(measured), req, rate);
        }
    }

    @Override
    public Integer call() {
        dev.arbiter.catalog.Catalog cat = catalog.load();
        Map<String, Map<String, Comparison.Measured>> mine = Map.of();
        if (!measured.isEmpty()) {
            for (String model : measured.keySet()) {
                if (!ids.contains(model)) throw new dev.arbiter.error.InvalidInputException("--measured " + model + "=…: " + model + " is not among the models compared");
            }
            try (var runs = store.openExisting()) {
                mine = MeasuredRuns.read(new dev.arbiter.eval.engine.RunReader(runs), measured, cat);
            }
        }
        Comparison c = Comparison.of(cat, ids, Profiler.bundled(), mine);
        dev.arbiter.fit.Hardware hw = hardware.resolve();
        if (hw != null) c = c.withCosts(costs(cat, hw));
        String body = switch (fmt.format()) {
            case json -> JsonOut.envelope("comparison", c).toPrettyString();
            case markdown -> ComparisonRenderer.markdown(c);
            case csv -> ComparisonRenderer.csv(c);
            case html -> ComparisonRenderer.html(c);
            case text -> ComparisonRenderer.text(c);
        };
        PrintWriter err = spec.commandLine().getErr();
        if (out != null) {
            try {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                Files.writeString(out, body, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UnavailableException("cannot write " + out + ": " + e.getMessage(), e);
            }
            err.println("wrote " + out + " (" + fmt.format() + ")");
        } else {
            PrintWriter o = spec.commandLine().getOut();
            o.print(body);
            if (!body.endsWith("\n")) o.println();
            o.flush();
        }
        return ExitCode.OK;
    }
}
