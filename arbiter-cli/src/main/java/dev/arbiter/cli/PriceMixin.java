package dev.arbiter.cli;

import dev.arbiter.cost.CostOptions;
import dev.arbiter.cost.Currency;
import dev.arbiter.cost.Ownership;
import dev.arbiter.cost.PriceBook;
import dev.arbiter.cost.Pricing;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What the hardware costs: the bundled price list (cost/prices.yaml: provider, date read and source for every figure)
 * and every override. Shared by {@code cost}, {@code recommend} and {@code compare}. Amounts typed here are in
 * {@code --currency}.
 */
public final class PriceMixin {
    /** Dates the prices' age; tests put a fixed clock here. */
    static Clock clock = Clock.systemUTC();

    @Option(names = "--price-per-hour", paramLabel = "AMOUNT", converter = Positive.Decimal.class,
            description = "What one GPU costs per hour to rent, in --currency (replaces the price list).")
    Double pricePerHour;

    @Option(names = "--ownership", paramLabel = "HOW", description = "rent (default when a rental price is known) or own (purchase over --amortisation-years plus power).")
    String ownership;

    @Option(names = "--purchase-price", paramLabel = "AMOUNT", converter = Positive.Decimal.class, description = "Owned: what one GPU cost to buy, in --currency.")
    Double purchasePrice;

    @Option(names = "--power-watts", paramLabel = "W", converter = Positive.Decimal.class, description = "Owned: watts one GPU draws while serving.")
    Double powerWatts;

    @Option(names = "--energy-price", paramLabel = "AMOUNT", converter = Positive.Decimal.class, description = "Owned: electricity per kWh, in --currency (default: the list's US average).")
    Double energyPrice;

    @Option(names = "--amortisation-years", paramLabel = "YEARS", converter = Positive.Int.class, description = "Owned: years the purchase is spread over (default: 3).")
    Integer amortisationYears;

    @Option(names = "--currency", paramLabel = "CODE", description = "Show amounts in this currency (ISO 4217, e.g. EUR); needs --rate.")
    String currency;

    @Option(names = "--rate", paramLabel = "R", converter = Positive.Decimal.class, description = "Units of --currency per US dollar (e.g. 0.92); Arbiter fetches no exchange rates.")
    Double rate;

    @Option(names = "--prices", paramLabel = "FILE", description = "Your price list (the format of cost/prices.yaml); its entries replace the bundled ones by hardware id.")
    Path prices;

    public Currency currency() {
        return Currency.of(currency, rate);
    }

    public CostOptions options() {
        return new CostOptions(ownership == null ? null : Ownership.parse(ownership), pricePerHour, energyPrice, amortisationYears,
                purchasePrice, powerWatts, currency());
    }

    public Pricing pricing() {
        PriceBook book = PriceBook.bundled();
        if (prices != null) book = book.overriddenBy(PriceBook.read(prices));
        return new Pricing(book, clock);
    }
}
