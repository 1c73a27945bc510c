package dev.arbiter.cost;

import java.time.LocalDate;

/**
 * Buying a card for a workstation: a launch price and the board power it draws while serving.
 *
 * @param purchaseUsd launch price (MSRP), USD
 * @param powerWatts  rated board power, W (what the card draws flat out serving a batch)
 * @param read        the day the figures were read
 * @param source      where
 * @param note        how the figures were read, or null
 */
public record Purchase(double purchaseUsd, double powerWatts, LocalDate read, String source, String note) {
    public Purchase {
        if (!(purchaseUsd > 0)) throw new IllegalArgumentException("purchase_usd must be > 0, got " + purchaseUsd);
        if (!(powerWatts > 0)) throw new IllegalArgumentException("power_watts must be > 0, got " + powerWatts);
        if (read == null) throw new IllegalArgumentException("read is required (the ISO date the price was read)");
        PriceChecks.url("source", source);
    }
}
