package dev.arbiter.eval.store;

import dev.arbiter.error.UnavailableException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The run store's one connection. On a PostgreSQL server it is opened again when the server drops it (a restart, a
 * failover, an idle-session kill): a statement that fails on a connection that is no longer valid waits for the
 * server — retrying with growing pauses for up to {@link #budgetMillis} — and is then run once more on the new
 * connection. Every statement the store retries is safe to run twice (upserts, updates, reads; a failed transaction
 * was rolled back by the server). After a reconnect the runs this process writes take their advisory locks again
 * ({@link Relock}), so a resume started elsewhere while the server was down cannot write beside this one. A server
 * that does not come back within the budget is an {@link UnavailableException}: the run stops with every answer
 * committed so far kept, and {@code --resume} continues it. A SQLite file has no connection to lose: never reopened.
 * {@link #get} and {@link #reconnectAfter} are called under the store's lock; locks are held and released from any thread.
 */
final class StoreConnection implements AutoCloseable {
    /** Pauses between attempts to reach the server again, in ms; the last one repeats until the budget is spent. */
    private static final long[] PAUSES_MS = {100, 250, 500, 1_000, 2_000};

    /** A run's advisory lock, taken again on a new session after the old one was lost with the connection. */
    interface Relock {
        void relock();
    }

    private final PgRunLock.Connector connector;
    private final String location;
    private final long budgetMillis;
    private final LongSupplier millis;
    private final LongConsumer sleeper;
    private final List<Relock> held = new CopyOnWriteArrayList<>();  // leases come and go outside the store's lock
    private Connection db;
    private int reconnects;

    /**
     * @param connector    opens a new connection to the same server; null for SQLite (never reopened)
     * @param budgetMillis how long to keep trying, in ms of {@code millis} (connection attempts count, not only pauses)
     * @param millis       a monotonic clock in ms
     * @param sleeper      pauses for the given ms
     */
    StoreConnection(Connection db, PgRunLock.Connector connector, String location, long budgetMillis, LongSupplier millis,
                    LongConsumer sleeper) {
        this.db = db;
        this.connector = connector;
        this.location = location;
        this.budgetMillis = budgetMillis;
        this.millis = millis;
        this.sleeper = sleeper;
    }

    Connection get() { return db; }

    /** Times the connection was opened again (tests and diagnostics). */
    int reconnects() { return reconnects; }

    void hold(Relock lock) { held.add(lock); }

    void release(Relock lock) { held.remove(lock); }

    /**
     * After {@code failure}: true when the connection had been lost and a new one is open (the caller runs its
     * statement again), false when the failure was the statement's own (the caller reports it).
     *
     * @throws UnavailableException when the server did not come back within the budget
     */
    boolean reconnectAfter(SQLException failure) {
        if (connector == null || isValid()) return false;
        closeQuietly(db);
        long start = millis.getAsLong();
        SQLException last = failure;
        for (int attempt = 0; ; attempt++) {
            try {
                Connection c = connector.open();
                c.setAutoCommit(true);
                db = c;
                reconnects++;
                for (Relock r : held) r.relock();
                return true;
            } catch (SQLException e) {
                last = e;
            }
            long left = budgetMillis - (millis.getAsLong() - start);
            if (left <= 0) break;
            sleeper.accept(Math.min(PAUSES_MS[Math.min(attempt, PAUSES_MS.length - 1)], left));
        }
        throw new UnavailableException("run store " + location + ": the connection was lost (" + failure.getMessage()
                + ") and the server did not answer again within " + budgetMillis / 1000 + " s (" + last.getMessage()
                + "); every answer committed before is kept: once the server is back, the same command resumes the run (or"
                + " --resume RUN_ID)", last);
    }

    private boolean isValid() {
        try {
            return !db.isClosed() && db.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already gone with the server
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
