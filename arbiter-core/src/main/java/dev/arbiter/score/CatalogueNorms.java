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
 * has no norm: too few to say what is typical.
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

    private CatalogueNorms(Map<String, Norm> norms) { this.norms = Map.copyOf(norms); }

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
        for (var e : logits.entrySet()) {
            List<Double> xs = e.getValue();
            if (xs.size() < MIN_REPORTERS) continue;
            double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double ss = xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            double sd = Math.max(MIN_SD, Math.sqrt(ss / (xs.size() - 1)));
            String[] k = e.getKey().split("/", 2);
            out.put(e.getKey(), new Norm(k[0], k[1], xs.size(), mean, sd));
        }
        return new CatalogueNorms(out);
    }

    public Optional<Norm> get(String benchmark, String setting) {
        return Optional.ofNullable(norms.get(key(benchmark, setting)));
    }

    private static String key(String benchmark, String setting) { return benchmark + "/" + setting; }
}
