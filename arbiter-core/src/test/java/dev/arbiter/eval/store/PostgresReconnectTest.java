package dev.arbiter.eval.store;

import dev.arbiter.error.UnavailableException;
import dev.arbiter.testing.EmbeddedPg;
import dev.arbiter.testing.RestartablePg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The PostgreSQL store when its server restarts under it (embedded server stopped and started again on the same
 * port): statements reconnect and carry on with every row kept, the runs this process writes take their locks
 * again, and a server that stays away is a typed error that leaves the run resumable.
 */
class PostgresReconnectTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
    @TempDir Path dir;
    RestartablePg pg;

    @BeforeEach
    void start() {
        pg = new RestartablePg(dir.resolve("pgdata"));
    }

    @AfterEach
    void stop() throws Exception {
        pg.close();
    }

    @Test
    void aStoreWhoseServerRestartsReconnectsAndKeepsEveryRow() throws Exception {
        String url = pg.newDatabase("restarts");
        try (RunStore s = RunStore.open(url, EmbeddedPg.env())) {
            s.insertRun(RunStoreTest.run("r1", "k", "running", "2025-03-01T12:00:00Z"));
            for (int i = 0; i < 5; i++) s.putSample(new StoredSample("r1", "t", "s" + i, 0, "{}", 1.0, "scored"));
            pg.restart();
            for (int i = 5; i < 10; i++) s.putSample(new StoredSample("r1", "t", "s" + i, 0, "{}", 0.0, "scored"));
            assertThat(s.reconnects()).isEqualTo(1);
            assertThat(s.samples("r1")).hasSize(10);
            pg.restart();
            assertThat(s.run("r1").orElseThrow().done()).as("a read reconnects too").isEqualTo(10);
            assertThat(s.reconnects()).isEqualTo(2);
        }
    }

    @Test
    void aWriterWhoseRunWasTakenWhileTheServerWasDownStopsNamingTheNewHolder() throws Exception {
        String url = pg.newDatabase("taken");
        try (RunStore first = RunStore.open(url, EmbeddedPg.env())) {
            first.insertRun(RunStoreTest.run("r1", "k", "running", "2025-03-01T12:00:00Z"));
            try (RunLease lease = first.runLock(CLOCK).acquire("r1")) {
                pg.restart();  // the lease's session ends with the old server: its lock is gone
                try (RunStore second = RunStore.open(url, EmbeddedPg.env());
                     RunLease taken = second.runLock(CLOCK).acquire("r1")) {
                    assertThatThrownBy(() -> first.putSample(new StoredSample("r1", "t", "a", 0, "{}", 1.0, "scored")))
                            .isInstanceOf(UnavailableException.class)
                            .hasMessageContaining("run r1 is being written by pid " + ProcessHandle.current().pid())
                            .hasMessageContaining("taken while the store's server was unreachable");
                    assertThat(second.samples("r1")).isEmpty();
                }
            }
        }
    }

    @Test
    void aLeaseWhoseRunNobodyTookHoldsItsLockAgainAfterTheRestart() throws Exception {
        String url = pg.newDatabase("relocked");
        try (RunStore first = RunStore.open(url, EmbeddedPg.env())) {
            first.insertRun(RunStoreTest.run("r1", "k", "running", "2025-03-01T12:00:00Z"));
            try (RunLease lease = first.runLock(CLOCK).acquire("r1")) {
                pg.restart();
                first.putSample(new StoredSample("r1", "t", "a", 0, "{}", 1.0, "scored"));  // reconnects, relocks
                try (RunStore second = RunStore.open(url, EmbeddedPg.env())) {
                    assertThatThrownBy(() -> second.runLock(CLOCK).acquire("r1")).isInstanceOf(UnavailableException.class)
                            .hasMessageContaining("is being written by");
                }
            }
            try (RunStore second = RunStore.open(url, EmbeddedPg.env()); RunLease again = second.runLock(CLOCK).acquire("r1")) {
                assertThat(again.runId()).isEqualTo("r1");
            }
        }
    }

    @Test
    void aServerThatStaysAwayIsUnavailableAfterTheBudgetAndSaysToResume() throws Exception {
        String url = pg.newDatabase("away");
        PostgresUrl u = PostgresUrl.parse(url, EmbeddedPg.env());
        Connection dead = java.sql.DriverManager.getConnection(u.jdbcUrl(), u.properties());
        dead.close();  // as the server left it
        List<Long> slept = new ArrayList<>();
        long[] now = {0};  // ms; each refused connection attempt takes 300 ms, as a slow network would
        StoreConnection c = new StoreConnection(dead, () -> {
            now[0] += 300;
            throw new SQLException("Connection refused");
        }, "postgresql://127.0.0.1/away", 3_000, () -> now[0], ms -> {
            slept.add(ms);
            now[0] += ms;
        });
        assertThatThrownBy(() -> c.reconnectAfter(new SQLException("An I/O error occurred while sending to the backend")))
                .isInstanceOf(UnavailableException.class)
                .hasMessageContaining("did not answer again within 3 s (Connection refused)")
                .hasMessageContaining("--resume");
        assertThat(now[0]).as("attempts and pauses together stay within the budget, then one last attempt")
                .isEqualTo(3_000 + 300);
        assertThat(slept).startsWith(100L, 250L, 500L);
    }
}
