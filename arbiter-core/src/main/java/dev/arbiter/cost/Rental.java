package dev.arbiter.cost;

import java.time.LocalDate;

/**
 * An on-demand rental offer as a provider lists it. The price per GPU-hour is the offer's price divided by its GPU
 * count, so an 8-GPU node and a single-GPU pod compare per GPU.
 *
 * @param nodeUsdPerHour what the listed offer costs per hour, USD, taxes excluded
 * @param gpusPerNode    GPUs in that offer (1 for a single-GPU pod)
 * @param provider       who lists it
 * @param offer          the offer's name on the page
 * @param read           the day the figure was read
 * @param source         the provider's page
 * @param via            a dated transcription of that page we read instead, or null when read from the page itself
 */
public record Rental(double nodeUsdPerHour, int gpusPerNode, String provider, String offer, LocalDate read, String source,
                     String via) {
    public Rental {
        if (!(nodeUsdPerHour > 0)) throw new IllegalArgumentException("node_usd_per_hour must be > 0, got " + nodeUsdPerHour);
        if (gpusPerNode < 1) throw new IllegalArgumentException("gpus_per_node must be >= 1, got " + gpusPerNode);
        PriceChecks.required("provider", provider);
        PriceChecks.required("offer", offer);
        if (read == null) throw new IllegalArgumentException("read is required (the ISO date the price was read)");
        PriceChecks.url("source", source);
        if (via != null) PriceChecks.url("via", via);
    }

    /** USD per GPU-hour: the offer's price divided by its GPU count. */
    public double usdPerGpuHour() {
        return nodeUsdPerHour / gpusPerNode;
    }
}
