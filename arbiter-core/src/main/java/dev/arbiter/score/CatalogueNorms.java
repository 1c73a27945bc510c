package dev.arbiter.score;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.ClaimKind;
import dev.arbiter.catalog.Model;
import dev.arbiter.catalog.ScoreClaim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every benchmark, per setting, put on one scale across the catalogue's models that report it: the mean and
 * standard deviation of their figures on the logit scale (after removing the chance floor). A figure's standard
 * score against this norm says how it compares with the catalogue, so publishing a hard benchmark (LiveCodeBench,
 * GPQA) no longer drags a model down: it is compared with the other models that took the same test.
 *
 * <p>Only a model's own figures count (not those it borrows from a predecessor), each model once per benchmark
 * and setting, vendor figure before third party. A setting reported by fewer than {@link #MIN_REPORTERS} models
 * has no norm of its own: too few to say what is typical, and the few that report a hard new benchmark are the
 * frontier models, so their mean is no catalogue middle. A benchmark that is a uniform sample of another
 * ({@link BenchmarkScale#subsetOf}: MATH-500 of MATH) is then placed on the full test's norm in the same setting:
 * a subset's figure estimates the full test's (with the subset's own, larger, sampling error).
 */
public final class CatalogueNorms {
    /** Fewest reporting models for a benchmark/setting to be normalised. */
    public static final int MIN_REPORTERS = 4;
    /**
     * Floor on a norm's standard deviation (logit units): a benchmark where the few reporters happen to agree must not
     * turn a one-point difference into several standard deviations.
     */
    static final double MIN_SD = 0.25;

    private final Map<String, Norm> norms;
    /** Reporting models per benchmark/setting, normalised or not: to say why a figure could not be scored. */
    private final Map<String, Integer> reporters;

    private CatalogueNorms(Map<String, Norm> norms, Map<String, Integer> reporters) {
        this.norms = Map.copyOf(norms);
        this.reporters = Map.copyOf(reporters);
    }

    public static CatalogueNorms of(Catalog catalog, BenchmarkScales scales) {
        Map<String, List<Double>> logits = new LinkedHashMap<>();
        for (Model m : catalog.models()) {
            Map<String, ScoreClaim> first = new HashMap<>();
            m.scores().stream().filter(s -> s.kind() != ClaimKind.ARTICLE)
                    .sorted(Comparator.comparing(ScoreClaim::kind))
                    .forEach(s -> first.putIfAbsent(key(s.benchmark(), Setting.of(s)), s));
            for (var e : first.entrySet()) {
                scales.get(e.getValue().benchmark()).ifPresent(scale ->
                        logits.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(scale.logit(e.getValue().value())));
            }
        }
        Map<String, Norm> out = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (var e : logits.entrySet()) {
            List<Double> xs = e.getValue();
            counts.put(e.getKey(), xs.size());
            if (xs.size() < MIN_REPORTERS) continue;
            double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double ss = xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            double sd = Math.max(MIN_SD, Math.sqrt(ss / (xs.size() - 1)));
            String[] k = e.getKey().split("/", 2);
            out.put(e.getKey(), new Norm(k[0], k[1], xs.size(), mean, sd));
        }
        // A thinly reported subset borrows its full test's norm (same setting); the norm keeps the full test's name.
        for (BenchmarkScale b : scales.entries().scales()) {
            if (b.subsetOf() == null) continue;
            for (String setting : List.of(Setting.BASE, Setting.TUNED)) {
                Norm parent = out.get(key(b.subsetOf(), setting));
                if (parent != null) out.putIfAbsent(key(b.id(), setting), parent);
            }
        }
        return new CatalogueNorms(out, counts);
    }

    /** The norm a figure on {@code benchmark} in {@code setting} is compared with: its own, or its full test's. */
    public Optional<Norm> get(String benchmark, String setting) {
        return Optional.ofNullable(norms.get(key(benchmark, setting)));
    }

    /** How many catalogue models report {@code benchmark} in {@code setting} themselves, 0 if none. */
    public int reporters(String benchmark, String setting) {
        return reporters.getOrDefault(key(benchmark, setting), 0);
    }

    private static String key(String benchmark, String setting) { return benchmark + "/" + setting; }
}
