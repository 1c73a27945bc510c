package dev.arbiter.cli;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.fit.Hardware;
import dev.arbiter.recommend.Exclusion;
import dev.arbiter.recommend.HardwareFitProbe;
import dev.arbiter.recommend.RecommendRequest;
import dev.arbiter.recommend.RecommendResult;
import dev.arbiter.recommend.Recommendation;
import dev.arbiter.recommend.Recommender;
import dev.arbiter.recommend.UseCases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = {"A ranked, explained shortlist for your hardware, use case, licence, region and language.",
                "Hard constraints first (fit, licence, region, modality, context), then a score from published figures;",
                "excluded models are listed with the reason."},
        footer = {"", "Use cases: chatbot, code, rag, french, edge, math, vision, guardrails, image-guardrails.", "",
                "Examples:",
                "  ./arbiter recommend --hardware rtx-4090 --use-case code",
                "  ./arbiter recommend --hardware h100-80gb --gpus 8 --use-case chatbot --license commercial",
                "  ./arbiter recommend --memory-gb 32 --bandwidth-gbs 900 --use-case rag --region eu",
                "  ./arbiter recommend --hardware phone-8gb --use-case edge --format json",
                "  ./arbiter recommend --hardware a100-80gb --use-case french --region eu --license commercial"})
final class RecommendCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @Mixin CatalogMixin catalog;
    @Mixin HardwareMixin hardware;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--use-case", required = true, paramLabel = "USE", description = "chatbot, code, rag, french, edge, math, vision, guardrails or image-guardrails.")
    String useCase;

    @Option(names = "--license", paramLabel = "KIND", description = "'commercial' excludes licences that forbid commercial use or need a separate agreement.")
    String license;

    @Option(names = "--region", paramLabel = "REGION", description = "Apply regional licence clauses: eu, or a country code (fr, de, … count as eu).")
    String region;

    @Option(names = "--language", paramLabel = "CODE", description = "ISO 639-1 language the model must support, e.g. fr.")
    String language;

    @Option(names = "--min-context", paramLabel = "TOKENS", converter = TokenCount.class, description = "Tokens of context the deployment must hold, e.g. 131072 or 128k (default: the use case's).")
    long minContext;

    @Option(names = "--top", defaultValue = "5", description = "How many to rank (default: ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() {
        if (license != null && !license.equalsIgnoreCase("commercial") && !license.equalsIgnoreCase("any")) {
            throw new InvalidInputException("--license takes 'commercial' or 'any', got '" + license + "'");
        }
        if (minContext < 0) throw new InvalidInputException("--min-context must be >= 0, got " + minContext);
        if (top <= 0) throw new InvalidInputException("--top must be > 0, got " + top);
        Hardware hw = hardware.resolve();
        if (hw == null) throw new InvalidInputException("recommend needs --hardware ID (see ./arbiter hardware) or --memory-gb and --bandwidth-gbs");
        Catalog c = catalog.load();
        RecommendRequest req = new RecommendRequest(UseCases.bundled().get(useCase), "commercial".equalsIgnoreCase(license),
                region, language, minContext, top);
        HardwareFitProbe probe = new HardwareFitProbe(hw, hardware.gpus());
        RecommendResult result = Recommender.bundled().recommend(c, req, probe, probe.label());
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.isJson()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("hardware", Map.of("id", hw.id(), "gpus", hardware.gpus()));
            body.put("use_case", result.useCase());
            body.put("context", result.context());
            body.put("recommendations", result.recommendations());
            body.put("excluded", result.excluded());
            body.put("method", result.method());
            JsonOut.print(out, "recommendation", body);
            return ExitCode.OK;
        }
        out.printf(Locale.ROOT, "Use case %s on %s, %,d tokens of context%s%s%n", result.useCase(), probe.label(), result.context(),
                req.commercialOnly() ? ", commercial use" : "", req.region() == null ? "" : ", region " + req.region());
        if (result.recommendations().isEmpty()) out.println("  nothing qualifies; see the exclusions below.");
        for (Recommendation r : result.recommendations()) {
            out.printf(Locale.ROOT, "%d. %-20s %-7s score %5.1f  %6.1f GiB  %s%n", r.rank(), r.model(), r.quant(), r.score(),
                    r.totalBytes() / (1024.0 * 1024 * 1024),
                    r.decodeTokensPerS() == null ? "" : String.format(Locale.ROOT, "~%.0f tok/s", r.decodeTokensPerS()));
            out.println("   " + r.why());
            for (String reason : r.reasons()) out.println("     - " + reason);
        }
        List<Exclusion> ex = result.excluded();
        if (!ex.isEmpty()) {
            out.println("Excluded:");
            for (Exclusion e : ex) out.printf(Locale.ROOT, "  %-20s %-9s %s%n", e.model(), e.constraint(), e.reason());
        }
        spec.commandLine().getErr().println(String.join("\n", result.method()));
        return ExitCode.OK;
    }
}
