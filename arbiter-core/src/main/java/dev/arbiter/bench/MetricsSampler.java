package dev.arbiter.bench;

import dev.arbiter.client.ModelException;
import dev.arbiter.client.http.Http1Body;
import dev.arbiter.client.http.HttpTransport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Scrapes the server's Prometheus {@code /metrics} about once a second while a level runs (KV-cache use, running and
 * waiting requests), on its own daemon thread. A scrape that fails is skipped; the figures rest on those that worked.
 */
public final class MetricsSampler {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final long PERIOD_NANOS = 1_000_000_000L;

    private final HttpTransport http;
    private final URI uri;
    private final List<Map<String, Double>> scrapes = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    private MetricsSampler(HttpTransport http, URI uri) {
        this.http = http;
        this.uri = uri;
        this.thread = new Thread(this::loop, "bench-metrics");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether {@code serverRoot}/metrics answers with one of the gauges this reads. */
    public static boolean available(HttpTransport http, URI serverRoot) {
        Map<String, Double> m = scrape(http, serverRoot.resolve("/metrics"));
        return m != null && (PrometheusText.first(m, PrometheusText.KV_CACHE) != null
                || PrometheusText.first(m, PrometheusText.RUNNING) != null);
    }

    public static MetricsSampler start(HttpTransport http, URI serverRoot) {
        return new MetricsSampler(http, serverRoot.resolve("/metrics"));
    }

    private void loop() {
        while (running) {
            long next = System.nanoTime() + PERIOD_NANOS;
            Map<String, Double> m = scrape(http, uri);
            if (m != null) {
                synchronized (scrapes) {
                    scrapes.add(m);
                }
            }
            long wait;
            while (running && (wait = next - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
        }
    }

    private static Map<String, Double> scrape(HttpTransport http, URI uri) {
        try {
            HttpTransport.Exchange x = http.get(uri, TIMEOUT);
            try (Http1Body in = x.body()) {
                byte[] bytes = in.readAtMost(4 << 20);
                return PrometheusText.parse(new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (ModelException | IOException e) {
            return null;
        }
    }

    public void stop() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TIMEOUT.toMillis() + 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the scrapes saw, or null when none succeeded. */
    public ServerMetrics result() {
        List<Map<String, Double>> s;
        synchronized (scrapes) {
            s = List.copyOf(scrapes);
        }
        return summarise(s);
    }

    static ServerMetrics summarise(List<Map<String, Double>> s) {
        if (s.isEmpty()) return null;
        String kv = null, run = null, wait = null;
        for (Map<String, Double> m : s) {
            if (kv == null) kv = PrometheusText.first(m, PrometheusText.KV_CACHE);
            if (run == null) run = PrometheusText.first(m, PrometheusText.RUNNING);
            if (wait == null) wait = PrometheusText.first(m, PrometheusText.WAITING);
        }
        double[] k = stats(s, kv), r = stats(s, run), w = stats(s, wait);
        String source = String.join(",", java.util.stream.Stream.of(kv, run, wait).filter(java.util.Objects::nonNull).toList());
        return new ServerMetrics(s.size(), k == null ? null : k[0], k == null ? null : k[1], r == null ? null : r[0],
                r == null ? null : r[1], w == null ? null : w[0], w == null ? null : w[1], source.isEmpty() ? null : source);
    }

    /** {max, mean} of one family over the scrapes that have it, or null. */
    private static double[] stats(List<Map<String, Double>> s, String name) {
        if (name == null) return null;
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        int n = 0;
        for (Map<String, Double> m : s) {
            Double v = m.get(name);
            if (v == null) continue;
            max = Math.max(max, v);
            sum += v;
            n++;
        }
        return n == 0 ? null : new double[] {max, sum / n};
    }
}
