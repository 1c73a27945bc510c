package dev.arbiter.recommend;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.License;
import dev.arbiter.catalog.Lineage;
import dev.arbiter.catalog.Model;
import dev.arbiter.catalog.RegionRestriction;
import dev.arbiter.profile.AxisScore;
import dev.arbiter.profile.Dimensions;
import dev.arbiter.profile.ModelProfile;
import dev.arbiter.profile.Profiler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hard constraints first (use case, modality, language, context length, licence, region, memory), then a rank.
 *
 * <p>Score = Σ weight × axis ÷ Σ weight, × 100, where quality axes come from published figures
 * ({@link Profiler}) multiplied by the assumed retention of the chosen quantisation, and the efficiency axis is
 * the estimated decode speed on the given hardware, {@code min(1, ln(1 + tok/s) / ln(31))} (30 tok/s or more
 * counts as 1). Each fitting quantisation is scored and the best kept, so a fast 5-bit fit can beat a slow 16-bit
 * one; 3- and 2-bit mixes are tried only when nothing at 4 bits or more fits. A missing figure on a primary axis (a quarter or more of the use case's weight) is imputed at
 * the lowest value among the remaining candidates, so it never helps a model; a missing figure on a secondary
 * axis is left out of the weighted mean, so a specialist (a coder with no MMLU) is not sunk by a 5% axis — unless
 * the model has no figure on any of the use case's quality axes, when they are all imputed. The reasons say which
 * applied.
 */
public final class Recommender {
    /** Decode speed that earns full marks on the efficiency axis: faster than people read a streamed answer. */
    static final double FULL_SPEED_TOKENS_PER_S = 30.0;

    /**
     * Quantisations assumed to keep less than this share of quality (3-bit and 2-bit mixes) are considered only when
     * nothing better fits: their losses are steep and least predictable, worst on small models.
     */
    static final double MIN_PREFERRED_RETENTION = 0.95;

    private final Profiler profiler;
    private final QuantRetention retention;

    public Recommender(Profiler profiler, QuantRetention retention) {
        this.profiler = profiler;
        this.retention = retention;
    }

    public static Recommender bundled() { return new Recommender(Profiler.bundled(), QuantRetention.bundled()); }

    public RecommendResult recommend(Catalog catalog, RecommendRequest req, FitProbe fit, String hardwareLabel) {
        UseCase uc = req.useCase();
        long context = req.context();
        List<Exclusion> excluded = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (Model m : catalog.sorted()) {
            Exclusion ex = constraint(m, req);
            if (ex != null) { excluded.add(ex); continue; }
            List<FitOutcome> options = fit.options(m, context);
            if (options.isEmpty()) {
                excluded.add(new Exclusion(m.id(), "fit", fit.bestFit(m, context).reason()));
                continue;
            }
            List<FitOutcome> preferred = options.stream().filter(o -> retention.of(o.quant()) >= MIN_PREFERRED_RETENTION).toList();
            if (!preferred.isEmpty()) options = preferred;
            ModelProfile profile = profiler.profile(Lineage.withInheritedScores(catalog, m));
            for (FitOutcome o : options) candidates.add(new Candidate(m, profile, o, options.get(0)));
        }
        Map<String, Double> floor = floors(candidates, uc);
        List<Recommendation> ranked = new ArrayList<>();
        // Per model, the quantisation that scores best for this use case (options come highest precision first,
        // so a tie keeps the more precise one).
        Map<String, Scored> bestPerModel = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Scored s = score(c, uc, floor, hardwareLabel);
            bestPerModel.merge(c.model().id(), s, (a, b) -> b.score() > a.score() + 1e-9 ? b : a);
        }
        List<Scored> scored = bestPerModel.values().stream().map(Recommender::noteQuantChoice)
                .sorted(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparing(s -> -nz(s.c().fit().decodeTokensPerS()))
                        .thenComparing(s -> s.c().model().id()))
                .toList();
        for (int i = 0; i < scored.size() && i < req.top(); i++) {
            Scored s = scored.get(i);
            Model m = s.c().model();
            FitOutcome f = s.c().fit();
            ranked.add(new Recommendation(i + 1, m.id(), m.name(), f.quant(), round1(s.score()), s.axes(), f.totalBytes(),
                    f.availableBytes(), f.decodeTokensPerS() == null ? null : round1(f.decodeTokensPerS()),
                    m.license().name(), s.reasons(), why(s, uc)));
        }
        for (int i = req.top(); i < scored.size(); i++) {
            excluded.add(new Exclusion(scored.get(i).c().model().id(), "rank",
                    String.format(Locale.ROOT, "fits and qualifies, ranked #%d (score %.1f); raise --top to see it", i + 1, scored.get(i).score())));
        }
        List<String> method = List.of(
                "Hard constraints first: use case, modality, language, context length, licence, region, memory at "
                        + context + " tokens of context.",
                "Score = weighted mean of the use case's axes (scoring/usecases.yaml), 0-100. Quality axes use the vendor's "
                        + "published figures (never the article's), times the assumed quality retained by the quantisation "
                        + "(scoring/quant-retention.yaml). Efficiency = estimated decode speed on " + hardwareLabel
                        + " (30 tok/s or more = full marks, log scale); each fitting quantisation is scored and the best kept (3- and 2-bit only when nothing else fits).",
                "A primary axis (>= 25% of the weight) with no published figure counts as the lowest candidate; a secondary one is left out.",
                "Published scores are claims: check the shortlist on your own data with ./arbiter eval.");
        return new RecommendResult(uc.id(), context, ranked, excluded, method);
    }

    private Exclusion constraint(Model m, RecommendRequest req) {
        UseCase uc = req.useCase();
        for (String t : uc.requireTags()) {
            if (!m.tags().contains(t)) return new Exclusion(m.id(), "use_case", "not a " + t + " model (use case " + uc.id() + ")");
        }
        if (!uc.requireAnyTags().isEmpty() && uc.requireAnyTags().stream().noneMatch(m.tags()::contains)) {
            return new Exclusion(m.id(), "use_case", "not a " + String.join(" or ", uc.requireAnyTags()) + " model (use case " + uc.id() + ")");
        }
        for (String t : uc.excludeTags()) {
            if (m.tags().contains(t)) {
                return new Exclusion(m.id(), "use_case", t.startsWith("guard")
                        ? "a safety classifier, not a general model (see --use-case " + (t.equals("guard") ? "guardrails" : "image-guardrails") + ")"
                        : "tagged " + t + ": not suited to " + uc.id());
            }
        }
        for (String mod : uc.requireModalities()) {
            if (!m.hasModality(mod)) return new Exclusion(m.id(), "modality", "no " + mod + " input");
        }
        List<String> langs = new ArrayList<>(uc.requireLanguages());
        if (req.language() != null) langs.add(req.language());
        for (String l : langs) {
            if (m.languages().isEmpty()) return new Exclusion(m.id(), "language", "vendor lists no supported languages; " + l + " not confirmed");
            if (!m.languages().contains(l)) return new Exclusion(m.id(), "language", "'" + l + "' is not among the vendor's supported languages");
        }
        if (m.contextLength() < uc.minContextLength()) {
            return new Exclusion(m.id(), "context", String.format(Locale.ROOT, "context %,d tokens < %,d needed for %s",
                    m.contextLength(), uc.minContextLength(), uc.id()));
        }
        if (m.contextLength() < req.context()) {
            return new Exclusion(m.id(), "context", String.format(Locale.ROOT, "context %,d tokens < %,d required (%s)",
                    m.contextLength(), req.context(), req.minContext() > 0 ? "--min-context" : "default for " + uc.id() + "; set --min-context"));
        }
        License l = m.license();
        if (req.commercialOnly() && !l.commercialUse()) {
            return new Exclusion(m.id(), "license", l.name() + (l.researchOnly() ? ": research use only"
                    : ": commercial use needs a separate agreement"));
        }
        if (req.region() != null) {
            for (RegionRestriction r : l.regionRestrictions()) {
                if (!Regions.covers(r.region(), req.region())) continue;
                if (r.scope().equals("all") || (r.scope().equals("multimodal") && m.hasModality("image"))) {
                    return new Exclusion(m.id(), "region", (r.scope().equals("all") ? "licence withholds rights in "
                            : "multimodal licence grant excludes ") + r.region().toUpperCase(Locale.ROOT)
                            + " companies and residents: " + r.clause());
                }
            }
        }
        return null;
    }

    /** Lowest available value per quality axis among candidates: what a missing figure counts as. */
    private static Map<String, Double> floors(List<Candidate> cs, UseCase uc) {
        Map<String, Double> floor = new HashMap<>();
        for (String axis : uc.weights().keySet()) {
            if (axis.equals(Dimensions.EFFICIENCY)) continue;
            double min = cs.stream().map(c -> c.profile().axis(axis)).filter(a -> a != null && !a.missing())
                    .mapToDouble(AxisScore::value).min().orElse(0.0);
            floor.put(axis, min);
        }
        return floor;
    }

    private Scored score(Candidate c, UseCase uc, Map<String, Double> floor, String hw) {
        double sum = 0, weights = 0;
        Map<String, Double> axes = new LinkedHashMap<>();
        List<String> reasons = new ArrayList<>();
        double keep = retention.of(c.fit().quant());
        // With no published figure on any of the use case's quality axes, leaving the secondary ones out would rank
        // the model on speed alone, ahead of every model with evidence; impute them like primary axes instead.
        boolean noEvidence = uc.weights().keySet().stream().filter(axis -> !axis.equals(Dimensions.EFFICIENCY))
                .map(axis -> c.profile().axis(axis)).allMatch(a -> a == null || a.missing());
        for (var e : uc.weights().entrySet()) {
            String axis = e.getKey();
            double v;
            if (axis.equals(Dimensions.EFFICIENCY)) {
                double tps = nz(c.fit().decodeTokensPerS());
                v = Math.min(1.0, Math.log1p(tps) / Math.log1p(FULL_SPEED_TOKENS_PER_S));
                reasons.add(String.format(Locale.ROOT, "speed: ~%.0f tok/s decode on %s at %s (estimate)", tps, hw, c.fit().quant()));
            } else {
                AxisScore a = c.profile().axis(axis);
                if ((a == null || a.missing()) && !primary(uc, axis) && !noEvidence) {
                    reasons.add(axis + ": no published figure; a secondary axis for " + uc.id() + ", left out of the score");
                    continue;
                } else if (a == null || a.missing()) {
                    v = floor.getOrDefault(axis, 0.0) * keep;
                    reasons.add(String.format(Locale.ROOT, "%s: no published figure, counted as the lowest candidate (%.0f)", axis, v * 100));
                } else {
                    v = a.value() * keep;
                    reasons.add(axis + ": " + a.note());
                }
            }
            axes.put(axis, round1(v * 100));
            sum += e.getValue() * v;
            weights += e.getValue();
        }
        License l = c.model().license();
        if (l.monthlyActiveUserCap() != null) {
            reasons.add(String.format(Locale.ROOT, "licence: %s, commercial use up to %,d monthly active users", l.name(), l.monthlyActiveUserCap()));
        } else if (!l.commercialUse()) {
            reasons.add("licence: " + l.name() + " does not allow commercial use");
        }
        return new Scored(c, 100 * sum / weights, axes, reasons);
    }

    /** An axis carrying at least {@link #PRIMARY_WEIGHT} of the use case's weight. */
    static boolean primary(UseCase uc, String axis) {
        double total = uc.weights().values().stream().mapToDouble(Double::doubleValue).sum();
        return uc.weights().getOrDefault(axis, 0.0) / total >= PRIMARY_WEIGHT;
    }

    static final double PRIMARY_WEIGHT = 0.25;

    private static String why(Scored s, UseCase uc) {
        var best = s.axes().entrySet().stream()
                .max(Comparator.comparingDouble(e -> e.getValue() * uc.weights().get(e.getKey()))).orElseThrow();
        FitOutcome f = s.c().fit();
        var l = s.c().model().license();
        return String.format(Locale.ROOT, "%s for %s: strongest axis %s (%.0f); fits at %s (%.1f of %.1f GiB)%s%s",
                s.c().model().id(), uc.id(), best.getKey(), best.getValue(), f.quant(), f.totalBytes() / GIB,
                f.availableBytes() / GIB,
                f.decodeTokensPerS() == null ? "" : String.format(Locale.ROOT, ", ~%.0f tok/s", f.decodeTokensPerS()),
                l.commercialUse() ? "" : "; licence: no commercial use");
    }

    private static final double GIB = 1024.0 * 1024 * 1024;

    private static double round1(double v) { return Math.round(v * 10) / 10.0; }
    private static double nz(Double d) { return d == null ? 0 : d; }

    /** Says so when a lower-precision fit was chosen over the most precise one that also fits. */
    private static Scored noteQuantChoice(Scored s) {
        FitOutcome chosen = s.c().fit();
        FitOutcome precise = s.c().mostPrecise();
        if (chosen.quant().equals(precise.quant())) return s;
        List<String> reasons = new ArrayList<>(s.reasons());
        reasons.add(0, String.format(Locale.ROOT, "quantisation: %s rather than %s (which also fits): for this use case its speed "
                + "(~%.0f vs ~%.0f tok/s) outweighs the assumed quality loss", chosen.quant(), precise.quant(),
                nz(chosen.decodeTokensPerS()), nz(precise.decodeTokensPerS())));
        return new Scored(s.c(), s.score(), s.axes(), reasons);
    }

    /** One model at one quantisation; {@code mostPrecise} is the highest-precision quantisation that fits. */
    private record Candidate(Model model, ModelProfile profile, FitOutcome fit, FitOutcome mostPrecise) {}
    private record Scored(Candidate c, double score, Map<String, Double> axes, List<String> reasons) {}
}
