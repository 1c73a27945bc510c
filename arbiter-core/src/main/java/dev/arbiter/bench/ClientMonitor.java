package dev.arbiter.bench;

import dev.arbiter.util.Ticker;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the benchmark process while a level runs: CPU time used (the JVM's, via the platform MXBean), GC time,
 * and scheduling lag — a daemon thread asks to sleep {@value #TICK_MS} ms and records how much later it woke. On a
 * saturated machine both rise before the measured latencies do, which is the cue that the client is the bottleneck.
 */
final class ClientMonitor implements AutoCloseable {
    static final long TICK_MS = 10;
    /** Scheduling lag (p99) above which the client is reported as starved. */
    static final double SCHED_LAG_WARN_MS = 5;

    private final Ticker ticker;
    private final LongList lags = new LongList();
    private final Thread thread;
    private final long startWall;
    private final long startCpu;
    private final long startGc;
    private volatile boolean running = true;

    ClientMonitor(Ticker ticker) {
        this.ticker = ticker;
        this.startWall = System.nanoTime();
        this.startCpu = cpuNanos();
        this.startGc = gcMillis();
        this.thread = new Thread(this::loop, "bench-client-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long tick = TICK_MS * 1_000_000;
        while (running) {
            long before = ticker.nanos();
            LockSupport.parkNanos(tick);
            long lag = ticker.nanos() - before - tick;
            synchronized (lags) {
                lags.add(Math.max(0, lag));
            }
        }
    }

    /** Stops watching and reports. */
    ClientReport report() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        long wall = System.nanoTime() - startWall;
        long cpu = cpuNanos();
        Double used = cpu < 0 || startCpu < 0 || wall <= 0 ? null : (cpu - startCpu) / (double) wall;
        Double fraction = used == null ? null : used / cores;
        Distribution lag;
        synchronized (lags) {
            lag = lags.distribution();
        }
        List<String> warnings = new ArrayList<>();
        if (fraction != null && fraction >= LevelStats.CPU_WARN_FRACTION) {
            warnings.add(String.format(Locale.US, "the client process used %.2f of %d cores (%.0f%%): it, not the "
                    + "server, may be the bottleneck, and its queueing is inside the latencies", used, cores, fraction * 100));
        }
        if (lag.p99() != null && lag.p99() > SCHED_LAG_WARN_MS) {
            warnings.add(String.format(Locale.US, "the client's threads woke up to %.1f ms late (p99 scheduling lag): "
                    + "timestamps may be late by as much", lag.p99()));
        }
        return new ClientReport(cores, used, fraction, lag, gcMillis() - startGc, warnings);
    }

    @Override
    public void close() {
        running = false;
    }

    private static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime();
        return -1;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) total += Math.max(0, gc.getCollectionTime());
        return total;
    }
}
