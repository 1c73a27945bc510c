package dev.arbiter.compare;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MeasuredRunsTest {
    @Test
    void mmmuFillsTheCataloguesMmmuColumnWithAccuracyInPercent() {
        assertThat(MeasuredRuns.column("mmmu", "mmmu")).isEqualTo(new MeasuredRuns.Column("mmmu", "accuracy", 100));
        assertThat(Comparison.EXTRA_BENCHMARKS).contains("mmmu", "aime_2024");
    }

    @Test
    void aimeFillsTheAime2024ColumnOnlyWhenTheRunWasOnThe2024Problems() {
        assertThat(MeasuredRuns.column("aime", "aime_2024")).isEqualTo(new MeasuredRuns.Column("aime_2024", "accuracy", 100));
        assertThat(MeasuredRuns.column("aime", "aime_2025")).isNull();
        assertThat(MeasuredRuns.column("aime", "aime")).isNull();
    }
}
