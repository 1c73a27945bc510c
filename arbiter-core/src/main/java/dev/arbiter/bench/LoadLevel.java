package dev.arbiter.bench;

/**
 * One level of a run: closed loop at a fixed concurrency (each of {@code concurrency} workers sends its next request
 * as soon as the last one ended), or open loop at {@code rate} requests/s with Poisson arrivals, optionally capped at
 * {@code concurrency} requests in flight (a capped request waits, and the wait shows as send lag).
 *
 * @param rate requests per second; {@code Double.POSITIVE_INFINITY} sends everything at once; null for closed loop
 */
public record LoadLevel(Integer concurrency, Double rate) {
    public LoadLevel {
        if (concurrency == null && rate == null) throw new IllegalArgumentException("a level needs a concurrency or a rate");
        if (concurrency != null && concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1, got " + concurrency);
        if (rate != null && !(rate > 0)) throw new IllegalArgumentException("request rate must be > 0, got " + rate);
    }

    public static LoadLevel closed(int concurrency) { return new LoadLevel(concurrency, null); }

    public static LoadLevel open(double rate, Integer cap) { return new LoadLevel(cap, rate); }

    public boolean openLoop() { return rate != null; }

    public String label() {
        if (rate == null) return "concurrency " + concurrency;
        String r = rate.isInfinite() ? "inf" : dev.arbiter.bench.Format.num(rate);
        return "rate " + r + "/s" + (concurrency == null ? "" : " (max " + concurrency + " in flight)");
    }
}
