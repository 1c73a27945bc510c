package dev.arbiter.cli;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.LicenseUse;
import dev.arbiter.compare.Comparison;
import dev.arbiter.compare.MeasuredRuns;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.fit.Hardware;
import dev.arbiter.recommend.HardwareFitProbe;
import dev.arbiter.recommend.CalculatedCost;
import dev.arbiter.recommend.CostProbe;
import dev.arbiter.cost.BenchThroughput;
import dev.arbiter.cost.CostCalculator;
import dev.arbiter.cost.CostRequest;
import dev.arbiter.cost.HourlyRate;
import dev.arbiter.cost.ThroughputSource;
import dev.arbiter.cost.Workload;
import dev.arbiter.recommend.LicenseFilter;
import dev.arbiter.evidence.EvidenceStore;
import dev.arbiter.recommend.MeasuredSpeed;
import dev.arbiter.recommend.RecommendRequest;
import dev.arbiter.recommend.RecommendResult;
import dev.arbiter.recommend.Recommender;
import dev.arbiter.recommend.UseCases;
import dev.arbiter.score.MeasuredFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "recommend", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        header = "A ranked, explained shortlist for your hardware, use case, licence, region and language.",
        description = {"Hard constraints first (fit, licence, region, modality, context), then a score with a 90%% interval from",
                "figures normalised against the catalogue; models whose intervals overlap are shown as ties (≈) with what",
                "decided the order. Models past --top are listed as 'also fits'; 'Excluded' holds only exclusions.",
                "The method, its weights and a worked example: docs/recommend.md, or --explain."},
        footer = {"", "Use cases: chatbot, code, rag, french, edge, math, vision, guardrails, image-guardrails.",
                "Licence use: allowed (deployable as is), needs_agreement (a commercial licence from the vendor), research_only.",
                "Units: memory GiB (2^30 bytes), bandwidth GB/s (10^9 bytes/s), speed tokens/s, context tokens.", "",
                "Examples:",
                "  ./arbiter recommend --hardware rtx-4090 --use-case code",
                "  ./arbiter recommend --hardware rtx-4090 --use-case code --explain",
                "  ./arbiter recommend --hardware h100-80gb --gpus 8 --use-case chatbot --license commercial",
                "  ./arbiter recommend --memory-gib 32 --use-case chatbot",
                "  ./arbiter recommend --memory-gib 32 --bandwidth-gbs 900 --use-case rag --region eu",
                "  ./arbiter recommend --hardware phone-8gb --use-case edge --format json",
                "  ./arbiter recommend --hardware a100-80gb --use-case french --region eu --license commercial",
                "  ./arbiter recommend --hardware rtx-4090 --use-case code --measured qwen2.5-coder-14b=RUN_ID",
                "  ./arbiter recommend --hardware h100-80gb --gpus 2 --use-case chatbot --optimise cost --tokens-per-month 1B --budget-per-month 6000"})
final class RecommendCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @Mixin CatalogMixin catalog;
    @Mixin HardwareMixin hardware;
    @Mixin StoreMixin store;
    @Mixin PriceMixin price;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--use-case", required = true, paramLabel = "USE", description = "chatbot, code, rag, french, edge, math, vision, guardrails or image-guardrails.")
    String useCase;

    @Option(names = "--license", paramLabel = "KIND", description = "commercial: only licences deployable as is; any: every licence. Default: all but research-only (no commercial route known); a research licence the vendor lifts by agreement (Qwen research, Mistral MRL) is kept and marked needs_agreement.")
    String license;

    @Option(names = "--region", paramLabel = "REGION", description = "Apply regional licence clauses: eu, or a country code (fr, de, … count as eu).")
    String region;

    @Option(names = "--language", paramLabel = "CODE", description = "ISO 639-1 language the model must support, e.g. fr.")
    String language;

    @Option(names = "--min-context", paramLabel = "TOKENS", converter = TokenCount.class, description = "Tokens of context the deployment must hold, e.g. 131072 or 128k (default: the use case's).")
    long minContext;

    @Option(names = "--top", paramLabel = "N", defaultValue = "5", converter = Positive.Int.class, description = "How many to rank in full, 1 or more (default: ${DEFAULT-VALUE}); the rest that fit are listed as 'also fits'.")
    int top;

    @Option(names = "--explain", description = "Print the method and every figure behind every score.")
    boolean explain;

    @Option(names = "--measured", paramLabel = "MODEL=RUN_ID",
            description = "Rank with your own stored run (mmlu, mmlu_pro, mmlu_redux, gpqa, gsm8k, math, humaneval, mt_bench, ifeval, chartqa, docvqa, mmmu or aime on the 2024 problems) instead of the published figure. Repeatable.")
    Map<String, String> measured = new LinkedHashMap<>();

    @Option(names = "--budget-per-month", paramLabel = "AMOUNT", converter = Positive.Decimal.class,
            description = "Hard constraint: leave out options whose month, always on, costs more (in --currency; with --tokens-per-month, the deployments that volume needs).")
    Double budgetPerMonth;

    @Option(names = "--optimise", paramLabel = "WHAT", description = "speed (default): the efficiency axis scores decode speed; cost: it scores cost per 1M output tokens.")
    String optimise;

    @Option(names = "--tokens-per-month", paramLabel = "T", converter = TokenVolume.class, description = "Output tokens a month the deployment serves (for --budget-per-month), e.g. 500M.")
    Long tokensPerMonth;

    @Option(names = "--concurrency", paramLabel = "C", defaultValue = "32", converter = Positive.Int.class,
            description = "Requests in flight the cost is computed at (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Override
    public Integer call() {
        LicenseFilter licence = LicenseFilter.parse(license);
        String reg = Choices.region(region);
        String lang = Choices.language(language);
        if (minContext < 0) throw new InvalidInputException("--min-context must be >= 0 tokens, got " + minContext);
        Hardware hw = hardware.resolve();
        if (hw == null) throw new InvalidInputException("recommend needs --hardware ID (see ./arbiter hardware) or --memory-gib GIB");
        Catalog c = catalog.load();
        boolean optimiseCost = optimise != null && switch (optimise.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "cost" -> true;
            case "speed" -> false;
            default -> throw new InvalidInputException("--optimise must be speed or cost, got '" + optimise + "'");
        };
        RecommendRequest req = new RecommendRequest(UseCases.bundled().get(useCase), licence, reg, lang, minContext, top, budgetPerMonth, optimiseCost);
        HardwareFitProbe probe = new HardwareFitProbe(hw, hardware.gpus(), req.useCase().sendsImages());
        RecommendResult result;
        List<String> notes = new ArrayList<>();  // measured runs left out and why; a cost column left out and why
        // A stored bench run of a model at a quant on this hardware (the evidence record) replaces the speed estimate.
        try (var runs = store.exists() ? store.open() : null) {
            MeasuredSpeed speeds = runs == null ? MeasuredSpeed.NONE : measuredSpeeds(new EvidenceStore(runs), hw.id(), hardware.gpus());
            CostProbe costs = costs(hw, runs, budgetPerMonth != null || optimiseCost || tokensPerMonth != null, notes);
            result = Recommender.bundled().recommend(c, req, probe, probe.label(), measuredFigures(c, notes), speeds, costs);
        }
        for (String n : notes) spec.commandLine().getErr().println("arbiter: " + n);
        if (fmt.isJson()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("hardware", JsonOut.fields("id", hw.id(), "gpus", hardware.gpus()));
            body.put("use_case", result.useCase());
            body.put("context", result.context());
            body.put("license_filter", licence.name().toLowerCase(java.util.Locale.ROOT));
            body.put("speed_known", result.speedKnown());
            body.put("recommendations", result.recommendations());
            body.put("also_fits", result.alsoFits());
            body.put("excluded", result.excluded());
            body.put("method", result.method());
            body.put("notes", notes);
            JsonOut.print(spec.commandLine().getOut(), "recommendation", body);
            return ExitCode.OK;
        }
        RecommendText.print(spec.commandLine().getOut(), result, probe.label(), req, explain);
        if (explain && !notes.isEmpty()) {
            spec.commandLine().getOut().println("Notes:");
            for (String n : notes) spec.commandLine().getOut().println("  - " + n);
        }
        if (!explain) spec.commandLine().getErr().println(String.join("\n", result.method()));
        return ExitCode.OK;
    }

    /**
     * Cost per option on this hardware: from the price list (or the overrides), with measured throughput from bench
     * runs first. Without a price the column is left out with a note in {@code notes}, unless the request needs it
     * (budget, --optimise cost); a price input the user gave that cannot be used is an error, as in {@code cost}.
     */
    private CostProbe costs(Hardware hw, dev.arbiter.eval.store.RunStore runs, boolean needed, List<String> notes) {
        // A bad --prices file, --ownership, --currency/--rate pair or override is an error (exit 2), as in `cost`;
        // only a hardware with no price anywhere leaves the column out, and says so.
        dev.arbiter.cost.Pricing pricing = price.pricing();
        dev.arbiter.cost.CostOptions options = price.options();
        if (!hw.speedKnown()) {
            if (needed) throw new InvalidInputException("cost needs a speed: give --bandwidth-gbs (or a --hardware profile) with --budget-per-month, --optimise cost or --tokens-per-month");
            return CostProbe.NONE;
        }
        if (!needed && !pricing.known(hw.id(), options)) {
            notes.add("no price for " + hw.id() + " in the price list, so no cost column: give --price-per-hour AMOUNT (per GPU-hour), "
                    + "--ownership own --purchase-price AMOUNT --power-watts W, or --prices FILE");
            return CostProbe.NONE;
        }
        HourlyRate rate = pricing.rate(hw.id(), options);
        ThroughputSource measured = runs == null ? ThroughputSource.NONE : new BenchThroughput(new EvidenceStore(runs));
        CostRequest req = new CostRequest(hw, hardware.gpus(), Workload.DEFAULT, concurrency, tokensPerMonth, null, price.currency());
        return new CalculatedCost(new CostCalculator(measured), req, rate);
    }

    /** Single-stream decode speeds measured by `bench` runs recorded as evidence for this hardware and GPU count. */
    static MeasuredSpeed measuredSpeeds(EvidenceStore evidence, String hardwareId, int gpus) {
        List<dev.arbiter.evidence.Evidence> all = evidence.all();  // newest first; read once, asked per model × quant
        return (model, quant) -> all.stream().filter(e -> e.measures(model, quant, hardwareId, gpus))
                .filter(e -> e.singleStreamDecodeTokensPerS() != null).findFirst()
                .map(e -> java.util.OptionalDouble.of(e.singleStreamDecodeTokensPerS())).orElse(java.util.OptionalDouble.empty());
    }

    /**
     * Your stored runs, as measured figures per model (read the way compare --measured reads them); a figure from an
     * incomplete run is left out of the ranking, with a note in {@code notes} saying why.
     */
    private Map<String, List<MeasuredFigure>> measuredFigures(Catalog c, List<String> notes) {
        if (measured.isEmpty()) return Map.of();
        for (String model : measured.keySet()) c.get(model);  // unknown id → did you mean
        Map<String, Map<String, Comparison.Measured>> runs;
        try (var s = store.openExisting()) {
            runs = MeasuredRuns.read(new dev.arbiter.eval.engine.RunReader(s), measured, c);
        }
        return MeasuredRuns.comparable(runs, notes);
    }

    static String licenceLabel(LicenseUse u) { return u.wire(); }
}
