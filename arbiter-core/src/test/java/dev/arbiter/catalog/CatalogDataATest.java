package dev.arbiter.catalog;

import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The bundled Meta, Mistral and DeepSeek entries (llama-4.yaml, mistral.yaml, deepseek.yaml). */
class CatalogDataATest {
    private static final List<String> IDS = List.of("llama-4-scout", "llama-4-maverick", "llama-guard-4-12b",
            "mistral-large-2", "mistral-large-2407", "codestral-22b", "pixtral-large",
            "deepseek-v3", "deepseek-v3-0324", "deepseek-r1");
    private static final String ARTICLE = "article:comparatif-llm-open-source-2026";

    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = new CatalogLoader().bundled();
    }

    @Test
    void everyMetaMistralAndDeepseekModelIsBundled() {
        assertThat(IDS).allSatisfy(id -> assertThat(catalog.find(id)).as(id).isPresent());
        assertThat(catalog.get("mistral-large-2407").variantOf()).isEqualTo("mistral-large-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama-4-scout", "llama-4-maverick", "llama-guard-4-12b", "mistral-large-2",
            "mistral-large-2407", "codestral-22b", "pixtral-large", "deepseek-v3", "deepseek-v3-0324", "deepseek-r1"})
    void everyScoreNamesWhereItWasPublished(String id) {
        assertThat(catalog.get(id).scores()).allSatisfy(s -> {
            if (s.kind() == ClaimKind.ARTICLE) {
                assertThat(s.source()).isEqualTo(ARTICLE);
                assertThat(s.variant()).isNull();
            } else {
                assertThat(s.source()).startsWith("https://");
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama-4-scout", "llama-4-maverick", "llama-guard-4-12b", "mistral-large-2",
            "mistral-large-2407", "codestral-22b", "pixtral-large", "deepseek-v3", "deepseek-v3-0324", "deepseek-r1"})
    void computedTotalIsWithinOnePercentOfTheOfficialTotal(String id) {
        Model m = catalog.get(id);
        long computed = ParamCounter.count(m.architecture()).total();
        assertThat((double) computed).as(id).isCloseTo(m.officialParams().total(), within(0.01 * m.officialParams().total()));
    }

    // Vendors publish active counts rounded to whole billions and count them their own way (Meta's "17B" is 17.17B
    // computed; DeepSeek's "37B" is 37.55B computed), so the bound is 2%. A wrong expert count or a forgotten shared
    // expert moves the figure by 7% or more and still fails.
    @ParameterizedTest
    @ValueSource(strings = {"llama-4-scout", "llama-4-maverick", "deepseek-v3", "deepseek-v3-0324", "deepseek-r1"})
    void computedActiveIsWithinTwoPercentOfTheOfficialActiveForMoeModels(String id) {
        Model m = catalog.get(id);
        long computed = ParamCounter.count(m.architecture()).active();
        assertThat((double) computed).as(id).isCloseTo(m.officialParams().active(), within(0.02 * m.officialParams().active()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"llama-guard-4-12b", "mistral-large-2", "mistral-large-2407", "codestral-22b", "pixtral-large"})
    void denseModelsActivateAllTheirParameters(String id) {
        Model m = catalog.get(id);
        assertThat(m.architecture().hasExperts()).isFalse();
        assertThat(m.officialParams().active()).isEqualTo(m.officialParams().total());
    }

    @Test
    void llama4CheckpointTotalsEqualTheFormulaPlusTheVisionTowerExactly() {
        assertThat(ParamCounter.count(catalog.get("llama-4-scout").architecture()).total()).isEqualTo(108_641_793_536L);
        assertThat(ParamCounter.count(catalog.get("llama-4-maverick").architecture()).total()).isEqualTo(401_583_781_376L);
        assertThat(ParamCounter.count(catalog.get("llama-guard-4-12b").architecture()).total()).isEqualTo(12_001_097_216L);
    }

    @Test
    void llama4UsesChunkedAttentionWithEveryFourthLayerGlobal() {
        Architecture a = catalog.get("llama-4-scout").architecture();
        assertThat(a.localAttention().kind()).isEqualTo("chunked");
        assertThat(a.localAttention().window()).isEqualTo(8192);
        assertThat(a.globalLayers()).isEqualTo(12);
    }

    @Test
    void scoutMayBeUsedCommerciallyBelow700MillionMonthlyUsers() {
        License l = catalog.get("llama-4-scout").license();
        assertThat(l.commercialUse()).isTrue();
        assertThat(l.researchOnly()).isFalse();
        assertThat(l.monthlyActiveUserCap()).isEqualTo(700_000_000L);
        assertThat(l.attribution()).contains("Built with Llama");
        assertThat(l.acceptableUsePolicy()).startsWith("https://");
    }

    @Test
    void scoutWithholdsMultimodalRightsInTheEu() {
        assertThat(catalog.get("llama-4-scout").license().regionRestrictions()).singleElement().satisfies(r -> {
            assertThat(r.region()).isEqualTo("eu");
            assertThat(r.scope()).isEqualTo("multimodal");
            assertThat(r.clause()).contains("domiciled in").contains("European Union");
        });
        assertThat(catalog.get("llama-guard-4-12b").licenseId()).isEqualTo("llama-4-community");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pixtral-large", "mistral-large-2", "mistral-large-2407"})
    void mistralResearchLicenceModelsAreResearchOnly(String id) {
        License l = catalog.get(id).license();
        assertThat(l.researchOnly()).isTrue();
        assertThat(l.commercialUse()).isFalse();
    }

    @Test
    void codestralIsNotLicensedForCommercialUse() {
        License l = catalog.get("codestral-22b").license();
        assertThat(l.id()).isEqualTo("mnpl-0.1");
        assertThat(l.commercialUse()).isFalse();
    }

    @Test
    void deepseekR1AndV3Of0324AreMitWhileTheDecemberV3KeepsTheDeepseekLicence() {
        assertThat(catalog.get("deepseek-r1").license().openSource()).isTrue();
        assertThat(catalog.get("deepseek-v3-0324").licenseId()).isEqualTo("mit");
        License v3 = catalog.get("deepseek-v3").license();
        assertThat(v3.id()).isEqualTo("deepseek-model-1.0");
        assertThat(v3.commercialUse()).isTrue();
        assertThat(v3.openSource()).isFalse();
    }

    @Test
    void scoutArticleMmluIsReportedAsADiscrepancyWithMetasFigure() {
        List<ClaimComparison> found = ClaimComparison.discrepancies(catalog.get("llama-4-scout"));
        assertThat(found).filteredOn(c -> c.benchmark().equals("mmlu")).singleElement().satisfies(c -> {
            assertThat(c.articleValue()).isEqualTo(85.4);
            assertThat(c.vendorValue()).isEqualTo(79.6);
            assertThat(c.vendorVariant()).isEqualTo("base");
            assertThat(c.difference()).isCloseTo(5.8, within(1e-9));
        });
    }

    @Test
    void malformedKvHeadsIsRejectedNamingFileModelAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("llama-4.yaml");
        Files.writeString(file, bundledText("llama-4.yaml").replaceFirst("kv_heads: 8", "kv_heads: -1"));
        assertThatThrownBy(() -> new CatalogLoader().load(List.of(file)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("llama-4-scout")
                .hasMessageContaining("kv_heads");
    }

    @Test
    void scoreWithoutSourceIsRejectedNamingFileModelAndField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("deepseek.yaml");
        String text = bundledText("deepseek.yaml");
        String sourced = ", kind: vendor, source: \"https://github.com/deepseek-ai/DeepSeek-V3#4-evaluation-results\"}";
        assertThat(text).contains(sourced);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(sourced), ", kind: vendor}"));
        assertThatThrownBy(() -> new CatalogLoader().load(List.of(file)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("deepseek-v3")
                .hasMessageContaining("scores")
                .hasMessageContaining("source");
    }

    private static String bundledText(String name) throws IOException {
        try (InputStream in = CatalogDataATest.class.getResourceAsStream("/catalog/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
