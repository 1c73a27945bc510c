package dev.arbiter.profile;

import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.ClaimKind;
import dev.arbiter.catalog.Model;
import dev.arbiter.catalog.OfficialParams;
import dev.arbiter.catalog.ScoreClaim;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProfilerTest {
    static Model model(List<String> modalities, List<ScoreClaim> scores, long total, long active) {
        Architecture a = new Architecture(2, 64, 4, 4, 16, 100, true, 128, false, null, null, null, 0, null, "test");
        return new Model("m", "M", "f", "v", null, null, null, 4096, modalities, null, null, null, "apache-2.0", null, a,
                new OfficialParams(total, active, "test"), scores, null, null);
    }

    static ScoreClaim claim(String b, double v, String variant, ClaimKind k) {
        return new ScoreClaim(b, v, variant, 5, "accuracy", k, "https://example.org/" + b, null);
    }

    @Test
    void prefersTheVendorsInstructFigureAndNeverTheArticles() {
        Model m = model(List.of("text"), List.of(claim("mmlu", 70, "base", ClaimKind.VENDOR),
                claim("mmlu", 75, "instruct", ClaimKind.VENDOR), claim("mmlu", 90, null, ClaimKind.ARTICLE)), 7_000_000_000L, 7_000_000_000L);
        AxisScore k = Profiler.bundled().profile(m).axis("knowledge");
        assertThat(k.value()).isCloseTo(0.75, within(1e-9));
        assertThat(k.basis()).extracting(ScoreClaim::kind).containsOnly(ClaimKind.VENDOR);
    }

    @Test
    void aMissingFigureIsMissingNotZero() {
        Model m = model(List.of("text", "image"), List.of(), 7_000_000_000L, 7_000_000_000L);
        ModelProfile p = Profiler.bundled().profile(m);
        assertThat(p.axis("code").missing()).isTrue();
        assertThat(p.axis("multimodality").missing()).isTrue();
    }

    @Test
    void aTextOnlyModelScoresZeroOnMultimodalityWithTheReason() {
        AxisScore mm = Profiler.bundled().profile(model(List.of("text"), List.of(), 1_000_000_000L, 1_000_000_000L)).axis("multimodality");
        assertThat(mm.value()).isZero();
        assertThat(mm.note()).contains("text-only");
    }

    @Test
    void mtBenchIsNormalisedFromItsTenPointScale() {
        Model m = model(List.of("text"), List.of(new ScoreClaim("mt_bench", 8.5, "instruct", null, "judge_score",
                ClaimKind.VENDOR, "https://example.org", null)), 7_000_000_000L, 7_000_000_000L);
        assertThat(Profiler.bundled().profile(m).axis("conversation").value()).isCloseTo(0.85, within(1e-9));
    }

    @Test
    void efficiencyIsOneAtHalfABillionAndZeroAtATrillionOnALogScale() {
        assertThat(EfficiencyScore.term(500_000_000L)).isCloseTo(1.0, within(1e-9));
        assertThat(EfficiencyScore.term(1_000_000_000_000L)).isCloseTo(0.0, within(1e-9));
        // sqrt(0.5e9 * 1000e9) is the geometric midpoint: 22.36e9 → 0.5
        assertThat(EfficiencyScore.term(22_360_679_775L)).isCloseTo(0.5, within(1e-6));
    }
}
