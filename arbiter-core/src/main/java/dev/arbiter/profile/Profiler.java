package dev.arbiter.profile;

import dev.arbiter.catalog.ClaimKind;
import dev.arbiter.catalog.Model;
import dev.arbiter.catalog.ScoreClaim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a model's published scores into axis values. Article claims are never used (they are what is being checked);
 * per benchmark the preferred claim is the vendor's instruct (or reasoning) figure, then the vendor's base figure,
 * then a third party's.
 */
public final class Profiler {
    private final List<Dimension> dimensions;

    public Profiler(List<Dimension> dimensions) {
        this.dimensions = List.copyOf(dimensions);
    }

    public static Profiler bundled() { return new Profiler(Dimensions.bundled()); }

    public List<Dimension> dimensions() { return dimensions; }

    public ModelProfile profile(Model m) {
        Map<String, AxisScore> axes = new LinkedHashMap<>();
        for (Dimension d : dimensions) axes.put(d.id(), axis(m, d));
        return new ModelProfile(m.id(), axes);
    }

    private AxisScore axis(Model m, Dimension d) {
        if (d.id().equals(Dimensions.EFFICIENCY)) return EfficiencyScore.of(m);
        double sum = 0, weights = 0;
        List<ScoreClaim> used = new ArrayList<>();
        for (var e : d.benchmarks().entrySet()) {
            Optional<ScoreClaim> c = preferred(m, e.getKey());
            if (c.isEmpty()) continue;
            sum += e.getValue() * normalise(c.get());
            weights += e.getValue();
            used.add(c.get());
        }
        if (weights == 0) {
            if (d.id().equals(Dimensions.MULTIMODALITY) && !m.hasModality("image")) {
                return new AxisScore(d.id(), 0.0, List.of(), "text-only model: no image input");
            }
            return new AxisScore(d.id(), null, List.of(), "no published figure");
        }
        used.sort(Comparator.comparing(ScoreClaim::benchmark));
        String note = used.stream().map(c -> String.format(Locale.US, "%s %s (%s%s)", c.benchmark(),
                fmt(c.value()), c.variant(), c.shots() == null ? "" : ", " + c.shots() + "-shot"))
                .reduce((a, b) -> a + ", " + b).orElse("");
        return new AxisScore(d.id(), Math.min(1.0, sum / weights), used, note);
    }

    /** The claim Arbiter scores with for one benchmark, or empty. */
    public static Optional<ScoreClaim> preferred(Model m, String benchmark) {
        return m.scores().stream()
                .filter(s -> s.benchmark().equals(benchmark) && s.kind() != ClaimKind.ARTICLE)
                .min(Comparator.comparingInt(Profiler::rank));
    }

    private static int rank(ScoreClaim s) {
        boolean tuned = "instruct".equals(s.variant()) || "reasoning".equals(s.variant());
        if (s.kind() == ClaimKind.VENDOR) return tuned ? 0 : 1;
        return tuned ? 2 : 3;
    }

    /** Published value → 0..1: MT-Bench is on 1–10, everything else is a percentage. */
    public static double normalise(ScoreClaim c) {
        double v = c.benchmark().equals("mt_bench") ? c.value() / 10.0 : c.value() / 100.0;
        return Math.max(0, Math.min(1, v));
    }

    private static String fmt(double v) {
        return String.format(Locale.US, "%.1f", v);
    }
}
