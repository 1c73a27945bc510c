package dev.arbiter.report;

import dev.arbiter.client.GenerationConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunReportOrderTest {
    @Test
    void sampleIdsSortNaturally() {
        List<String> ids = new ArrayList<>(List.of("g10", "g2", "HumanEval/10", "HumanEval/9", "g1", "a", "g02x"));
        ids.sort(RunReport::compareNatural);
        assertThat(ids).containsExactly("HumanEval/9", "HumanEval/10", "a", "g1", "g2", "g02x", "g10");
    }

    @Test
    void generationSettingsReadAsDataNotAJavaRecord() {
        String s = RunReport.settings(new GenerationConfig(0.0, null, 256, null, List.of("Q:"), null, null));
        assertThat(s).isEqualTo("temperature: 0.0, max_tokens: 256, stop: [\"Q:\"]").doesNotContain("GenerationConfig[");
    }
}
