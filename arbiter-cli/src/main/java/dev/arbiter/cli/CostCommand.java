package dev.arbiter.cli;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.Model;
import dev.arbiter.cost.BenchThroughput;
import dev.arbiter.cost.CostCalculator;
import dev.arbiter.cost.CostRequest;
import dev.arbiter.cost.HourlyRate;
import dev.arbiter.cost.ModelCost;
import dev.arbiter.cost.Pricing;
import dev.arbiter.cost.ThroughputSource;
import dev.arbiter.cost.Workload;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.evidence.EvidenceStore;
import dev.arbiter.fit.Hardware;
import dev.arbiter.fit.Quant;
import dev.arbiter.fit.Runtime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "cost", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        header = "What serving a model costs: per 1M input and output tokens, per month, and the GPUs a target throughput needs.",
        description = {"Throughput under load (batched decode at --concurrency, prefill included) times the hardware's price per",
                "GPU-hour from a dated, sourced price list. A stored bench run of the model on that hardware at that concurrency",
                "replaces the estimate when its prompt and output lengths were the workload's (each within 25%%); a run of other",
                "lengths is named in the basis, not used. Every figure comes with its basis; prices say how old they are."},
        footer = {"", "Examples:",
                "  ./arbiter cost qwen2.5-72b --hardware h100-80gb --gpus 2",
                "  ./arbiter cost llama-4-scout qwen2.5-72b --hardware h100-80gb --gpus 2 --concurrency 64 --tokens-per-month 2B",
                "  ./arbiter cost qwen2.5-7b --hardware h100-80gb --target-tokens-per-second 5000 --format json",
                "  ./arbiter cost gemma-3-27b --hardware rtx-4090 --quant Q4_K_M --ownership own --energy-price 0.25 --currency EUR --rate 0.92",
                "  ./arbiter cost qwen2.5-32b --hardware l40s --price-per-hour 0.99",
                "",
                "Money: per GPU-hour × GPUs; a month is 730 h always on. Tokens per month and targets count output tokens."})
final class CostCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @Mixin CatalogMixin catalog;
    @Mixin HardwareMixin hardware;
    @Mixin PriceMixin price;
    @Mixin StoreMixin store;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "MODEL", description = "Model ids (see ./arbiter models).")
    List<String> ids;

    @Option(names = "--quant", paramLabel = "Q", description = "Weight quantisation (default: the most precise whose largest batch holds --concurrency: BF16, FP8, INT8, INT4 on GPUs; GGUF elsewhere; else the one with the largest batch).")
    String quant;

    @Option(names = "--runtime", paramLabel = "NAME", description = "vllm, sglang, tgi, llama.cpp or ollama (default: vLLM on GPUs, SGLang for MLA models, llama.cpp for GGUF).")
    String runtime;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "32", converter = Positive.Int.class,
            description = "Requests in flight (default: ${DEFAULT-VALUE}); capped at the largest batch the KV cache holds.")
    int concurrency;

    @Option(names = "--input-tokens", paramLabel = "N", defaultValue = "1024", converter = TokenCount.class, description = "Prompt tokens per request (default: ${DEFAULT-VALUE}).")
    long inputTokens;

    @Option(names = "--output-tokens", paramLabel = "N", defaultValue = "256", converter = TokenCount.class, description = "Output tokens per request (default: ${DEFAULT-VALUE}).")
    long outputTokens;

    @Option(names = "--tokens-per-month", paramLabel = "T", converter = TokenVolume.class, description = "Output tokens a month to serve, e.g. 500M or 2B: deployments needed and their cost.")
    Long tokensPerMonth;

    @Option(names = "--target-tokens-per-second", paramLabel = "X", converter = Positive.Decimal.class, description = "Output tokens/s to sustain: deployments and GPUs needed.")
    Double target;

    @Override
    public Integer call() {
        Hardware hw = hardware.resolve();
        if (hw == null) throw new InvalidInputException("cost needs --hardware ID (see ./arbiter hardware)");
        Catalog c = catalog.load();
        List<Model> models = ids.stream().map(c::get).toList();
        CostRequest req = new CostRequest(hw, hardware.gpus(), new Workload(inputTokens, outputTokens), concurrency, tokensPerMonth, target,
                price.currency());
        Pricing pricing = price.pricing();
        HourlyRate rate = pricing.rate(hw.id(), price.options());
        List<ModelCost> costs = new ArrayList<>();
        // A stored bench run of a model at a quant on this hardware and concurrency (the evidence record), of this workload, replaces the estimate.
        try (var runs = java.nio.file.Files.isRegularFile(store.file()) ? store.open() : null) {
            ThroughputSource measured = runs == null ? ThroughputSource.NONE : new BenchThroughput(new EvidenceStore(runs));
            CostCalculator calc = new CostCalculator(measured);
            for (Model m : models) {
                CostCalculator.QuantChoice choice = quant != null ? null : CostCalculator.chooseQuant(m, req).orElse(null);
                Quant q = quant != null ? Quant.parse(quant) : choice == null ? null : choice.quant();
                if (q == null) {
                    costs.add(new ModelCost(m.id(), null, null, false, "does not fit on " + hardware.gpus() + " × " + hw.id()
                            + " at any quantisation with " + req.workload().finalContext() + " tokens per sequence (./arbiter fit for the memory)",
                            null, null, null, null, null, null, null, null, null, null, null, List.of()));
                    continue;
                }
                Runtime rt = runtime != null ? Runtime.parse(runtime) : CostCalculator.defaultRuntime(m, q, hw);
                ModelCost cost = calc.cost(m, q, rt, req, rate);
                costs.add(choice == null ? cost : cost.withQuantChoice(choice.why()));
            }
        }
        if (fmt.isJson()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("hardware", Map.of("id", hw.id(), "gpus", hardware.gpus()));
            body.put("currency", Map.of("code", req.currency().code(), "per_usd", req.currency().perUsd()));
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("ownership", rate.ownership());
            p.put("per_gpu_hour", req.currency().fromUsd(rate.usdPerGpuHour()));
            p.put("usd_per_gpu_hour", rate.usdPerGpuHour());
            if (rate.read() != null) p.put("read", rate.read().toString());
            if (rate.ageDays() != null) p.put("age_days", rate.ageDays());
            if (rate.source() != null) p.put("source", rate.source());
            p.put("basis", rate.basis());
            body.put("price", p);
            body.put("workload", JsonOut.fields("input_tokens", inputTokens, "output_tokens", outputTokens, "concurrency", concurrency));
            body.put("models", costs);
            JsonOut.print(spec.commandLine().getOut(), "cost", body);
        } else {
            CostText.print(spec.commandLine().getOut(), hw, hardware.gpus(), rate, req, costs);
        }
        return ExitCode.OK;
    }
}
