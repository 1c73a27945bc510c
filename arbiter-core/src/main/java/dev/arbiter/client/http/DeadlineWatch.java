package dev.arbiter.client.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Ends reads that outlive their request's deadline by cutting the connection, so that reads need no socket timeout.
 * With a timeout, JDK 17's socket adaptor switches the channel to non-blocking and back around every read (two
 * {@code fcntl}s and a {@code poll} besides the read); without one a read is one blocking syscall (the bare client
 * loop spent 3-5% less time, docs/performance.md). One daemon thread for the process scans the connections being
 * read every {@link #TICK_NANOS} and parks while there are none; a deadline is kept to within one tick.
 */
final class DeadlineWatch {
    /** How often watched connections are checked: how late past its deadline a stalled read may end, in ns. */
    static final long TICK_NANOS = 20_000_000;

    private static final Set<Http1Connection> WATCHED = ConcurrentHashMap.newKeySet();
    private static volatile Thread thread;
    /** Whether the thread is parked with nothing to watch: only then does a new watch wake it (not at every request). */
    private static volatile boolean sleeping;

    private DeadlineWatch() {}

    /** Watches {@code c} until {@link #unwatch}: past its deadline it is {@linkplain Http1Connection#expire() expired}. */
    static void watch(Http1Connection c) {
        WATCHED.add(c);
        Thread t = thread;
        if (t == null) t = start();
        if (sleeping) LockSupport.unpark(t);
    }

    static void unwatch(Http1Connection c) {
        WATCHED.remove(c);
    }

    /** Connections watched now (tests). */
    static int watched() {
        return WATCHED.size();
    }

    private static synchronized Thread start() {
        if (thread != null) return thread;
        Thread t = new Thread(DeadlineWatch::loop, "arbiter-http-deadlines");
        t.setDaemon(true);
        t.start();
        thread = t;
        return t;
    }

    private static void loop() {
        while (true) {
            if (WATCHED.isEmpty()) {
                sleeping = true;
                // re-checked after the flag is up: a watch() that added before it saw the flag down and did not unpark
                if (WATCHED.isEmpty()) LockSupport.park(); // until watch() unparks (a spurious return goes round again)
                sleeping = false;
                continue;
            }
            LockSupport.parkNanos(TICK_NANOS);
            long now = System.nanoTime();
            for (Http1Connection c : WATCHED) {
                if (c.deadline() - now <= 0) {
                    WATCHED.remove(c);
                    c.expire();
                }
            }
        }
    }
}
