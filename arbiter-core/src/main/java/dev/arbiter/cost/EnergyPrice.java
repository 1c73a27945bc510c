package dev.arbiter.cost;

import java.time.LocalDate;

/**
 * The default electricity price for owned hardware.
 *
 * @param usdPerKwh USD per kWh
 * @param what      which price it is (region, sector)
 * @param read      the day it was read
 * @param source    where it is published
 * @param via       where we read it, or null
 */
public record EnergyPrice(double usdPerKwh, String what, LocalDate read, String source, String via) {
    public EnergyPrice {
        if (!(usdPerKwh > 0)) throw new IllegalArgumentException("usd_per_kwh must be > 0, got " + usdPerKwh);
        PriceChecks.required("what", what);
        if (read == null) throw new IllegalArgumentException("read is required (the ISO date the price was read)");
        PriceChecks.url("source", source);
        if (via != null) PriceChecks.url("via", via);
    }
}
