package dev.arbiter.score;

import dev.arbiter.catalog.ClaimKind;
import dev.arbiter.catalog.Model;
import dev.arbiter.catalog.ScoreClaim;
import dev.arbiter.profile.Dimension;
import dev.arbiter.profile.Dimensions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A model's quality axes from its figures, one rule for every model (docs/recommend.md):
 *
 * <ol>
 *   <li>Each figure becomes a standard score z against the catalogue's models that report the same benchmark in the
 *       same setting ({@link CatalogueNorms}). Per benchmark, a measured figure (your stored run) is used before a
 *       published one; among published ones the vendor's tuned figure, then a third party's, then base.</li>
 *   <li>The axis value is the posterior mean of a normal model: prior N(0, 1) (a typical catalogue model), each
 *       figure an observation z ~ N(axis, τ²) with τ² = specificity² + source² + sampling², its precision scaled by the
 *       benchmark's weight in the axis. More figures, and more precise ones, mean a narrower interval; a single
 *       figure is shrunk towards the catalogue's middle.</li>
 *   <li>An axis with no figure is estimated from the model's other text quality axes, all of them whatever the use
 *       case weighs, so one model gets one estimate (rank one: general capability),
 *       z = min(0, ρ × their mean) — never above the catalogue's middle, so a missing figure never helps —, variance
 *       1 − ρ² + ρ² × their mean variance; marked "estimated", never shown as published.
 *       A model with no figure on any quality axis sits at the catalogue's middle with the widest interval.</li>
 * </ol>
 */
public final class AxisEstimator {
    /** Spread of one benchmark around the axis it stands for (z units); the bundled catalogue's pooled within-model spread is 0.21–0.45. */
    static final double SPECIFICITY_SD = 0.30;
    /** Extra spread of a vendor's own figure (prompting, harness, selective reporting); independent and measured figures less. */
    static final double VENDOR_SD = 0.20;
    static final double THIRD_PARTY_SD = 0.10;
    static final double MEASURED_SD = 0.05;
    /** Correlation assumed between a model's quality axes (general capability); Epoch AI finds the first component carries about half the variance. */
    static final double RHO = 0.6;

    private final BenchmarkScales scales;
    private final CatalogueNorms norms;
    /**
     * Every text quality axis there is, whatever a use case weighs: a missing axis is estimated from all of them, so
     * the same model gets the same estimate under every use case. Vision benchmarks are left out: a few vision models
     * report them and they say little about code or knowledge.
     */
    private final List<Dimension> textAxes;

    /** @param all every axis ({@code scoring/dimensions.yaml}); the text quality ones inform a missing axis */
    public AxisEstimator(List<Dimension> all, BenchmarkScales scales, CatalogueNorms norms) {
        this.scales = scales;
        this.norms = norms;
        this.textAxes = all.stream().filter(d -> !d.id().equals(Dimensions.EFFICIENCY)
                && !d.id().equals(Dimensions.MULTIMODALITY)).toList();
    }

    /** Every quality axis of {@code dimensions} (efficiency is skipped: it depends on the hardware). */
    public Map<String, AxisEstimate> estimate(Model m, List<Dimension> dimensions, List<MeasuredFigure> measured) {
        List<MeasuredFigure> runs = measured == null ? List.of() : measured;
        Map<String, AxisEstimate> figures = new LinkedHashMap<>();
        for (Dimension d : textAxes) fromFigures(m, d, runs).ifPresent(a -> figures.put(d.id(), a));
        List<AxisEstimate> known = List.copyOf(figures.values());
        Map<String, AxisEstimate> out = new LinkedHashMap<>();
        for (Dimension d : dimensions) {
            if (d.id().equals(Dimensions.EFFICIENCY)) continue;
            if (d.id().equals(Dimensions.MULTIMODALITY) && !m.hasModality("image")) {
                out.put(d.id(), AxisEstimate.absent(d.id(), "text-only model: no image input"));
                continue;
            }
            Optional<AxisEstimate> a = figures.containsKey(d.id()) ? Optional.of(figures.get(d.id())) : fromFigures(m, d, runs);
            out.put(d.id(), a.orElseGet(() -> estimated(d.id(), known, unscored(m, d))));
        }
        return out;
    }

    private Optional<AxisEstimate> fromFigures(Model m, Dimension d, List<MeasuredFigure> measured) {
        double precision = 0, sum = 0, covered = 0, total = 0;
        List<Evidence> used = new ArrayList<>();
        for (var e : d.benchmarks().entrySet()) {
            total += e.getValue();
            Optional<Evidence> ev = evidence(m, e.getKey(), e.getValue(), measured);
            if (ev.isEmpty()) continue;
            Evidence x = ev.get();
            double p = x.weight() / (x.sd() * x.sd());
            precision += p;
            sum += p * x.z();
            covered += x.weight();
            used.add(x);
        }
        if (used.isEmpty()) return Optional.empty();
        double mean = sum / (1 + precision);
        double sd = Math.sqrt(1 / (1 + precision));
        boolean anyMeasured = used.stream().anyMatch(x -> x.kind() == EvidenceKind.MEASURED);
        String unscored = unscored(m, d);
        String note = used.stream().map(AxisEstimator::describe).collect(Collectors.joining(", "))
                + (unscored.isEmpty() ? "" : "; not scored: " + unscored);
        return Optional.of(new AxisEstimate(d.id(), mean, sd, total == 0 ? 0 : covered / total,
                anyMeasured ? EvidenceKind.MEASURED : EvidenceKind.PUBLISHED, used, note));
    }

    /** @param unscored the model's figures on this axis that no catalogue norm can place, named so none is hidden */
    private static AxisEstimate estimated(String axis, List<AxisEstimate> known, String unscored) {
        String none = unscored.isEmpty() ? "no figure" : "no figure that can be scored (" + unscored + ")";
        if (known.isEmpty()) {
            return new AxisEstimate(axis, 0, 1, 0, EvidenceKind.NONE, List.of(),
                    none + " and none on any text quality axis: the catalogue's middle, widest interval");
        }
        double g = known.stream().mapToDouble(AxisEstimate::z).average().orElseThrow();
        double v = known.stream().mapToDouble(a -> a.sd() * a.sd()).average().orElseThrow();
        String from = known.stream().map(AxisEstimate::axis).collect(Collectors.joining(", "));
        // Never above the catalogue's middle: a model weak elsewhere is probably weak here too, but a specialist's strength
        // (a coder's code) says nothing of what it never published.
        return new AxisEstimate(axis, Math.min(0, RHO * g), Math.sqrt(1 - RHO * RHO + RHO * RHO * v), 0, EvidenceKind.ESTIMATED,
                List.of(), none + "; estimated from this model's " + from + (RHO * g > 0 ? " (capped at the catalogue's middle)" : ""));
    }

    /** The model's published figures on {@code d}'s benchmarks that have no norm to be compared with, e.g. "aime_2024 79.8: 2 reporters". */
    private String unscored(Model m, Dimension d) {
        return m.scores().stream()
                .filter(s -> s.kind() != ClaimKind.ARTICLE && d.benchmarks().containsKey(s.benchmark())
                        && scales.get(s.benchmark()).isPresent() && norms.get(s.benchmark(), Setting.of(s)).isEmpty())
                .map(s -> String.format(Locale.US, "%s %s: %d catalogue model%s report%s it, %d needed", s.benchmark(), fmt(s.value()),
                        norms.reporters(s.benchmark(), Setting.of(s)), norms.reporters(s.benchmark(), Setting.of(s)) == 1 ? "" : "s",
                        norms.reporters(s.benchmark(), Setting.of(s)) == 1 ? "s" : "", CatalogueNorms.MIN_REPORTERS))
                .distinct().collect(Collectors.joining("; "));
    }

    private Optional<Evidence> evidence(Model m, String benchmark, double weight, List<MeasuredFigure> measured) {
        Optional<BenchmarkScale> scale = scales.get(benchmark);
        if (scale.isEmpty()) return Optional.empty();
        for (MeasuredFigure f : measured) {
            if (!f.benchmark().equals(benchmark)) continue;
            // Your run serves the model as deployed (a tuned model); compared with the tuned norm when there is one.
            Optional<Norm> n = norms.get(benchmark, Setting.TUNED).or(() -> norms.get(benchmark, Setting.BASE));
            if (n.isPresent()) {
                return Optional.of(of(scale.get(), n.get(), f.value(), EvidenceKind.MEASURED, MEASURED_SD, weight,
                        "run:" + f.runId(), "your run " + f.runId()));
            }
        }
        List<ScoreClaim> claims = m.scores().stream()
                .filter(s -> s.benchmark().equals(benchmark) && s.kind() != ClaimKind.ARTICLE)
                .sorted(Comparator.comparingInt(AxisEstimator::preference)).toList();
        for (ScoreClaim c : claims) {
            Optional<Norm> n = norms.get(benchmark, Setting.of(c));
            if (n.isEmpty()) continue;
            double src = c.kind() == ClaimKind.VENDOR ? VENDOR_SD : THIRD_PARTY_SD;
            return Optional.of(of(scale.get(), n.get(), c.value(), EvidenceKind.PUBLISHED, src, weight, c.source(), c.note()));
        }
        return Optional.empty();
    }

    private static Evidence of(BenchmarkScale scale, Norm n, double value, EvidenceKind kind, double sourceSd, double weight,
                               String source, String note) {
        double z = n.z(scale.logit(value));
        double sampling = scale.logitStandardError(value) / n.sd();
        double sd = Math.sqrt(SPECIFICITY_SD * SPECIFICITY_SD + sourceSd * sourceSd + sampling * sampling);
        return new Evidence(scale.id(), value, n.setting(), kind, z, sd, weight, n.reporters(), n.benchmark(), source, note);
    }

    /** Tuned vendor figure first, then tuned third party, then base vendor, then base third party. */
    private static int preference(ScoreClaim s) {
        boolean tuned = Setting.of(s).equals(Setting.TUNED);
        boolean vendor = s.kind() == ClaimKind.VENDOR;
        return (tuned ? 0 : 2) + (vendor ? 0 : 1);
    }

    static String describe(Evidence e) {
        return String.format(Locale.US, "%s %s (%s%s, z %+.2f vs %d models%s)", e.benchmark(), fmt(e.value()),
                e.kind() == EvidenceKind.MEASURED ? "measured" : e.setting(),
                e.note() != null && e.note().startsWith("published for") ? ", " + e.note().split(";")[0] : "",
                e.z(), e.reporters(), e.normedOn().equals(e.benchmark()) ? "" : " on " + e.normedOn() + ", the test it is drawn from");
    }

    private static String fmt(double v) { return String.format(Locale.US, v >= 10 ? "%.1f" : "%.2f", v); }
}
