package dev.arbiter.cost;

import java.time.LocalDate;

/**
 * What one GPU costs per hour of service, and where that figure comes from.
 *
 * @param usdPerGpuHour USD per GPU-hour (the output converts it)
 * @param ownership     rent or own
 * @param basis         how the figure is made, with its numbers
 * @param read          the day the bundled price was read, or null when the user gave it
 * @param ageDays       days between {@code read} and today, or null
 * @param source        where the price is published, or null when the user gave it
 */
public record HourlyRate(double usdPerGpuHour, Ownership ownership, String basis, LocalDate read, Long ageDays, String source) {
    public HourlyRate {
        if (!(usdPerGpuHour > 0)) throw new IllegalArgumentException("usd_per_gpu_hour must be > 0, got " + usdPerGpuHour);
    }
}
