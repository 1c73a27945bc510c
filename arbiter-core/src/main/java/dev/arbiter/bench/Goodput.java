package dev.arbiter.bench;

/**
 * Requests that met every SLO bound: {@code good} of the completed, per second of the level ({@code request_goodput},
 * vLLM's key) and as a fraction of all requests that ended (completed + failed), so failures count against it.
 */
public record Goodput(Slo slo, int good, Double requestGoodput, Double fraction) {}
