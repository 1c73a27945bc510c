package dev.arbiter.cost;

import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PricingTest {
    static final Clock DEC_7 = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    private final Pricing pricing = new Pricing(PriceBook.bundled(), DEC_7);

    @Test
    void aRentedGpuCostsItsOffersPriceDividedByItsGpusAndSaysHowOldThePriceIs() {
        HourlyRate r = pricing.rate("h100-80gb", CostOptions.defaults());
        assertThat(r.ownership()).isEqualTo(Ownership.RENT);
        assertThat(r.usdPerGpuHour()).isCloseTo(3.99, within(1e-9));
        assertThat(r.ageDays()).isEqualTo(78);  // 2026-09-20 → 2026-12-07
        assertThat(r.basis()).contains("Lambda").contains("31.92 USD per hour for 8 GPUs = 3.99 USD per GPU-hour")
                .contains("read 2026-09-20 (78 days ago)");
    }

    @Test
    void anOwnedCardCostsItsPurchaseOverThreeYearsPlusItsPower() {
        HourlyRate r = pricing.rate("rtx-4090", new CostOptions(Ownership.OWN, null, null, null, null, null, Currency.USD));
        // 1,599 / (3 × 8,760) = 0.060845 USD/h; 450 W × 0.1872 USD/kWh = 0.08424 USD/h
        assertThat(r.usdPerGpuHour()).isCloseTo(1599.0 / 26280 + 0.45 * 0.1872, within(1e-12));
        assertThat(r.usdPerGpuHour()).isCloseTo(0.145085, within(1e-6));
        assertThat(r.basis()).contains("3 years").contains("450 W");
    }

    @Test
    void energyPriceAndAmortisationOverridesAreInTheChosenCurrency() {
        // 2,000 EUR over 2 years at 0.92 EUR per USD; 575 W at 0.30 EUR/kWh
        Currency eur = Currency.of("EUR", 0.92);
        HourlyRate r = pricing.rate("rtx-5090", new CostOptions(Ownership.OWN, null, 0.30, 2, 2000.0, null, eur));
        double expectedUsd = (2000 / 0.92) / (2 * 8760) + 0.575 * (0.30 / 0.92);
        assertThat(r.usdPerGpuHour()).isCloseTo(expectedUsd, within(1e-12));
        assertThat(eur.fromUsd(r.usdPerGpuHour())).isCloseTo(2000.0 / 17520 + 0.575 * 0.30, within(1e-12));
        assertThat(r.ageDays()).isNull();  // the purchase price was given, not read from the list
    }

    @Test
    void aGivenHourlyPriceReplacesTheListAndIsConvertedBack() {
        HourlyRate r = pricing.rate("h100-80gb", new CostOptions(null, 2.3, null, null, null, null, Currency.of("EUR", 0.92)));
        assertThat(r.usdPerGpuHour()).isCloseTo(2.3 / 0.92, within(1e-12));
        assertThat(r.basis()).contains("2.3 EUR per GPU-hour");
    }

    @Test
    void withoutAnyPriceTheErrorSaysWhatToGive() {
        assertThatThrownBy(() -> pricing.rate("m4-max-128gb", CostOptions.defaults()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--price-per-hour");
        assertThatThrownBy(() -> pricing.rate("rtx-5090", new CostOptions(Ownership.RENT, null, null, null, null, null, Currency.USD)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("only a purchase price");
        assertThatThrownBy(() -> Currency.of("EUR", null)).isInstanceOf(InvalidInputException.class).hasMessageContaining("--rate");
    }
}
