package dev.arbiter.cli;

import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.SqliteNative;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --store FILE|URL}: the SQLite file holding runs, answers and the response cache, or a shared PostgreSQL
 * database ({@code postgresql://HOST[:PORT]/DB}, user and password from {@code PGUSER} and
 * {@code ARBITER_STORE_PASSWORD} or {@code PGPASSWORD}).
 */
public final class StoreMixin {
    /** Where a database store's user and password are read; null means the process environment. Tests set it. */
    static java.util.function.UnaryOperator<String> environment = null;

    @Option(names = "--store", paramLabel = "FILE|URL",
            description = "Run store: a SQLite file, or postgresql://HOST[:PORT]/DB shared by several processes (user and "
                    + "password from PGUSER and ARBITER_STORE_PASSWORD or PGPASSWORD). Default: $ARBITER_HOME/arbiter.db (~/.arbiter/arbiter.db).")
    String location;

    /** True when the user named the store with --store. */
    public boolean explicit() { return location != null; }

    /** True for a database server: it always "exists" (opening it says otherwise). */
    public boolean isDatabase() { return RunStore.isDatabaseUrl(location); }

    /** The SQLite file; for a database server, use {@link #location()}. */
    public Path file() {
        if (isDatabase()) throw new IllegalStateException("--store is a database URL, not a file");
        return location != null ? Path.of(location) : Home.dir().resolve("arbiter.db");
    }

    /** The store as given: a file path or a database URL (the URL never holds credentials: they are refused). */
    public String location() {
        return isDatabase() ? location.strip() : file().toString();
    }

    /** True when there is something to read: a database URL, or an existing SQLite file. */
    public boolean exists() {
        return isDatabase() || Files.isRegularFile(file());
    }

    /** Where run directories go when --out is not given: $ARBITER_HOME/runs. */
    public Path runsRoot() {
        return Home.dir().resolve("runs");
    }

    /** Opens the store, creating it when it does not exist (eval writes). */
    public RunStore open() {
        if (!isDatabase()) {
            SqliteNative.useCacheIn(Home.dir().resolve("native"));  // not a new copy in /tmp at every start
            return RunStore.open(file());
        }
        return environment != null ? RunStore.open(location, environment) : RunStore.open(location);
    }

    /** Opens a store that must already exist (commands that only read runs): a missing file is exit 3, not an empty store. */
    public RunStore openExisting() {
        if (!exists()) {
            throw new dev.arbiter.error.UnavailableException("run store " + file() + " not found (run ./arbiter eval first, or give --store FILE)");
        }
        return open();
    }
}
