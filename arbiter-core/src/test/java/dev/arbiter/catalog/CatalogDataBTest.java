package dev.arbiter.catalog;

import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The bundled Gemma 3 and Qwen 2.5 data: present, sourced, self-consistent, and rejected clearly when broken. */
class CatalogDataBTest {
    private static final Catalog CATALOG = new CatalogLoader().bundled();

    static Stream<String> ownedIds() {
        return Stream.of("gemma-3-1b", "gemma-3-4b", "gemma-3-12b", "gemma-3-27b", "shieldgemma-2-4b",
                "qwen2.5-0.5b", "qwen2.5-1.5b", "qwen2.5-3b", "qwen2.5-7b", "qwen2.5-14b", "qwen2.5-32b", "qwen2.5-72b",
                "qwen2.5-coder-0.5b", "qwen2.5-coder-1.5b", "qwen2.5-coder-3b", "qwen2.5-coder-7b", "qwen2.5-coder-14b",
                "qwen2.5-coder-32b", "qwen2.5-math-1.5b", "qwen2.5-math-7b", "qwen2.5-math-72b",
                "qwen2.5-vl-3b", "qwen2.5-vl-7b", "qwen2.5-vl-72b");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownedIds")
    void everyOwnedIdIsInTheBundledCatalogue(String id) {
        assertThat(CATALOG.find(id)).as(id).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownedIds")
    void everyScoreNamesWhereItWasPublished(String id) {
        for (ScoreClaim s : CATALOG.get(id).scores()) {
            assertThat(s.source()).as(id + " " + s.benchmark()).isNotBlank();
            if (s.kind() == ClaimKind.ARTICLE) {
                assertThat(s.source()).isEqualTo("article:comparatif-llm-open-source-2026");
            } else {
                assertThat(s.source()).as(id + " " + s.benchmark()).startsWith("https://");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownedIds")
    void parametersComputedFromTheArchitectureAreWithinOnePercentOfTheOfficialCount(String id) {
        Model m = CATALOG.get(id);
        long computed = ParamCounter.count(m.architecture()).total();
        long official = m.officialParams().total();
        assertThat((double) computed).as(id + " computed vs official " + official)
                .isCloseTo(official, within(official * 0.01));
    }

    @Test
    void gemma327bHas62LayersOfWhichOneInSixAttendsGlobally() {
        Architecture a = CATALOG.get("gemma-3-27b").architecture();
        assertThat(a.layers()).isEqualTo(62);
        assertThat(a.headDim()).isEqualTo(128);
        assertThat(a.localAttention().kind()).isEqualTo("sliding");
        assertThat(a.localAttention().window()).isEqualTo(1024);
        assertThat(a.localAttention().globalEvery()).isEqualTo(6);
        assertThat(a.globalLayers()).isEqualTo(10);
        assertThat(a.localAttention().isGlobal(5)).isTrue();
        assertThat(a.localAttention().isGlobal(6)).isFalse();
    }

    @Test
    void gemma31bSlidesOverA512TokenWindowWithin32kContext() {
        Model m = CATALOG.get("gemma-3-1b");
        assertThat(m.architecture().localAttention().window()).isEqualTo(512);
        assertThat(m.contextLength()).isEqualTo(32_768);
        assertThat(m.hasModality("image")).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"gemma-3-27b, gemma", "shieldgemma-2-4b, gemma", "qwen2.5-0.5b, apache-2.0", "qwen2.5-3b, qwen-research",
            "qwen2.5-7b, apache-2.0", "qwen2.5-72b, qwen", "qwen2.5-coder-3b, qwen-research", "qwen2.5-coder-32b, apache-2.0",
            "qwen2.5-math-7b, apache-2.0", "qwen2.5-math-72b, qwen", "qwen2.5-vl-3b, qwen-research",
            "qwen2.5-vl-7b, apache-2.0", "qwen2.5-vl-72b, qwen"})
    void eachModelCarriesTheLicenceItsCardTagNames(String id, String licenceId) {
        assertThat(CATALOG.get(id).license().id()).isEqualTo(licenceId);
    }

    @Test
    void qwen253bIsNotLicensedForCommercialUse() {
        License l = CATALOG.get("qwen2.5-3b").license();
        assertThat(l.commercialUse()).isFalse();
        assertThat(l.researchOnly()).isTrue();
    }

    @Test
    void qwen2572bIsCommercialUpTo100MillionMonthlyActiveUsers() {
        License l = CATALOG.get("qwen2.5-72b").license();
        assertThat(l.commercialUse()).isTrue();
        assertThat(l.monthlyActiveUserCap()).isEqualTo(100_000_000L);
        assertThat(l.openSource()).isFalse();
    }

    @Test
    void gemmaTermsAllowCommercialUseWithoutACapButAreNotOpenSource() {
        License l = CATALOG.get("gemma-3-4b").license();
        assertThat(l.commercialUse()).isTrue();
        assertThat(l.monthlyActiveUserCap()).isNull();
        assertThat(l.openSource()).isFalse();
        assertThat(l.acceptableUsePolicy()).isEqualTo("https://ai.google.dev/gemma/prohibited_use_policy");
    }

    @Test
    void theArticlesGemma327bMmluDiffersFromTheVendorsBaseFigure() {
        List<ClaimComparison> mmlu = ClaimComparison.discrepancies(CATALOG.get("gemma-3-27b")).stream()
                .filter(c -> c.benchmark().equals("mmlu")).toList();
        assertThat(mmlu).singleElement().satisfies(c -> {
            assertThat(c.articleValue()).isEqualTo(78.7);
            assertThat(c.vendorValue()).isEqualTo(78.6);
            assertThat(c.vendorVariant()).isEqualTo("base");
            assertThat(c.vendorShots()).isEqualTo(5);
            assertThat(c.difference()).isCloseTo(0.1, within(1e-9));
        });
    }

    @Test
    void theArticlesQwen2572bMtBenchIsBelowTheVendorsInstructFigure() {
        List<ClaimComparison> mt = ClaimComparison.discrepancies(CATALOG.get("qwen2.5-72b")).stream()
                .filter(c -> c.benchmark().equals("mt_bench")).toList();
        assertThat(mt).singleElement().satisfies(c -> {
            assertThat(c.articleValue()).isEqualTo(8.8);
            assertThat(c.vendorValue()).isEqualTo(9.35);
            assertThat(c.vendorVariant()).isEqualTo("instruct");
            assertThat(c.difference()).isCloseTo(-0.55, within(1e-9));
        });
    }

    @Test
    void aLayerCountThatIsNotANumberIsRejectedWithFileLineModelAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "family: gemma-3\nmodels:\n" + bundledEntry("gemma-3.yaml", "gemma-3-27b")
                .replace("      layers: 62\n", "      layers: \"many\"\n"));

        assertThatThrownBy(() -> new CatalogLoader().load(List.of(file)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("model 'gemma-3-27b'")
                .hasMessageContaining("field 'architecture.layers'");
    }

    @Test
    void anUnknownLicenceIdIsRejectedWithFileLineModelAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "family: qwen-2.5\nmodels:\n" + bundledEntry("qwen-2.5.yaml", "qwen2.5-72b")
                .replace("    license_id: qwen\n", "    license_id: qwen-typo\n"));

        assertThatThrownBy(() -> new CatalogLoader().load(List.of(file)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 3")
                .hasMessageContaining("model 'qwen2.5-72b'")
                .hasMessageContaining("field 'license_id'")
                .hasMessageContaining("qwen-typo");
    }

    /** The lines of one model entry, copied from a bundled family file (from its "- id:" line to the next one). */
    private static String bundledEntry(String resource, String id) throws IOException {
        String text;
        try (InputStream in = CatalogDataBTest.class.getResourceAsStream("/catalog/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int start = text.indexOf("  - id: " + id + "\n");
        assertThat(start).as("entry " + id).isNotNegative();
        int end = text.indexOf("\n  - id: ", start + 1);
        String entry = end < 0 ? text.substring(start) : text.substring(start, end + 1);
        assertThat(entry).as("copied entry must differ after the edit").contains("layers:", "license_id:");
        return entry;
    }
}
