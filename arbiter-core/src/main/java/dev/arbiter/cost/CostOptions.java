package dev.arbiter.cost;

import dev.arbiter.error.InvalidInputException;

/**
 * How to price the hardware. Amounts are in {@code currency}; null means "the bundled figure".
 *
 * @param ownership         rent or own; null picks rent when a rental price is known (or given), else own
 * @param pricePerGpuHour   --price-per-hour: what one GPU costs per hour, replacing every bundled figure
 * @param energyPerKwh      --energy-price, for owned hardware
 * @param amortisationYears --amortisation-years, for owned hardware
 * @param purchasePrice     --purchase-price of one GPU, for owned hardware
 * @param powerWatts        --power-watts one GPU draws while serving, for owned hardware
 * @param currency          the currency of these amounts and of the output
 */
public record CostOptions(Ownership ownership, Double pricePerGpuHour, Double energyPerKwh, Integer amortisationYears,
                          Double purchasePrice, Double powerWatts, Currency currency) {
    public CostOptions {
        positive("--price-per-hour", pricePerGpuHour);
        positive("--energy-price", energyPerKwh);
        positive("--purchase-price", purchasePrice);
        positive("--power-watts", powerWatts);
        if (amortisationYears != null && amortisationYears < 1) throw new InvalidInputException("--amortisation-years must be >= 1, got " + amortisationYears);
        if (currency == null) currency = Currency.USD;
        if (pricePerGpuHour != null && ownership == Ownership.OWN) {
            throw new InvalidInputException("--price-per-hour is a rental price; with --ownership own give --purchase-price and --power-watts instead");
        }
    }

    /** Bundled prices, rented where a rental price is known, in US dollars. */
    public static CostOptions defaults() {
        return new CostOptions(null, null, null, null, null, null, Currency.USD);
    }

    private static void positive(String flag, Double v) {
        if (v != null && !(v > 0)) throw new InvalidInputException(flag + " must be > 0, got " + v);
    }
}
