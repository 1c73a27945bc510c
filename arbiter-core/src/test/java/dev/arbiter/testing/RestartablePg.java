package dev.arbiter.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * An embedded PostgreSQL server of one test's own (not {@link EmbeddedPg}'s shared one) that can be restarted on the
 * same port with the same data directory, as a database server restarts under a running job: every session is cut,
 * the data stays. Skips the test where embedded PostgreSQL cannot start.
 */
public final class RestartablePg implements AutoCloseable {
    private final Path data;
    private EmbeddedPostgres server;
    private int port;

    public RestartablePg(Path data) {
        this.data = data;
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
            port = server.getPort();
        } catch (Throwable e) {
            Assumptions.abort("skipped: embedded PostgreSQL could not start here (" + e + ")");
        }
    }

    /** A new database on this server: {@code postgresql://127.0.0.1:PORT/NAME}. */
    public String newDatabase(String name) throws Exception {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** Stops the server (every connection drops) and starts it again on the same port and data. */
    public synchronized void restart() throws java.io.IOException {
        stop();
        start();
    }

    public synchronized void stop() throws java.io.IOException {
        server.close();
    }

    public synchronized void start() throws java.io.IOException {
        server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    @Override
    public synchronized void close() throws java.io.IOException {
        server.close();
    }
}
