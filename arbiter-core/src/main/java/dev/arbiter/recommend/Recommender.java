package dev.arbiter.recommend;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.License;
import dev.arbiter.catalog.Lineage;
import dev.arbiter.catalog.Model;
import dev.arbiter.catalog.RegionRestriction;
import dev.arbiter.profile.Dimension;
import dev.arbiter.profile.Dimensions;
import dev.arbiter.score.AxisEstimate;
import dev.arbiter.score.AxisEstimator;
import dev.arbiter.score.BenchmarkScales;
import dev.arbiter.score.CatalogueNorms;
import dev.arbiter.score.MeasuredFigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Hard constraints first (use case, modality, language, context length, licence, region, memory), then a rank with
 * intervals. The method is in docs/recommend.md and in {@link #method}: each quality axis from figures normalised
 * against the catalogue ({@link AxisEstimator}), efficiency from the decode speed on the hardware, the use case's
 * weighted mean of the axes, and a 90% interval from Monte Carlo draws ({@link ScoreDraws}); rows whose intervals
 * overlap are ties.
 */
public final class Recommender {
    /**
     * Quantisations assumed to keep less than this share of quality (3-bit and 2-bit mixes) are considered only when
     * nothing better fits: their losses are steep and least predictable, worst on small models.
     */
    static final double MIN_PREFERRED_RETENTION = 0.95;
    /** Uncertainty of a speed, as the sd of its natural log: ±~40% at 90% for an estimate, ±~8% for a measurement. */
    static final double ESTIMATED_SPEED_SD = 0.2;
    static final double MEASURED_SPEED_SD = 0.05;

    private final List<Dimension> dimensions;
    private final BenchmarkScales scales;
    private final QuantRetention retention;

    public Recommender(List<Dimension> dimensions, BenchmarkScales scales, QuantRetention retention) {
        this.dimensions = List.copyOf(dimensions);
        this.scales = scales;
        this.retention = retention;
    }

    public static Recommender bundled() {
        return new Recommender(Dimensions.bundled(), BenchmarkScales.bundled(), QuantRetention.bundled());
    }

    public RecommendResult recommend(Catalog catalog, RecommendRequest req, FitProbe fit, String hardwareLabel) {
        return recommend(catalog, req, fit, hardwareLabel, Map.of(), MeasuredSpeed.NONE);
    }

    /**
     * @param measured your stored runs per model id: they take precedence over published figures
     * @param speeds   measured decode speeds (the serving benchmark's evidence record), before estimates
     */
    public RecommendResult recommend(Catalog catalog, RecommendRequest req, FitProbe fit, String hardwareLabel,
                                     Map<String, List<MeasuredFigure>> measured, MeasuredSpeed speeds) {
        return recommend(catalog, req, fit, hardwareLabel, measured, speeds, CostProbe.NONE);
    }

    /**
     * @param costs what each fitting option costs to serve: shown beside quality, checked against --budget-per-month
     *              (a hard constraint), and scored on the efficiency axis instead of speed under --optimise cost
     */
    public RecommendResult recommend(Catalog catalog, RecommendRequest req, FitProbe fit, String hardwareLabel,
                                     Map<String, List<MeasuredFigure>> measured, MeasuredSpeed speeds, CostProbe costs) {
        UseCase uc = req.useCase();
        long context = req.context();
        AxisEstimator estimator = new AxisEstimator(dimensions, scales, CatalogueNorms.of(catalog, scales));
        List<Dimension> qualityAxes = dimensions.stream()
                .filter(d -> uc.weights().containsKey(d.id()) && !d.id().equals(Dimensions.EFFICIENCY)).toList();
        Map<String, Double> weights = new LinkedHashMap<>(uc.weights());
        if (!fit.speedKnown()) weights.remove(Dimensions.EFFICIENCY);

        List<Exclusion> excluded = new ArrayList<>();
        // In catalogue order; a list of pairs, not a map keyed by Model (hashing a Model record hashes its every figure).
        List<Map.Entry<Model, List<FitOutcome>>> fitting = new ArrayList<>();
        for (Model m : catalog.sorted()) {
            Exclusion ex = constraint(m, req);
            if (ex != null) { excluded.add(ex); continue; }
            List<FitOutcome> options = fit.options(m, context);
            if (options.isEmpty()) {
                excluded.add(new Exclusion(m.id(), "fit", fit.bestFit(m, context).reason()));
                continue;
            }
            List<FitOutcome> preferred = options.stream().filter(o -> retention.of(o.quant()) >= MIN_PREFERRED_RETENTION).toList();
            fitting.add(Map.entry(m, preferred.isEmpty() ? options : preferred));
        }
        Map<String, List<String>> folded = SameFigures.fold(catalog, fitting.stream().map(Map.Entry::getKey).toList());
        List<String> foldedIds = folded.values().stream().flatMap(List::stream).toList();

        List<Scored> best = new ArrayList<>();
        for (var e : fitting) {
            Model m = e.getKey();
            if (foldedIds.contains(m.id())) continue;
            Map<String, AxisEstimate> quality = estimator.estimate(Lineage.withInheritedScores(catalog, m), qualityAxes,
                    measured.getOrDefault(m.id(), List.of()));
            Scored top = null;
            CostFigure cheapestOver = null;
            for (FitOutcome o : e.getValue()) {  // highest precision first, so a tie keeps the more precise one
                CostFigure cost = costs.cost(m, o).orElse(null);
                if (req.budgetPerMonth() != null && cost != null && cost.perMonth() > req.budgetPerMonth()) {
                    if (cheapestOver == null || cost.perMonth() < cheapestOver.perMonth()) cheapestOver = cost;
                    continue;  // over budget: a hard constraint, like memory
                }
                OptionalDouble ms = speeds.tokensPerS(m.id(), o.quant());
                Double tps = ms.isPresent() ? Double.valueOf(ms.getAsDouble()) : o.decodeTokensPerS();
                String basis = !fit.speedKnown() ? "unknown" : ms.isPresent() ? "measured" : "estimated";
                Scored s = new Scored(m, o, e.getValue().get(0), quality, weights, retention.of(o.quant()), tps,
                        ms.isPresent() ? MEASURED_SPEED_SD : ESTIMATED_SPEED_SD, basis,
                        folded.getOrDefault(m.id(), List.of()), cost, req.optimiseCost() && cost != null);
                if (top == null || s.point() > top.point() + 1e-9) top = s;
            }
            if (top == null) {
                excluded.add(new Exclusion(m.id(), "budget", String.format(Locale.US, "%,.0f %s a month at the cheapest fitting quantisation "
                        + "(%d deployment%s always on) > --budget-per-month %,.0f", cheapestOver.perMonth(), cheapestOver.currency(),
                        cheapestOver.deployments(), cheapestOver.deployments() == 1 ? "" : "s", req.budgetPerMonth())));
                continue;
            }
            best.add(top);
        }
        List<Scored> ranked = best.stream()
                .sorted(Comparator.comparingDouble(Scored::point).reversed()
                        .thenComparing(s -> -(s.tokensPerS() == null ? 0 : s.tokensPerS()))
                        .thenComparing(s -> s.model().id()))
                .toList();
        List<ScoreDraws.Interval> intervals = ScoreDraws.of(ranked);

        List<Recommendation> recs = new ArrayList<>();
        List<AlsoFit> also = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            Scored s = ranked.get(i);
            ScoreDraws.Interval iv = intervals.get(i);
            boolean tied = i > 0 && intervals.get(i - 1).low() <= iv.high();
            if (i >= req.top()) {
                also.add(new AlsoFit(i + 1, s.model().id(), s.fit().quant(), Rounding.score(s.point()), Rounding.score(iv.low()),
                        Rounding.score(iv.high()), Rounding.tokensPerS(s.tokensPerS()), s.model().license().productionUse()));
                continue;
            }
            String close = tied ? CloseCall.explain(ranked.get(i - 1), i, s) : null;
            recs.add(recommendation(i + 1, tied, iv, s, close, context, hardwareLabel, fit.gpu(), uc.sendsImages()));
        }
        List<String> method = new ArrayList<>(method(context, hardwareLabel, fit.speedKnown()));
        method.addAll(costs.method());
        if (req.optimiseCost() && fit.speedKnown() && best.stream().anyMatch(s -> s.cost() != null)) {
            method.add(String.format(Locale.US, "--optimise cost: Efficiency = cost per 1M output tokens in USD instead of decode speed "
                    + "(%.2f USD or less = 100, %.0f USD or more = 0, log scale), with the speed's uncertainty.",
                    Scored.FULL_MARKS_USD_PER_MILLION, Scored.NO_MARKS_USD_PER_MILLION));
        }
        if (req.budgetPerMonth() != null) {
            method.add(String.format(Locale.US, "--budget-per-month %,.0f: options whose month (always on) costs more are left out, like those that do not fit.",
                    req.budgetPerMonth()));
        }
        return new RecommendResult(uc.id(), context, fit.speedKnown(), recs, also, excluded, method);
    }

    private Recommendation recommendation(int rank, boolean tied, ScoreDraws.Interval iv, Scored s, String close,
                                          long context, String hw, boolean gpu, boolean images) {
        Model m = s.model();
        FitOutcome f = s.fit();
        double total = s.totalWeight();
        Map<String, AxisView> axes = new LinkedHashMap<>();
        for (var e : s.weights().entrySet()) {
            String axis = e.getKey();
            double share = Math.round(1000 * e.getValue() / total) / 1000.0;
            if (axis.equals(Dimensions.EFFICIENCY)) {
                double lo = s.efficiencyAt(-AxisEstimate.Z90);
                double hi = s.efficiencyAt(AxisEstimate.Z90);
                String note = s.costAxis()
                        ? String.format(Locale.US, "%s per 1M output tokens on %s at %s (%s; %s)", money(s.cost().perMillionOutput(), s.cost().currency()),
                                hw, f.quant(), s.cost().source(), Rounding.speed(s.tokensPerS()) + " single stream")
                        : Rounding.speed(s.tokensPerS()) + " on " + hw + " at " + f.quant() + " (" + s.speedBasis() + ")";
                axes.put(axis, new AxisView(Rounding.score(s.axis(axis)), Rounding.score(lo), Rounding.score(hi), share, 1,
                        null, List.of(), note));
            } else {
                AxisEstimate a = s.quality().get(axis);
                axes.put(axis, new AxisView(Rounding.score(s.axis(axis)), Rounding.score(a.low() * s.keep()),
                        Rounding.score(a.high() * s.keep()), share, Math.round(100 * a.coverage()) / 100.0, a.basis(),
                        a.evidence(), a.note()));
            }
        }
        return new Recommendation(rank, tied, iv.rankLow(), iv.rankHigh(), m.id(), m.name(), f.quant(),
                Rounding.score(s.point()), Rounding.score(iv.low()), Rounding.score(iv.high()), axes, f.totalBytes(),
                f.availableBytes(), Rounding.tokensPerS(s.tokensPerS()), s.speedBasis(), m.license().name(),
                m.license().productionUse(), s.alsoCovers(), why(s, iv, axes), close, reasons(s, axes, hw),
                ServeCommand.of(m, f, context, gpu, images), s.cost());
    }

    private static String money(double v, String currency) {
        return (v >= 100 ? String.format(Locale.US, "%,.0f", v) : v >= 1 ? String.format(Locale.US, "%.2f", v)
                : String.format(Locale.US, "%.3g", v)) + " " + currency;
    }

    /** The score as the sum of its parts, largest first, so the headline and the score cannot disagree. */
    private static String why(Scored s, ScoreDraws.Interval iv, Map<String, AxisView> axes) {
        String parts = axes.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, AxisView> e) -> e.getValue().weight() * e.getValue().score()).reversed())
                .map(e -> String.format(Locale.US, "%.2f × %s %.0f%s", e.getValue().weight(), e.getKey(), e.getValue().score(),
                        e.getValue().basis() == null || e.getValue().basis().wire().equals("published") ? ""
                                : " (" + e.getValue().basis().wire() + ")"))
                .collect(Collectors.joining(" + "));
        return String.format(Locale.US, "score %.0f [%.0f–%.0f] = %s", Rounding.score(s.point()), Rounding.score(iv.low()),
                Rounding.score(iv.high()), parts);
    }

    private static List<String> reasons(Scored s, Map<String, AxisView> axes, String hw) {
        List<String> out = new ArrayList<>();
        FitOutcome chosen = s.fit();
        FitOutcome precise = s.mostPrecise();
        if (!chosen.quant().equals(precise.quant())) {
            out.add(String.format(Locale.US, "quantisation: %s rather than %s (which also fits): its speed (%s vs %s) outweighs "
                    + "the assumed quality loss", chosen.quant(), precise.quant(), Rounding.speed(chosen.decodeTokensPerS()),
                    Rounding.speed(precise.decodeTokensPerS())));
        }
        if (s.keep() < 1) {
            out.add(String.format(Locale.US, "quality axes × %.3f: share assumed kept at %s (scoring/quant-retention.yaml)", s.keep(), chosen.quant()));
        }
        for (var e : axes.entrySet()) {
            AxisView a = e.getValue();
            out.add(String.format(Locale.US, "%s %.0f [%.0f–%.0f]%s: %s", e.getKey(), a.score(), a.low(), a.high(),
                    a.basis() == null ? "" : String.format(Locale.US, ", %s, coverage %.0f%%", a.basis().wire(), 100 * a.coverage()),
                    a.note()));
        }
        if (s.cost() != null) {
            CostFigure c = s.cost();
            out.add(String.format(Locale.US, "cost: %s per 1M output tokens all in, %s a month always on (%d deployment%s; %s)",
                    money(c.perMillionOutput(), c.currency()), money(c.perMonth(), c.currency()), c.deployments(), c.deployments() == 1 ? "" : "s",
                    c.runId() == null ? c.source() : "measured by bench run " + c.runId()));
        }
        License l = s.model().license();
        String use = "licence: " + l.name() + ": " + l.productionUse().label();
        if (l.monthlyActiveUserCap() != null) use += String.format(Locale.US, " up to %,d monthly active users", l.monthlyActiveUserCap());
        out.add(use);
        for (String older : s.alsoCovers()) {
            out.add("same entry as " + older + " (older release with the very same figures): ranked once, here");
        }
        return out;
    }

    /** The method, stated once for every score. */
    static List<String> method(long context, String hw, boolean speedKnown) {
        List<String> m = new ArrayList<>();
        m.add("Hard constraints first: use case, modality, language, context length (" + context + " tokens), licence, region, memory.");
        m.add("Each benchmark figure is put on a common scale before it meets another: chance floor removed, logit, then a "
                + "standard score against the catalogue's models that report the same benchmark in the same setting (base or tuned).");
        m.add("A quality axis is the posterior of those standard scores (prior: a typical catalogue model), shown as the catalogue "
                + "percentile 0-100 with a 90% interval; measured figures (your runs) before published ones.");
        m.add("One rule for a missing axis, for every model: estimated from the model's other text quality axes, never above the "
                + "catalogue's middle (marked 'estimated', wide interval); with no figure at all, the catalogue's middle with the widest interval.");
        m.add(speedKnown
                ? "Efficiency = decode speed on " + hw + " (30 tok/s or more = 100, log scale), estimated unless measured; each fitting "
                        + "quantisation is scored and the best kept (3- and 2-bit only when nothing else fits)."
                : "Speed unknown (no --bandwidth-gbs): the efficiency axis is left out of every score; the ranking is on quality alone.");
        m.add("Score = the use case's weighted mean of the axes (scoring/usecases.yaml); interval and rank range from 2000 seeded "
                + "Monte Carlo draws; ≈ marks a model whose interval overlaps the one above, with what decided the order.");
        m.add("Published scores are claims: check the shortlist on your own data with ./arbiter eval, then rank with --measured MODEL=RUN_ID.");
        return m;
    }

    private static Exclusion constraint(Model m, RecommendRequest req) {
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
            if (m.languages().isEmpty()) return new Exclusion(m.id(), "language", "vendor lists no supported languages; " + l + " is missing from its card");
            if (!m.languages().contains(l)) return new Exclusion(m.id(), "language", "'" + l + "' is not among the vendor's supported languages");
        }
        if (m.contextLength() < uc.minContextLength()) {
            return new Exclusion(m.id(), "context", String.format(Locale.US, "context %,d tokens < %,d needed for %s",
                    m.contextLength(), uc.minContextLength(), uc.id()));
        }
        if (m.contextLength() < req.context()) {
            return new Exclusion(m.id(), "context", String.format(Locale.US, "context %,d tokens < %,d required (%s)",
                    m.contextLength(), req.context(), req.minContext() > 0 ? "--min-context" : "default for " + uc.id() + "; set --min-context"));
        }
        License l = m.license();
        if (!req.license().keeps(l.productionUse())) {
            return new Exclusion(m.id(), "license", l.name() + ": " + l.productionUse().label()
                    + (req.license() == LicenseFilter.COMMERCIAL ? " (--license commercial keeps only what is deployable as is)"
                            : " (--license any includes it)"));
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
}
