package dev.arbiter.cli;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.ClaimKind;
import dev.arbiter.catalog.ClaimComparison;
import dev.arbiter.catalog.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "show", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "One model: architecture, licence terms, published scores with sources, and where the 2026 article disagrees with the vendor.",
        footer = {"", "Examples:",
                "  ./arbiter show llama-4-scout",
                "  ./arbiter show deepseek-v3 --format json"})
final class ShowCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @Mixin CatalogMixin catalog;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "Model id (see ./arbiter models).")
    String id;

    @Override
    public Integer call() {
        Catalog c = catalog.load();
        Model m = c.get(id);
        PrintWriter out = spec.commandLine().getOut();
        var discrepancies = ClaimComparison.discrepancies(c, m);
        var counted = dev.arbiter.catalog.ParamCounter.count(m.architecture());
        double totalDiffPct = 100.0 * (counted.total() - m.officialParams().total()) / m.officialParams().total();
        if (fmt.isJson()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("model", m);
            body.put("computed_params", Map.of("total", counted.total(), "active", counted.active(),
                    "total_difference_pct", Math.round(totalDiffPct * 100) / 100.0));
            body.put("discrepancies", discrepancies);
            JsonOut.print(out, "model", body);
            return ExitCode.OK;
        }
        var a = m.architecture();
        out.printf(Locale.US, "%s (%s) — %s, %s%n", m.name(), m.id(), m.vendor() == null ? "vendor not stated" : m.vendor(),
                m.releaseDate() == null ? "release date not stated" : m.releaseDate());
        out.printf(Locale.US, "  params: %s total, %s active (%s)%n", Text.params(m.officialParams().total()),
                Text.params(m.officialParams().active()), m.officialParams().source());
        out.printf(Locale.US, "    computed from the architecture: %,d total (%+.2f%%), %,d active%s%n", counted.total(), totalDiffPct,
                counted.active(), Math.abs(totalDiffPct) > 1 ? "  ! more than 1% off the stated figure: check the entry" : "");
        out.printf(Locale.US, "  context: %s tokens; modalities: %s; languages: %s%n", Text.tokens(m.contextLength()),
                String.join(", ", m.modalities()), m.languages().isEmpty() ? "-" : String.join(", ", m.languages()));
        out.printf(Locale.US, "  architecture: %d layers, hidden %d, %s, vocab %d, FFN %d%s%s%n",
                a.layers(), a.hiddenSize(), attention(a), a.vocabSize(), a.intermediateSize(),
                a.moe() == null ? "" : String.format(Locale.US, "; MoE %d experts, %d active, %d shared, expert FFN %d, every %d layer(s) from %d",
                        a.moe().experts(), a.moe().activeExperts(), a.moe().sharedExperts(), a.moe().expertIntermediateSize(),
                        a.moe().layerStep(), a.moe().firstDenseLayers()),
                a.localAttention() == null ? "" : String.format(Locale.US, "; %s attention window %d, one layer in %d global",
                        a.localAttention().kind(), a.localAttention().window(), a.localAttention().globalEvery()));
        out.printf(Locale.US, "    (%s)%n", a.source());
        var l = m.license();
        out.printf(Locale.US, "  licence: %s — %s; commercial use %s%s%s%n", l.name(), l.openSource() ? "open source" : "open weights",
                // as recommend's --license reads it (production_use): a research licence the vendor lifts by agreement
                // (Qwen's research licence, Mistral's MRL) is "needs agreement", not "research only"
                l.commercialUse() ? "allowed" : l.productionUse() == dev.arbiter.catalog.LicenseUse.RESEARCH_ONLY
                        ? "NOT allowed (research only: no commercial route known)"
                        : "NOT allowed without a commercial agreement with the vendor" + (l.researchOnly() ? " (a research licence)" : ""),
                l.monthlyActiveUserCap() == null ? "" : String.format(Locale.US, " up to %,d monthly active users", l.monthlyActiveUserCap()),
                l.regionRestrictions().isEmpty() ? "" : "; regional: " + l.regionRestrictions().stream()
                        .map(r -> r.region() + " (" + r.scope() + ")").reduce((x, y) -> x + ", " + y).orElse(""));
        out.printf(Locale.US, "    (%s)%n", l.url());
        out.println(m.scores().isEmpty() ? "  published scores: none in the catalogue (add them with their source, or measure with ./arbiter eval)" : "  published scores:");
        int benchmarkWidth = m.scores().stream().mapToInt(s -> s.benchmark().length()).max().orElse(0);
        String row = "    %-" + Math.max(12, benchmarkWidth) + "s %7s  %-8s %-9s %-10s %s%s%n";
        for (var s : m.scores()) {
            out.printf(Locale.US, row, s.benchmark(), Text.num(s.value(), 1),
                    s.kind() == ClaimKind.ARTICLE ? "article" : s.kind().wire(),
                    s.variant() == null ? "-" : s.variant(), s.shots() == null ? "-" : s.shots() + "-shot",
                    s.source(), s.note() == null ? "" : "  [" + s.note() + "]");
        }
        for (var d : discrepancies) out.println("  ! " + d.sentence());
        return ExitCode.OK;
    }

    /**
     * The attention shape: heads / KV heads × head dim, or for MLA (DeepSeek) its own shape, which has no single head
     * dim or KV head count: queries and keys are qk_nope + qk_rope wide, values v_head_dim, and the cache holds one
     * compressed latent of kv_lora_rank + qk_rope per token.
     */
    static String attention(dev.arbiter.catalog.Architecture a) {
        var mla = a.mla();
        if (mla == null) return String.format(Locale.US, "%d heads / %d KV heads × %d", a.attentionHeads(), a.kvHeads(), a.headDim());
        return String.format(Locale.US, "%d heads, MLA (q LoRA rank %s, KV LoRA rank %d, qk head dim %d nope + %d rope, v head dim %d)",
                a.attentionHeads(), mla.qLoraRank() == 0 ? "none" : String.valueOf(mla.qLoraRank()), mla.kvLoraRank(),
                mla.qkNopeHeadDim(), mla.qkRopeHeadDim(), mla.vHeadDim());
    }
}
