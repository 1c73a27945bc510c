package dev.arbiter.eval.store;

import dev.arbiter.error.UnavailableException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a PostgreSQL store's schema to this Arbiter's version with Flyway ({@code db/migration/postgresql/V*.sql}).
 * Safe when the pods of a job start at once: Flyway serialises migrations with a lock of its own in the database.
 */
final class PostgresSchema {
    private PostgresSchema() {}

    static void migrate(PostgresUrl url) {
        try {
            Flyway.configure()
                    .dataSource(url.jdbcUrl(), url.user(), url.password())
                    .locations("classpath:db/migration/postgresql")
                    .loggers("slf4j")  // never Flyway's console logger: stdout is data
                    .baselineOnMigrate(false)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new UnavailableException("cannot migrate the run store " + url.display() + ": " + e.getMessage(), e);
        }
    }
}
