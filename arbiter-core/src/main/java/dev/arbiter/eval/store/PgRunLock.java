package dev.arbiter.eval.store;

import dev.arbiter.error.UnavailableException;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * {@link RunLock} on a shared PostgreSQL store: a session-level {@code pg_try_advisory_lock} on a 64-bit hash of the
 * run id, taken on a connection of its own that the lease keeps open. The server releases it when that session
 * ends — the lease closed, the process killed, the pod evicted — so a dead writer never blocks a resume. A row of
 * {@code run_locks} names the holder for the refusal message; it is informative only, the advisory lock decides.
 */
final class PgRunLock implements RunLock {
    /** Opens a new connection to the store's database. */
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final String location;
    private final Clock clock;
    /** The store's connection, told of each lease so that a reconnect takes its lock again; null in tests of the lock alone. */
    private final StoreConnection store;

    PgRunLock(Connector connector, String location, Clock clock) {
        this(connector, location, clock, null);
    }

    PgRunLock(Connector connector, String location, Clock clock, StoreConnection store) {
        this.connector = connector;
        this.location = location;
        this.clock = clock;
        this.store = store;
    }

    @Override
    public RunLease acquire(String runId) {
        Lease lease = new Lease(runId, key(runId), lock(runId, ""));
        if (store != null) store.hold(lease);
        return lease;
    }

    /**
     * Whether a session holds the run's advisory lock, read from {@code pg_locks} (a session-level lock on a bigint
     * key shows as classid = its high 32 bits, objid = its low 32 bits, objsubid = 1), which takes no lock itself.
     */
    @Override
    public boolean held(String runId) {
        long key = key(runId);
        try (Connection c = connector.open();
             PreparedStatement p = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' "
                     + "AND granted AND objsubid = 1 AND classid::bigint = ? AND objid::bigint = ? "
                     + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))")) {
            p.setLong(1, key >>> 32);
            p.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new UnavailableException("cannot read the lock of run " + runId + " on " + location + ": " + e.getMessage(), e);
        }
    }

    /** A new session holding the run's advisory lock; refused, naming the holder, when another session holds it. */
    private Connection lock(String runId, String when) {
        Connection c = null;
        try {
            c = connector.open();
            c.setAutoCommit(true);
            long key = key(runId);
            boolean got;
            try (PreparedStatement p = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                p.setLong(1, key);
                try (ResultSet rs = p.executeQuery()) {
                    rs.next();
                    got = rs.getBoolean(1);
                }
            }
            if (!got) {
                String holder = holder(c, runId);
                c.close();
                throw new UnavailableException("run " + runId + " is being written by " + holder + when + "; one process "
                        + "writes a run at a time: wait for it to end or stop it, then --resume " + runId + " (advisory lock "
                        + key + " on " + location + ")");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO run_locks (run_id, holder, since) VALUES (?, ?, ?) "
                    + "ON CONFLICT (run_id) DO UPDATE SET holder = excluded.holder, since = excluded.since")) {
                p.setString(1, runId);
                p.setString(2, holderText());
                p.setString(3, clock.instant().toString());
                p.executeUpdate();
            }
            return c;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new UnavailableException("cannot lock run " + runId + " on " + location + ": " + e.getMessage(), e);
        }
    }

    /** First 8 bytes of SHA-256 of the run id: the advisory lock's key (one namespace shared with nothing else). */
    static long key(String runId) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(("arbiter-run:" + runId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(d, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String holder(Connection c, String runId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT holder, since FROM run_locks WHERE run_id = ?")) {
            p.setString(1, runId);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) + " since " + rs.getString(2) : "another process";
            }
        }
    }

    private static String holderText() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "an unnamed host";
        }
        return "pid " + ProcessHandle.current().pid() + " on " + host;
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // the session's end releases its advisory locks anyway
        }
    }

    private final class Lease implements RunLease, StoreConnection.Relock {
        private final String runId;
        private final long key;
        private Connection c;
        private boolean closed;

        Lease(String runId, long key, Connection c) {
            this.runId = runId;
            this.key = key;
            this.c = c;
        }

        @Override
        public String runId() { return runId; }

        /**
         * After the store reconnected: when this lease's session went with the old connection (a server restart), the
         * lock is taken again on a new one — or refused, naming who took the run meanwhile, which stops this writer.
         */
        @Override
        public synchronized void relock() {
            if (closed) return;
            try {
                if (!c.isClosed() && c.isValid(5)) return;  // its session survived: the lock is still held
            } catch (SQLException e) {
                // treated as lost
            }
            closeQuietly(c);
            c = lock(runId, " (taken while the store's server was unreachable)");
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            if (store != null) store.release(this);
            try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                p.setLong(1, key);
                p.execute();
            } catch (SQLException ignored) {
                // closing the session below releases it too
            }
            closeQuietly(c);
        }
    }
}
