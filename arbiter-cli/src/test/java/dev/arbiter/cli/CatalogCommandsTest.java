package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogCommandsTest {
    @TempDir Path tmp;

    @Test
    void modelsPrintsOneJsonDocumentWithSchemaVersionAndSnakeCaseKeys() {
        CliRun r = CliRun.of("models", "--format", "json");
        assertThat(r.exit()).isEqualTo(ExitCode.OK);
        JsonNode j = r.json();
        assertThat(j.get("schema_version").asInt()).isEqualTo(JsonOut.SCHEMA_VERSION);
        assertThat(j.get("models").size()).isGreaterThan(0);
        JsonNode first = j.get("models").get(0);
        assertThat(first.has("total_params")).isTrue();
        assertThat(first.has("context_length")).isTrue();
    }

    @Test
    void modelsTextGoesToStdoutAndTheCountToStderr() {
        CliRun r = CliRun.of("models");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("qwen2.5-7b");
        assertThat(r.err()).containsPattern("\\d+ models;").contains("counted from each architecture");
    }

    @Test
    void showDescribesAResearchLicenceAsRecommendsLicenceFilterReadsIt() {
        // Qwen's research licence and Mistral's MRL have a commercial route (a vendor agreement): recommend's default keeps
        // them marked needs_agreement, so show must not call them "research only"
        for (String id : List.of("qwen2.5-3b", "pixtral-large")) {
            CliRun r = CliRun.of("show", id);
            assertThat(r.out()).as(id).contains("commercial use NOT allowed without a commercial agreement with the vendor")
                    .doesNotContain("research only");
        }
        assertThat(CliRun.of("show", "qwen2.5-7b").out()).contains("commercial use allowed");
    }

    @Test
    void showPrintsArchitectureLicenceAndSourcedScores() {
        CliRun r = CliRun.of("show", "qwen2.5-7b", "--json");
        assertThat(r.exit()).isZero();
        JsonNode m = r.json().get("model");
        assertThat(m.get("architecture").get("kv_heads").asInt()).isEqualTo(4);
        assertThat(m.get("license").get("commercial_use").asBoolean()).isTrue();
        for (JsonNode s : m.get("scores")) assertThat(s.get("source").asText()).isNotBlank();
        assertThat(r.json().has("discrepancies")).isTrue();
        // Qwen2.5-7B: the count from its config.json equals Hugging Face's 7,615,616,512 exactly
        assertThat(r.json().get("computed_params").get("total").asLong()).isEqualTo(7_615_616_512L);
        assertThat(r.json().get("computed_params").get("total_difference_pct").asDouble()).isZero();
    }

    @Test
    void showComparesARefreshsArticleFiguresWithItsPredecessorsVendorFiguresMarkedBorrowed() {
        CliRun r = CliRun.of("show", "mistral-large-2");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("humaneval: the article says 81.9, the vendor says 92.0 (instruct, borrowed: published for mistral-large-2407)")
                .doesNotContain("publishes no humaneval");
        JsonNode d = CliRun.of("show", "mistral-large-2", "--json").json().get("discrepancies").get(0);
        assertThat(d.get("vendor_borrowed_from").asText()).isEqualTo("mistral-large-2407");
    }

    @Test
    void showAlignsTheScoreValuesEvenForALongBenchmarkName() {
        // Scout's scores include "livecodebench", longer than the 12-character default column
        CliRun r = CliRun.of("show", "llama-4-scout");
        var valueEnds = r.out().lines().filter(l -> l.matches("    [a-z_]+ +[0-9.]+ .*"))
                .map(l -> l.indexOf(' ', l.indexOf('.'))).distinct().toList();
        assertThat(valueEnds).hasSize(1);
    }

    @Test
    void showSaysHowOftenAGlobalAttentionLayerComesInPlainWords() {
        CliRun r = CliRun.of("show", "gemma-3-27b");
        assertThat(r.out()).contains("sliding attention window 1024, one layer in 6 global").doesNotContain("6-th");
    }

    @Test
    void unknownModelExitsTwoAndSuggestsTheNearestId() {
        CliRun r = CliRun.of("show", "qwen2.5-7");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("unknown model 'qwen2.5-7'").contains("qwen2.5-7b");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFormatOnlyCompareOffersIsRejectedByOtherCommandsInsteadOfPrintingText() {
        CliRun r = CliRun.of("models", "--format", "html");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("--format").contains("text, json");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void compareStillOffersMarkdownCsvAndHtml() {
        assertThat(CliRun.of("compare", "qwen2.5-7b", "--format", "markdown").out()).startsWith("| Model |");
        assertThat(CliRun.of("compare", "qwen2.5-7b", "--format", "csv").out()).startsWith("model,");
    }

    @Test
    void topLevelHelpListsEveryCommandWithoutAFormatWarning() {
        // picocli's tracer writes "[picocli WARN] Could not format ..." to System.err, not to the command's stream.
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream traced = new java.io.ByteArrayOutputStream();
        CliRun r;
        try {
            System.setErr(new java.io.PrintStream(traced, true, java.nio.charset.StandardCharsets.UTF_8));
            r = CliRun.of("--help");
        } finally {
            System.setErr(saved);
        }
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("recommend").contains("diff");
        assertThat(traced.toString(java.nio.charset.StandardCharsets.UTF_8) + r.err()).doesNotContain("WARN");
    }

    @Test
    void showOfAnImportedEntrySaysWhatIsNotStatedRatherThanNull() throws Exception {
        Path cfg = tmp.resolve("config.json");
        Files.writeString(cfg, """
                {"model_type": "llama", "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 4,
                 "vocab_size": 100, "intermediate_size": 128, "max_position_embeddings": 4096}
                """);
        Path entry = tmp.resolve("tiny.yaml");
        assertThat(CliRun.of("import-config", cfg.toString(), "--id", "tiny", "--out", entry.toString()).exit()).isZero();
        CliRun r = CliRun.of("show", "tiny", "--catalog", entry.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().findFirst().orElseThrow()).doesNotContain("null").contains("vendor not stated");
    }

    @Test
    void noCommandPrintsTheCommandListOnStderrAndExitsTwo() {
        CliRun r = CliRun.of();
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("recommend").contains("eval");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownOptionExitsTwo() {
        assertThat(CliRun.of("models", "--nope").exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void malformedCatalogueFileNamesTheFileTheEntryAndTheField() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, """
                family: test
                models:
                  - id: broken-model
                    name: Broken
                    license_id: apache-2.0
                    context_length: 4096
                    architecture:
                      source: https://example.org/config.json
                      layers: 4
                      hidden_size: 256
                      attention_heads: 4
                      kv_heads: -1
                      vocab_size: 1000
                      intermediate_size: 512
                    official_params: {total: 1000000, source: https://example.org}
                """);
        CliRun r = CliRun.of("models", "--catalog", bad.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains(bad.toString()).contains("line 3").contains("broken-model").contains("kv_heads");
    }

    @Test
    void aScoreOutsideItsBenchmarksScaleIsRejectedNamingTheField() throws Exception {
        Path bad = tmp.resolve("score.yaml");
        Files.writeString(bad, """
                family: test
                models:
                  - id: over-scored
                    name: Over
                    license_id: apache-2.0
                    context_length: 4096
                    architecture: {source: local, layers: 2, hidden_size: 64, attention_heads: 4, vocab_size: 100, intermediate_size: 128}
                    official_params: {total: 100000, source: local}
                    scores:
                      - {benchmark: mmlu, value: 5000, variant: base, kind: vendor, source: https://example.org}
                """);
        CliRun r = CliRun.of("models", "--catalog", bad.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("over-scored").contains("scores").contains("0..100");
    }

    @Test
    void missingCatalogueFileExitsThree() {
        CliRun r = CliRun.of("models", "--catalog", tmp.resolve("nope.yaml").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.UNAVAILABLE);
    }

    @Test
    void userEntryWithAnExistingIdReplacesTheBundledOne() throws Exception {
        Path mine = tmp.resolve("mine.yaml");
        Files.writeString(mine, """
                family: mine
                models:
                  - id: qwen2.5-7b
                    name: My Qwen override
                    license_id: apache-2.0
                    context_length: 32768
                    architecture: {source: local, layers: 28, hidden_size: 3584, attention_heads: 28, kv_heads: 4,
                      head_dim: 128, vocab_size: 152064, intermediate_size: 18944, attention_bias: true}
                    official_params: {total: 7615616512, source: local}
                """);
        CliRun r = CliRun.of("show", "qwen2.5-7b", "--catalog", mine.toString(), "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.json().get("model").get("name").asText()).isEqualTo("My Qwen override");
    }

    @Test
    void importConfigTurnsAHuggingFaceConfigIntoAnEntryTheCatalogueAccepts() throws Exception {
        Path cfg = tmp.resolve("config.json");
        Files.writeString(cfg, """
                {"model_type": "qwen2", "hidden_size": 3584, "intermediate_size": 18944, "max_position_embeddings": 32768,
                 "num_attention_heads": 28, "num_hidden_layers": 28, "num_key_value_heads": 4, "sliding_window": 131072,
                 "use_sliding_window": false, "tie_word_embeddings": false, "vocab_size": 152064}
                """);
        Path out = tmp.resolve("entry.yaml");
        CliRun r = CliRun.of("import-config", cfg.toString(), "--id", "my-qwen", "--license", "apache-2.0", "--out", out.toString());
        assertThat(r.exit()).isZero();
        CliRun shown = CliRun.of("show", "my-qwen", "--catalog", out.toString(), "--json");
        assertThat(shown.exit()).isZero();
        JsonNode m = shown.json().get("model");
        // Qwen2.5-7B: 7,615,616,512 parameters (HF safetensors metadata); the importer computes it from the config.
        assertThat(m.get("official_params").get("total").asLong()).isEqualTo(7_615_616_512L);
        assertThat(m.get("architecture").get("attention_bias").asBoolean()).isTrue();
        assertThat(m.get("architecture").has("local_attention")).isFalse();
    }

    @Test
    void importConfigRejectsAConfigWithoutLayersNamingTheField() throws Exception {
        Path cfg = tmp.resolve("config.json");
        Files.writeString(cfg, "{\"model_type\": \"llama\", \"hidden_size\": 4096}");
        CliRun r = CliRun.of("import-config", cfg.toString(), "--id", "x");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("num_hidden_layers");
    }

    @Test
    void compareJsonHasRowsWithSourcesAndSixAxes() {
        CliRun r = CliRun.of("compare", "qwen2.5-7b", "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode row = r.json().get("rows").get(0);
        assertThat(row.get("scores").get("mmlu").get("source").asText()).startsWith("http");
        assertThat(row.get("profile").get("axes").size()).isEqualTo(6);
        assertThat(r.json().get("axes").size()).isEqualTo(6);
    }

    @Test
    void compareHtmlIsSelfContainedWithTheChartLibraryInlined() throws Exception {
        Path out = tmp.resolve("c.html");
        CliRun r = CliRun.of("compare", "qwen2.5-7b", "--format", "html", "--out", out.toString());
        assertThat(r.exit()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("new Chart(").contains("Chart.js").doesNotContain("<script src=");
        assertThat(html).doesNotContainPattern("https?://[^\"]*cdn");
    }
}
