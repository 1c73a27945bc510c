package dev.arbiter.compare;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.ClaimKind;
import dev.arbiter.catalog.Lineage;
import dev.arbiter.catalog.Model;
import dev.arbiter.catalog.ScoreClaim;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.profile.Dimension;
import dev.arbiter.profile.Profiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The article's comparison table (params, MMLU, HumanEval, MT-Bench, MATH, context, licence) with sources, plus
 * the six-axis profile per model. Built once; rendered by {@link ComparisonRenderer} in every format.
 */
public record Comparison(List<String> benchmarks, List<ComparisonRow> rows, List<Dimension> axes, Map<String, CostCell> costs) {
    public Comparison(List<String> benchmarks, List<ComparisonRow> rows, List<Dimension> axes) {
        this(benchmarks, rows, axes, null);
    }

    /** The same comparison with each model's serving cost (by model id) beside its figures. */
    public Comparison withCosts(Map<String, CostCell> costs) {
        return new Comparison(benchmarks, rows, axes, costs == null ? null : Map.copyOf(costs));
    }

    /** The benchmarks of the article's table, in its order. */
    public static final List<String> TABLE_BENCHMARKS = List.of("mmlu", "humaneval", "mt_bench", "math");
    /** Columns added only when a measured run fills them (the article's table has none of these). */
    public static final List<String> EXTRA_BENCHMARKS = List.of("gsm8k", "mmlu_pro", "mmlu_redux", "gpqa", "ifeval", "chartqa", "docvqa", "mmmu", "aime_2024");

    public static Comparison of(Catalog catalog, List<String> ids, Profiler profiler, Map<String, Map<String, Measured>> measured) {
        if (ids.isEmpty()) throw new InvalidInputException("compare needs at least one model id");
        List<Model> models = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) models.add(Lineage.withInheritedScores(catalog, catalog.get(id)));
        List<String> benchmarks = new ArrayList<>(TABLE_BENCHMARKS);
        for (String b : EXTRA_BENCHMARKS) {
            if (measured.values().stream().anyMatch(byBenchmark -> byBenchmark.containsKey(b))) benchmarks.add(b);
        }
        List<ComparisonRow> rows = new ArrayList<>();
        for (Model m : models) {
            Map<String, Cell> cells = new LinkedHashMap<>();
            Map<String, Measured> mine = measured.getOrDefault(m.id(), Map.of());
            for (String b : benchmarks) cells.put(b, cell(m, b, mine.get(b)));
            rows.add(new ComparisonRow(m.id(), m.name(), m.officialParams().total(), m.officialParams().active(),
                    m.contextLength(), m.license().name(), m.license().commercialUse(), m.license().url(),
                    m.officialParams().source(), cells, profiler.profile(m)));
        }
        return new Comparison(benchmarks, rows, profiler.dimensions());
    }

    /**
     * A figure measured by the user's own run, to show beside the published one.
     *
     * @param setting  how the run asked (profile, shots, CoT), from its manifest
     * @param progress how far the run got (status, answers of those planned); null when not known
     */
    public record Measured(double value, String runId, MeasuredSetting setting, MeasuredRuns.Progress progress) {
        public Measured {
            if (setting == null) setting = new MeasuredSetting(null, null, null);
        }

        public Measured(double value, String runId) { this(value, runId, null, null); }

        public Measured(double value, String runId, MeasuredSetting setting) { this(value, runId, setting, null); }
    }

    static Cell cell(Model m, String benchmark, Measured measured) {
        Optional<ScoreClaim> vendor = Profiler.preferred(m, benchmark);
        ScoreClaim article = m.scores().stream()
                .filter(s -> s.kind() == ClaimKind.ARTICLE && s.benchmark().equals(benchmark))
                .findFirst().orElse(null);
        String matches = article == null ? null : m.scores().stream()
                .filter(s -> s.kind() != ClaimKind.ARTICLE && s.benchmark().equals(benchmark)
                        && Math.abs(s.value() - article.value()) < 0.05)
                .map(s -> s.variant() + (s.shots() == null ? "" : " " + s.shots() + "-shot")).findFirst().orElse(null);
        List<ScoreClaim> published = new ArrayList<>();
        vendor.ifPresent(published::add);
        m.scores().stream().filter(s -> s.benchmark().equals(benchmark) && !published.contains(s)).forEach(published::add);
        MeasuredRuns.Progress progress = measured == null ? null : measured.progress();
        return new Cell(vendor.map(ScoreClaim::value).orElse(null), vendor.map(Comparison::setting).orElse(null),
                vendor.map(ScoreClaim::source).orElse(null),
                article == null ? null : article.value(), article == null ? null : setting(article),
                article == null ? null : article.source(), matches, article == null ? null : article.vendorLookup(),
                measured == null ? null : measured.value(), measured == null ? null : measured.runId(),
                measured == null ? null : measured.setting().label(),
                measured == null ? null : measured.setting().versus(published, ComparisonRenderer::fmt),
                progress == null ? null : progress.status(),
                progress == null ? null : progress.answered(),
                progress == null ? null : progress.planned());
    }

    static String setting(ScoreClaim c) {
        List<String> parts = new ArrayList<>();
        if (c.variant() != null) parts.add(c.variant());
        if (c.shots() != null) parts.add(c.shots() + "-shot");
        if (c.metric() != null) parts.add(c.metric());
        if (c.note() != null) parts.add(c.note());
        return String.join(", ", parts).toLowerCase(Locale.ROOT).isEmpty() ? null : String.join(", ", parts);
    }
}
