package dev.arbiter.eval.store;

import dev.arbiter.error.UnavailableException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs, their answers and the response cache in one SQLite file (WAL journal), or in a shared PostgreSQL database
 * ({@code postgresql://…}, schema migrated by Flyway; see {@link StoreDialect} for what differs). Every write is
 * committed before its method returns, so a process killed with -9 keeps every answer stored before the kill; answers
 * stored at the same moment by several workers share one transaction ({@link #putSample}). The one exception is
 * {@link #putSampleLater}, the eval's: it returns at once and says when the answer is committed, and the caller
 * bounds how many it leaves uncommitted. One connection, used under this object's lock.
 */
public final class RunStore implements AutoCloseable {
    /** Bumped when a table changes shape. */
    public static final int SCHEMA_VERSION = 1;

    private static final String[] DDL = {
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            """
            CREATE TABLE IF NOT EXISTS runs (
              run_id TEXT PRIMARY KEY, task TEXT NOT NULL, model TEXT NOT NULL, endpoint TEXT NOT NULL,
              settings_key TEXT NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT,
              planned INTEGER NOT NULL, score REAL, manifest TEXT NOT NULL, record TEXT)""",
            "CREATE INDEX IF NOT EXISTS runs_by_settings ON runs (settings_key, status)",
            """
            CREATE TABLE IF NOT EXISTS samples (
              run_id TEXT NOT NULL, task TEXT NOT NULL, sample_id TEXT NOT NULL, epoch INTEGER NOT NULL,
              record TEXT NOT NULL, score REAL, status TEXT NOT NULL,
              PRIMARY KEY (run_id, sample_id, epoch))""",
            "CREATE TABLE IF NOT EXISTS response_cache (key TEXT PRIMARY KEY, value TEXT NOT NULL, created_at TEXT NOT NULL)",
            "CREATE TABLE IF NOT EXISTS run_locks (run_id TEXT PRIMARY KEY, holder TEXT NOT NULL, since TEXT NOT NULL)"
    };
    /** Upserts both databases speak (SQLite 3.24+, PostgreSQL 9.5+). */
    private static final String UPSERT_SAMPLE = "INSERT INTO samples (run_id, task, sample_id, epoch, record, score, status) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, sample_id, epoch) DO UPDATE SET task = excluded.task, "
            + "record = excluded.record, score = excluded.score, status = excluded.status";
    private static final String UPSERT_CACHE = "INSERT INTO response_cache (key, value, created_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at";

    private static final Comparator<StoredRun> NEWEST_FIRST =
            Comparator.comparing(StoredRun::startedAt).thenComparing(StoredRun::runId).reversed();

    private final Path file;
    private final String location;
    private final StoreDialect dialect;
    private final PgRunLock.Connector connector;
    /** The one connection, reopened when a PostgreSQL server drops it; guarded by this. */
    private final StoreConnection conn;
    /** Answers being written, in shared transactions ({@link #putSample}). */
    private final GroupCommit<StoredSample> samplesCommit = new GroupCommit<>(this::writeSamples);
    /** Answers committed behind their callers ({@link #putSampleLater}): the eval's. */
    private final CommitQueue<StoredSample> samplesLater = new CommitQueue<>(this::writeSamples, "arbiter-commit",
            LATER_LINGER_NANOS, LATER_FILL);
    /**
     * How long the committer waits for a small batch of answers to reach {@link #LATER_FILL} before writing it: with
     * none, at --concurrency 1 every answer was its own transaction (16,384 for 16,384 answers, most of the
     * committer's time); with 0.5 ms and 4, 4,127 (c=1), 1,332 (c=64), 660 (c=256). Small against the eval's kill
     * bound: a request thread, which goes on while its answers wait here, stops only once concurrency + max(8, nproc)
     * answers are uncommitted. 0.25 ms and 2, 1 ms and 4, and none measured alike at c=1 (docs/performance.md).
     */
    static final long LATER_LINGER_NANOS = 500_000;
    /** The batch size at which the committer stops waiting for more answers. */
    static final int LATER_FILL = 4;
    /** Sample transactions committed so far (tests check that concurrent answers share them). Guarded by this. */
    private long sampleTransactions;

    /** How long a statement waits for a PostgreSQL server that dropped the connection to answer again, in ms. */
    static final long RECONNECT_BUDGET_MS = 60_000;

    private RunStore(Path file, String location, StoreDialect dialect, PgRunLock.Connector connector, Connection db,
                     long reconnectBudgetMs) {
        this.file = file;
        this.location = location;
        this.dialect = dialect;
        this.connector = connector;
        this.conn = new StoreConnection(db, connector, location, reconnectBudgetMs, () -> System.nanoTime() / 1_000_000,
                RunStore::sleep);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for the run store's server", e);
        }
    }

    /** Opens {@code location}: a {@code postgresql://} URL (credentials from the environment) or a SQLite file path. */
    public static RunStore open(String location) {
        return open(location, System::getenv);
    }

    /** As {@link #open(String)}, reading {@code PGUSER} and the password from {@code env}. */
    public static RunStore open(String location, java.util.function.UnaryOperator<String> env) {
        return open(location, env, java.time.Duration.ofMillis(RECONNECT_BUDGET_MS));
    }

    /** As above, waiting up to {@code reconnect} for a PostgreSQL server that dropped the connection. */
    public static RunStore open(String location, java.util.function.UnaryOperator<String> env, java.time.Duration reconnect) {
        if (!isDatabaseUrl(location)) return open(Path.of(location));
        PostgresUrl url = PostgresUrl.parse(location, env);
        try {
            PgRunLock.Connector connector = () -> DriverManager.getConnection(url.jdbcUrl(), url.properties());
            PostgresSchema.migrate(url);
            RunStore store = new RunStore(null, url.display(), StoreDialect.POSTGRESQL, connector, connector.open(),
                    reconnect.toMillis());
            store.checkSchema();
            return store;
        } catch (SQLException e) {
            throw new UnavailableException("cannot open the run store " + url.display() + ": " + e.getMessage(), e);
        }
    }

    /** True when {@code location} names a database server rather than a file. */
    public static boolean isDatabaseUrl(String location) {
        return location != null && PostgresUrl.matches(location);
    }

    /** Opens (creating when absent) the store at {@code file}. */
    public static RunStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            java.util.Properties props = new java.util.Properties();
            // Nothing here reads generated keys; left on, the driver matches every statement against an INSERT regex
            // and runs a "last_insert_rowid" query after each one (a share of every group commit's CPU).
            props.setProperty("jdbc.get_generated_keys", "false");
            // The SQLite driver itself, not DriverManager: its first use loads and starts every JDBC driver on the
            // class path (PostgreSQL's too), a tenth of what opening the store added to fit's start.
            Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + file.toAbsolutePath(), props);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL"); // in WAL: durable against a process kill, not power loss
                s.execute("PRAGMA busy_timeout=10000");
                // WAL checkpoints every 40 MB instead of SQLite's 4 MB: each one (copy back and fsync) stalled every
                // group commit behind it; 16k answers took ~20 of them, 1.3-1.6 s of commit time against 1.2 s now
                s.execute("PRAGMA wal_autocheckpoint=10000");
                for (String ddl : DDL) s.execute(ddl);
            }
            RunStore store = new RunStore(file, file.toString(), StoreDialect.SQLITE, null, c, 0);
            store.checkSchema();
            return store;
        } catch (SQLException | java.io.IOException e) {
            throw new UnavailableException("cannot open the run store " + file + ": " + e.getMessage(), e);
        }
    }

    /** The SQLite file; null for a database server. */
    public Path file() { return file; }

    /** Where the store is, for people: the file, or the server URL without credentials. */
    public String location() { return location; }

    /**
     * One writer per run of this store: lock files in {@code FILE.locks/} beside a SQLite file, an advisory lock on a
     * PostgreSQL server.
     */
    public RunLock runLock(java.time.Clock clock) {
        if (dialect == StoreDialect.POSTGRESQL) return new PgRunLock(connector, location, clock, conn);
        return new FileRunLock(file.toAbsolutePath().resolveSibling(file.getFileName() + ".locks"), clock);
    }

    /** Whether a process holds the run's lock now ({@link RunLock#held}); reads only. */
    public boolean held(String runId) {
        return runLock(java.time.Clock.systemUTC()).held(runId);
    }

    private void checkSchema() throws SQLException {
        Connection db = conn.get();
        try (PreparedStatement p = db.prepareStatement("SELECT value FROM meta WHERE key = 'schema_version'");
             ResultSet rs = p.executeQuery()) {
            if (rs.next()) {
                int v = Integer.parseInt(rs.getString(1));
                if (v != SCHEMA_VERSION) {
                    throw new UnavailableException("run store " + location + " has schema version " + v + ", this Arbiter reads "
                            + SCHEMA_VERSION + "; use another --store");
                }
                return;
            }
        }
        try (PreparedStatement p = db.prepareStatement("INSERT INTO meta (key, value) VALUES ('schema_version', ?)")) {
            p.setString(1, Integer.toString(SCHEMA_VERSION));
            p.executeUpdate();
        }
    }

    /** Inserts a new run; a second insert of the same id is a bug. */
    public synchronized void insertRun(StoredRun r) {
        update("INSERT INTO runs (run_id, task, model, endpoint, settings_key, status, started_at, ended_at, planned, "
                        + "score, manifest, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.runId(), r.task(), r.model(), r.endpoint(), r.settingsKey(), r.status(), r.startedAt().toString(),
                r.endedAt() == null ? null : r.endedAt().toString(), r.planned(), r.score(), r.manifest(), r.record());
    }

    /** Marks a run as running again (resume) with its refreshed manifest. */
    public synchronized void reopenRun(String runId, String status, String manifest) {
        update("UPDATE runs SET status = ?, ended_at = NULL, score = NULL, record = NULL, manifest = ? WHERE run_id = ?",
                status, manifest, runId);
    }

    /**
     * Stores the record so far of a run that is still running (a bench run's finished levels), so readers — `runs`,
     * the web UI's live view — see progress; a run that has ended is left as it is.
     */
    public synchronized void progressRun(String runId, String record) {
        update("UPDATE runs SET record = ? WHERE run_id = ? AND status = 'running'", record, runId);
    }

    /** Records how a run ended: status, end time, headline score and the full run record. */
    public synchronized void finishRun(String runId, String status, Instant endedAt, Double score, String manifest,
                                       String record) {
        update("UPDATE runs SET status = ?, ended_at = ?, score = ?, manifest = ?, record = ? WHERE run_id = ?",
                status, endedAt.toString(), score, manifest, record, runId);
    }

    public synchronized Optional<StoredRun> run(String runId) {
        List<StoredRun> rows = queryRuns("WHERE r.run_id = ?", runId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The newest run with these settings that did not complete (running after a kill, failed or interrupted). */
    public synchronized Optional<StoredRun> latestIncomplete(String settingsKey) {
        List<StoredRun> rows = queryRuns("WHERE r.settings_key = ? AND r.status <> 'completed'", settingsKey);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** All runs, newest first. */
    public synchronized List<StoredRun> runs() {
        return queryRuns("", (Object[]) null);
    }

    /** The runs of one task (e.g. every bench run), newest first, without reading the others' manifests and records. */
    public synchronized List<StoredRun> runs(String task) {
        return queryRuns("WHERE r.task = ?", task);
    }

    private List<StoredRun> queryRuns(String where, Object... args) {
        String sql = "SELECT r.run_id, r.task, r.model, r.endpoint, r.settings_key, r.status, r.started_at, r.ended_at, "
                + "r.planned, (SELECT COUNT(*) FROM samples s WHERE s.run_id = r.run_id), r.score, r.manifest, r.record "
                + "FROM runs r " + where;
        return run("read runs", db -> {
            try (PreparedStatement p = prepare(db, sql, args); ResultSet rs = p.executeQuery()) {
                List<StoredRun> out = new ArrayList<>();
                while (rs.next()) {
                    String ended = rs.getString(8);
                    double score = rs.getDouble(11);
                    Double scoreOrNull = rs.wasNull() ? null : score;
                    out.add(new StoredRun(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), Instant.parse(rs.getString(7)), ended == null ? null : Instant.parse(ended),
                            rs.getInt(9), rs.getInt(10), scoreOrNull, rs.getString(12), rs.getString(13)));
                }
                // Newest first, by the instant: started_at text does not sort (Instant.toString drops a zero fraction).
                out.sort(NEWEST_FIRST);
                return out;
            }
        });
    }

    /**
     * Stores one answer, committed before returning; replaces an earlier record of the same sample and epoch.
     * Group commit ({@link GroupCommit}): answers that arrive while a transaction is being committed go together in
     * the next one, and each caller returns only once its own row is committed, so a kill loses at most the answers
     * whose calls had not returned (those in flight).
     */
    public void putSample(StoredSample s) {
        samplesCommit.submit(s);
    }

    /**
     * Queues one answer for the store's committer thread ({@link CommitQueue}) and returns at once; {@code committed}
     * is called on that thread once the answer is committed (with null) or its transaction failed (with the failure).
     * Answers queued while a transaction is written share the next one. A kill loses the answers queued and not yet
     * committed: the caller bounds how many it leaves queued ({@link #awaitSamples()} waits for them).
     */
    public void putSampleLater(StoredSample s, java.util.function.Consumer<RuntimeException> committed) {
        samplesLater.submit(s, committed);
    }

    /**
     * As {@link #putSampleLater(StoredSample, java.util.function.Consumer)}; {@code afterBatch} then runs once after
     * the callbacks of the transaction that held this answer, once for all its answers that gave the same action
     * (compared by identity), on the same thread: for work done once per commit rather than once per answer.
     */
    public void putSampleLater(StoredSample s, java.util.function.Consumer<RuntimeException> committed, Runnable afterBatch) {
        samplesLater.submit(s, committed, afterBatch);
    }

    /**
     * Commits the answers given to {@link #putSampleLater} and not yet being written, on the calling thread, unless a
     * commit is under way: for a caller that would otherwise wait for them to be committed.
     */
    public void commitQueuedHere() {
        samplesLater.commitHere();
    }

    /** Returns once every answer given to {@link #putSampleLater} before the call is committed and told so. */
    public void awaitSamples() {
        samplesLater.await();
    }

    /** Answers waiting for the next group commit. */
    int queuedForCommit() {
        return samplesCommit.queued();
    }

    synchronized long sampleTransactions() { return sampleTransactions; }

    /** Writes {@code batch} in one transaction: all of it is committed, or none of it and the failure is thrown. */
    private synchronized void writeSamples(List<StoredSample> batch) {
        sampleTransactions++;
        run("write", db -> {
            // one statement prepared once per connection, not per commit (preparing was a third of a commit's CPU)
            PreparedStatement p = upsert(db);
            if (batch.size() == 1) {
                bind(p, batch.get(0));
                p.executeUpdate();
                return null;
            }
            db.setAutoCommit(false);
            try {
                for (StoredSample b : batch) {
                    bind(p, b);
                    p.addBatch();
                }
                p.executeBatch();
                db.commit();
            } catch (SQLException e) {
                p.clearBatch();
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
            return null;
        });
    }

    /** The sample upsert, prepared on first use on {@link #upsertOn}; a reconnect prepares it again. Guarded by this. */
    private PreparedStatement upsertSample;
    private Connection upsertOn;

    private PreparedStatement upsert(Connection db) throws SQLException {
        if (upsertSample == null || upsertOn != db) {
            upsertSample = db.prepareStatement(UPSERT_SAMPLE);  // one on a dropped connection is gone with it
            upsertOn = db;
        }
        return upsertSample;
    }

    private static void bind(PreparedStatement p, StoredSample s) throws SQLException {
        p.setString(1, s.runId());
        p.setString(2, s.task());
        p.setString(3, s.sampleId());
        p.setInt(4, s.epoch());
        p.setString(5, s.record());
        if (s.score() == null) p.setNull(6, Types.NULL);
        else p.setDouble(6, s.score());
        p.setString(7, s.status());
    }

    /** A run's answers ordered by sample id then epoch. */
    public synchronized List<StoredSample> samples(String runId) {
        String sql = "SELECT run_id, task, sample_id, epoch, record, score, status FROM samples WHERE run_id = ? "
                + "ORDER BY " + dialect.sampleIdOrder + ", epoch";
        return run("read the samples of run " + runId, db -> {
            try (PreparedStatement p = prepare(db, sql, runId); ResultSet rs = p.executeQuery()) {
                List<StoredSample> out = new ArrayList<>();
                while (rs.next()) {
                    double score = rs.getDouble(6);
                    Double scoreOrNull = rs.wasNull() ? null : score;
                    out.add(new StoredSample(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), scoreOrNull, rs.getString(7)));
                }
                return out;
            }
        });
    }

    /** The cached response JSON under {@code key}, if any. */
    public synchronized Optional<String> cached(String key) {
        return run("read the response cache", db -> {
            try (PreparedStatement p = prepare(db, "SELECT value FROM response_cache WHERE key = ?", key);
                 ResultSet rs = p.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    public synchronized void cache(String key, String value, Instant at) {
        update(UPSERT_CACHE, key, value, at.toString());
    }

    private void update(String sql, Object... args) {
        run("write", db -> {
            try (PreparedStatement p = prepare(db, sql, args)) {
                p.executeUpdate();
            }
            return null;
        });
    }

    /** A statement on the store's connection. */
    @FunctionalInterface
    private interface Sql<T> {
        T on(Connection db) throws SQLException;
    }

    /**
     * Runs {@code sql}; when it failed because the server dropped the connection, once more on a new one (see
     * {@link StoreConnection}: everything run here is safe to run twice).
     */
    private <T> T run(String what, Sql<T> sql) {
        try {
            return sql.on(conn.get());
        } catch (SQLException e) {
            if (!conn.reconnectAfter(e)) throw failure(what, e);
            try {
                return sql.on(conn.get());
            } catch (SQLException again) {
                throw failure(what, again);
            }
        }
    }

    /** Times the connection to a PostgreSQL server was opened again after the server dropped it. */
    public synchronized int reconnects() { return conn.reconnects(); }

    private static PreparedStatement prepare(Connection db, String sql, Object... args) throws SQLException {
        PreparedStatement p = db.prepareStatement(sql);
        if (args == null) return p;
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a == null) p.setNull(i + 1, Types.NULL);
            else if (a instanceof Integer n) p.setInt(i + 1, n);
            else if (a instanceof Double d) p.setDouble(i + 1, d);
            else p.setString(i + 1, a.toString());
        }
        return p;
    }

    private UnavailableException failure(String what, SQLException e) {
        return new UnavailableException("run store " + location + ": cannot " + what + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        samplesLater.close();  // outside this object's lock: its committer takes it to write what is queued
        closeConnection();
    }

    private synchronized void closeConnection() {
        try {
            if (upsertSample != null && upsertOn == conn.get()) upsertSample.close();
            conn.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }
}
