package dev.arbiter.cost;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.fit.HardwareCatalog;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceBookTest {

    @Test
    void everyBundledPriceHasAProviderADateAndASourceAndNamesAKnownHardwareProfile() {
        PriceBook book = PriceBook.bundled();
        HardwareCatalog hw = HardwareCatalog.bundled();
        assertThat(book.all()).hasSizeGreaterThanOrEqualTo(8);
        for (HardwarePrice p : book.all()) {
            assertThat(hw.find(p.hardware())).as(p.hardware() + " is a hardware profile").isPresent();
            if (p.rent() != null) {
                assertThat(p.rent().read()).as(p.hardware()).isNotNull().isBefore(LocalDate.of(2027, 1, 1));
                assertThat(p.rent().source()).as(p.hardware()).startsWith("https://");
                assertThat(p.rent().provider()).as(p.hardware()).isNotBlank();
            }
            if (p.own() != null) {
                assertThat(p.own().read()).as(p.hardware()).isNotNull();
                assertThat(p.own().source()).as(p.hardware()).startsWith("https://");
            }
        }
        assertThat(book.energy().source()).startsWith("https://");
        assertThat(book.energy().read()).isNotNull();
        assertThat(book.amortisationYears()).isEqualTo(3);
    }

    @Test
    void theRentalPricePerGpuIsTheNodePriceDividedByItsGpus() {
        Rental h100 = PriceBook.bundled().find("h100-80gb").orElseThrow().rent();
        assertThat(h100.gpusPerNode()).isEqualTo(8);
        assertThat(h100.usdPerGpuHour()).isEqualTo(31.92 / 8);
        assertThat(h100.usdPerGpuHour()).isCloseTo(3.99, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aPriceWithoutADateIsRefusedNamingFileLineHardwareAndField() {
        String yaml = """
                prices:
                  - hardware: h100-80gb
                    rent:
                      node_usd_per_hour: 2.5
                      gpus_per_node: 1
                      provider: Somewhere
                      offer: one GPU
                      source: https://example.com/pricing
                """;
        assertThatThrownBy(() -> PriceBook.read(new StringReader(yaml), "mine.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("mine.yaml line 2")
                .hasMessageContaining("hardware 'h100-80gb'")
                .hasMessageContaining("field 'rent'")
                .hasMessageContaining("read is required");
    }

    @Test
    void aPriceWithoutASourceIsRefused() {
        String yaml = """
                prices:
                  - hardware: rtx-4090
                    own:
                      purchase_usd: 1599
                      power_watts: 450
                      read: 2026-01-01
                """;
        assertThatThrownBy(() -> PriceBook.read(new StringReader(yaml), "mine.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("mine.yaml line 2")
                .hasMessageContaining("field 'own'")
                .hasMessageContaining("source is required");
    }

    @Test
    void aMistypedFieldIsRefusedWithItsLine() {
        String yaml = """
                amortisation_years: 4
                prices:
                  - hardware: a6000
                    rent:
                      node_usd_per_hour: 1
                      gpus_per_node: 1
                      provider: X
                      offer: Y
                      read: 2026-01-01
                      source: https://example.com
                      prize: 3
                """;
        assertThatThrownBy(() -> PriceBook.read(new StringReader(yaml), "mine.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("mine.yaml line 3")
                .hasMessageContaining("prize");
    }

    @Test
    void aUserFileReplacesBundledEntriesByHardwareIdAndKeepsTheRest() {
        String yaml = """
                amortisation_years: 5
                prices:
                  - hardware: H100-80GB
                    rent:
                      node_usd_per_hour: 2.0
                      gpus_per_node: 1
                      provider: Our reserved contract
                      offer: 1-year reserved
                      read: 2026-11-30
                      source: https://intranet.example.com/contract
                """;
        PriceBook merged = PriceBook.bundled().overriddenBy(PriceBook.read(new StringReader(yaml), "mine.yaml"));
        assertThat(merged.find("h100-80gb").orElseThrow().rent().usdPerGpuHour()).isEqualTo(2.0);
        assertThat(merged.find("a100-80gb").orElseThrow().rent().provider()).isEqualTo("Lambda");
        assertThat(merged.amortisationYears()).isEqualTo(5);
        assertThat(merged.energy()).isEqualTo(PriceBook.bundled().energy());
    }
}
