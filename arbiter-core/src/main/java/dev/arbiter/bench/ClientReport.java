package dev.arbiter.bench;

import java.util.List;

/**
 * How hard the benchmark client itself worked during a level, so a slow client is not mistaken for a slow server.
 *
 * @param cpuCoresUsed process CPU time ÷ wall time (the whole JVM: an in-process test server counts too)
 * @param cpuFraction  {@code cpuCoresUsed} ÷ available cores
 * @param schedLagMs   how late a monitor thread that sleeps 10 ms wakes: a busy or starved client shows here first
 * @param gcMs         garbage-collection time during the level
 * @param warnings     when the client, not the server, may be the bottleneck
 */
public record ClientReport(int availableCores, Double cpuCoresUsed, Double cpuFraction, Distribution schedLagMs,
                           long gcMs, List<String> warnings) {
    public ClientReport {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
