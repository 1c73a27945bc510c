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
    static final AxisEstimator ESTIMATOR = new AxisEstimator(SCALES, NORMS);
    static final List<Dimension> DIMS = Dimensions.bundled();

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
}
