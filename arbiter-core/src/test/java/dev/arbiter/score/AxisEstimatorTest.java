package dev.arbiter.score;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.catalog.Lineage;
import dev.arbiter.catalog.Model;
import dev.arbiter.profile.Dimension;
import dev.arbiter.profile.Dimensions;
import dev.arbiter.profile.Profiler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The quality axes on the bundled catalogue: figures normalised per benchmark and setting, with intervals. */
class AxisEstimatorTest {
    static final Catalog CATALOG = new CatalogLoader().bundled();
    static final BenchmarkScales SCALES = BenchmarkScales.bundled();
    static final CatalogueNorms NORMS = CatalogueNorms.of(CATALOG, SCALES);
    static final List<Dimension> DIMS = Dimensions.bundled();
    static final AxisEstimator ESTIMATOR = new AxisEstimator(DIMS, SCALES, NORMS);

    static Map<String, AxisEstimate> axes(String id, List<MeasuredFigure> measured) {
        Model m = Lineage.withInheritedScores(CATALOG, CATALOG.get(id));
        return ESTIMATOR.estimate(m, DIMS, measured);
    }

    @Test
    void publishingAHardBenchmarkNoLongerDragsAModelBelowOneThatPublishedOnlyAnEasyOne() {
        // Codestral publishes HumanEval 81.1 only; Qwen2.5-Coder-14B HumanEval 89.6, MBPP 86.2 and LiveCodeBench 23.4.
        // The plain mean of percentages put Codestral ahead (81 vs 79); against the catalogue, LiveCodeBench 23.4 is typical.
        Dimension code = DIMS.stream().filter(d -> d.id().equals("code")).findFirst().orElseThrow();
        Model codestral = CATALOG.get("codestral-22b");
        Model coder = CATALOG.get("qwen2.5-coder-14b");
        assertThat(new Profiler(DIMS).profile(codestral).axis("code").value())
                .as("today's plain mean").isGreaterThan(new Profiler(DIMS).profile(coder).axis("code").value());
        AxisEstimate a = axes("codestral-22b", List.of()).get("code");
        AxisEstimate b = axes("qwen2.5-coder-14b", List.of()).get("code");
        assertThat(b.score()).isGreaterThan(a.score() + 10);
        assertThat(code.benchmarks()).containsKey("livecodebench");
        assertThat(b.evidence()).extracting(Evidence::benchmark).contains("livecodebench");
    }

    @Test
    void moreFiguresGiveANarrowerIntervalAndTheCoverageSaysHowMuchOfTheAxisIsBacked() {
        AxisEstimate one = axes("codestral-22b", List.of()).get("code");
        AxisEstimate three = axes("qwen2.5-coder-14b", List.of()).get("code");
        assertThat(three.high() - three.low()).isLessThan(one.high() - one.low());
        assertThat(one.coverage()).isCloseTo(1.0 / 1.75, within(1e-9));
        assertThat(three.coverage()).isCloseTo(1.0, within(1e-9));
        assertThat(three.low()).isLessThan(three.score()).isLessThan(three.high());
    }

    @Test
    void eachBenchmarkIsNormalisedPerSettingAcrossTheModelsThatReportIt() {
        Norm base = NORMS.get("humaneval", Setting.BASE).orElseThrow();
        Norm tuned = NORMS.get("humaneval", Setting.TUNED).orElseThrow();
        assertThat(base.reporters()).isGreaterThanOrEqualTo(CatalogueNorms.MIN_REPORTERS);
        assertThat(tuned.mean()).isGreaterThan(base.mean());  // instruct models score higher than base ones
        // MMLU in the tuned setting: only DeepSeek V3 and R1 publish it, too few to say what is typical
        assertThat(NORMS.get("mmlu", Setting.TUNED)).isEmpty();
    }

    @Test
    void aMeasuredFigureTakesPrecedenceOverThePublishedOneForTheSameBenchmark() {
        AxisEstimate published = axes("qwen2.5-coder-14b", List.of()).get("code");
        AxisEstimate measured = axes("qwen2.5-coder-14b", List.of(new MeasuredFigure("humaneval", 40.0, "run-1"))).get("code");
        assertThat(measured.basis()).isEqualTo(EvidenceKind.MEASURED);
        assertThat(measured.evidence()).filteredOn(e -> e.benchmark().equals("humaneval")).singleElement()
                .satisfies(e -> {
                    assertThat(e.kind()).isEqualTo(EvidenceKind.MEASURED);
                    assertThat(e.value()).isEqualTo(40.0);
                    assertThat(e.source()).isEqualTo("run:run-1");
                });
        assertThat(measured.score()).isLessThan(published.score() - 10);
    }

    @Test
    void aMissingAxisIsEstimatedFromTheModelsOtherAxesAndAModelWithNoFigureSitsInTheMiddleWithTheWidestInterval() {
        AxisEstimate knowledge = axes("qwen2.5-coder-32b", List.of()).get("knowledge");
        AxisEstimate code = axes("qwen2.5-coder-32b", List.of()).get("code");
        assertThat(knowledge.basis()).isEqualTo(EvidenceKind.ESTIMATED);
        assertThat(knowledge.evidence()).isEmpty();
        // a strong coder's missing knowledge is not lifted above the catalogue's middle...
        assertThat(code.z()).isPositive();
        assertThat(knowledge.z()).isEqualTo(0.0);
        // ...while a weak model's missing axis is pulled down with the rest of it
        AxisEstimate weakCode = axes("qwen2.5-coder-0.5b", List.of()).get("code");
        assertThat(axes("qwen2.5-coder-0.5b", List.of()).get("knowledge").z()).isCloseTo(AxisEstimator.RHO * weakCode.z(), within(1e-9)).isNegative();
        assertThat(knowledge.high() - knowledge.low()).isGreaterThan(code.high() - code.low());
        AxisEstimate nothing = axes("pixtral-large", List.of()).get("code");
        assertThat(nothing.basis()).isIn(EvidenceKind.NONE, EvidenceKind.ESTIMATED);
        if (nothing.basis() == EvidenceKind.NONE) {
            assertThat(nothing.score()).isCloseTo(50.0, within(1e-4));
            assertThat(nothing.sd()).isEqualTo(1.0);
        }
    }

    @Test
    void aTextOnlyModelScoresZeroOnMultimodalityAsAKnownAbsenceNotAMissingFigure() {
        AxisEstimate mm = axes("qwen2.5-7b", List.of()).get("multimodality");
        assertThat(mm.knownAbsent()).isTrue();
        assertThat(mm.score()).isZero();
    }

    @Test
    void aMissingAxisIsEstimatedFromAllTheModelsTextAxesWhateverTheUseCaseWeighs() {
        // The edge use case weighs knowledge and conversation only: Qwen2.5-Coder-0.5B has neither, but its published
        // code figures (HumanEval 61.6, MBPP 52.4, LiveCodeBench 2.0) are weak, and they must pull both down as they do
        // under the code use case, not leave them at the catalogue's middle.
        List<Dimension> edge = DIMS.stream().filter(d -> d.id().equals("knowledge") || d.id().equals("conversation")).toList();
        Model m = Lineage.withInheritedScores(CATALOG, CATALOG.get("qwen2.5-coder-0.5b"));
        Map<String, AxisEstimate> underEdge = ESTIMATOR.estimate(m, edge, List.of());
        Map<String, AxisEstimate> underAll = axes("qwen2.5-coder-0.5b", List.of());
        assertThat(underEdge.keySet()).containsExactly("knowledge", "conversation");
        for (String axis : List.of("knowledge", "conversation")) {
            AxisEstimate a = underEdge.get(axis);
            assertThat(a.basis()).as(axis).isEqualTo(EvidenceKind.ESTIMATED);
            assertThat(a.note()).as(axis).contains("code").doesNotContain("no figure on any");
            assertThat(a.z()).as(axis).isNegative().isEqualTo(underAll.get(axis).z());
            assertThat(a.sd()).as(axis).isEqualTo(underAll.get(axis).sd());
        }
    }

    @Test
    void aFigureOnAThinlyReportedSubsetIsPlacedOnItsFullTestsNormNotDiscarded() {
        // MATH-500 is reported by DeepSeek V3 and R1 only (fewer than 4): it is a uniform sample of MATH's test, so R1's
        // 97.3 is compared with the tuned MATH reporters. AIME 2024 has no such parent: named as not scored, not hidden.
        Norm math = NORMS.get("math", Setting.TUNED).orElseThrow();
        assertThat(NORMS.reporters("math_500", Setting.TUNED)).isLessThan(CatalogueNorms.MIN_REPORTERS);
        assertThat(NORMS.get("math_500", Setting.TUNED)).contains(math);
        AxisEstimate r1 = axes("deepseek-r1", List.of()).get("math");
        assertThat(r1.basis()).isEqualTo(EvidenceKind.PUBLISHED);
        assertThat(r1.evidence()).singleElement().satisfies(e -> {
            assertThat(e.benchmark()).isEqualTo("math_500");
            assertThat(e.normedOn()).isEqualTo("math");
            assertThat(e.value()).isEqualTo(97.3);
            assertThat(e.reporters()).isEqualTo(math.reporters());
        });
        assertThat(r1.note()).contains("math_500 97.3").contains("on math").contains("not scored: aime_2024 79.8: 2 catalogue models report it");
        // the best MATH figure of the catalogue's math specialists is below R1's
        assertThat(r1.score()).isGreaterThan(axes("qwen2.5-math-72b", List.of()).get("math").score());
    }
}
