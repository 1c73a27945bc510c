package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The same figure is printed the same way in every view. */
class SameFiguresAcrossViewsTest {
    @Test
    void modelsAndFitCountTheSameParameters() {
        assertThat(CliRun.of("models").out()).containsPattern("mistral-large-2 +122\\.6B");
        assertThat(CliRun.of("fit", "mistral-large-2", "--quant", "Q4_K_M").out()).contains("122.6B total");
        JsonNode models = CliRun.of("models", "--format", "json").json();
        for (JsonNode m : models.findValues("models").get(0)) {
            if (m.get("id").asText().equals("codestral-22b")) assertThat(m.get("license_use").asText()).isEqualTo("needs_agreement");
        }
    }

    @Test
    void compareCsvGivesAxesOnTheSame0To100ScaleAsTextAndHtml() {
        String csv = CliRun.of("compare", "qwen2.5-7b", "--format", "csv").out();
        String[] header = csv.lines().findFirst().orElseThrow().split(",");
        String[] row = csv.lines().skip(1).findFirst().orElseThrow().split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        for (int i = 0; i < header.length; i++) {
            if (header[i].startsWith("axis_") && i < row.length && !row[i].isEmpty()) {
                assertThat(row[i]).as(header[i]).matches("\\d{1,3}");
            }
        }
        assertThat(String.join(",", header)).contains("axis_knowledge");
    }
}
