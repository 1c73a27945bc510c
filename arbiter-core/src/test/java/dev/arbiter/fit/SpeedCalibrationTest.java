package dev.arbiter.fit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The speed model against published single-stream measurements (fit/speed-calibration.yaml): every tensor-parallel
 * and layer-split row on a 2–8 GPU node within ±35 %, at least 85 % of the one-GPU llama.cpp Q4_K_M rows within
 * ±30 %, partial-offload rows within ±35 %. Prints the table (estimate vs measured) for the record.
 */
class SpeedCalibrationTest {
    private static List<SpeedCalibration.Checked> all;

    @BeforeAll
    static void estimateEveryRow() {
        all = SpeedCalibration.checked();
        System.out.println("speed calibration (" + all.size() + " published measurements):");
        all.forEach(c -> System.out.println("  " + c.line()));
    }

    private static List<SpeedCalibration.Checked> group(String g) {
        return all.stream().filter(c -> c.row().group().equals(g)).toList();
    }

    @Test
    void everyTensorParallelRowOnOneNodeIsWithin35Percent() {
        List<SpeedCalibration.Checked> rows = group("multi-gpu");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(8);
        assertThat(rows).allSatisfy(c -> assertThat(c.within(0.35)).as(c.line()).isTrue());
    }

    @Test
    void everyLayerSplitRowIsWithin35Percent() {
        List<SpeedCalibration.Checked> rows = group("layer-split");
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(c -> assertThat(c.within(0.35)).as(c.line()).isTrue());
    }

    @Test
    void atLeast85PercentOfOneGpuQ4KmRowsAreWithin30Percent() {
        List<SpeedCalibration.Checked> q4km = group("single-gpu").stream().filter(c -> c.row().quant() == Quant.Q4_K_M).toList();
        assertThat(q4km).hasSizeGreaterThanOrEqualTo(12);
        long within = q4km.stream().filter(c -> c.within(0.30)).count();
        assertThat((double) within / q4km.size()).as("%d of %d Q4_K_M rows within ±30%%", within, q4km.size()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void everyOtherOneGpuRowIsWithin35Percent() {
        assertThat(group("single-gpu").stream().filter(c -> c.row().quant() != Quant.Q4_K_M))
                .allSatisfy(c -> assertThat(c.within(0.35)).as(c.line()).isTrue());
    }

    @Test
    void everyPartialOffloadRowIsWithin35Percent() {
        List<SpeedCalibration.Checked> rows = group("offload");
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(c -> assertThat(c.within(0.35)).as(c.line()).isTrue());
    }

    @Test
    void everyRowIsInAKnownGroupWithItsSource() {
        assertThat(all).allSatisfy(c -> {
            assertThat(c.row().group()).isIn("multi-gpu", "layer-split", "single-gpu", "offload");
            assertThat(c.row().source()).startsWith("https://github.com/");
        });
    }
}
