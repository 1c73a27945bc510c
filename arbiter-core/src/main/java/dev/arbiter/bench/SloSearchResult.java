package dev.arbiter.bench;

/**
 * The outcome of an SLO search.
 *
 * @param maxRate     highest request rate (requests/s) whose level met the SLO; null when none did
 * @param minFraction the share of requests that had to be good for a level to meet it
 * @param levels      levels the search ran
 */
public record SloSearchResult(Double maxRate, double minFraction, int levels) {}
