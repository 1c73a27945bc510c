package dev.arbiter.cli;

import dev.arbiter.eval.store.RunStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --store FILE}: the SQLite file holding runs, answers and the response cache. */
public final class StoreMixin {
    @Option(names = "--store", paramLabel = "FILE",
            description = "Run store (SQLite). Default: $ARBITER_HOME/arbiter.db (~/.arbiter/arbiter.db).")
    Path file;

    /** True when the user named the store with --store. */
    public boolean explicit() { return file != null; }

    public Path file() {
        return file != null ? file : Home.dir().resolve("arbiter.db");
    }

    /** Where run directories go when --out is not given: $ARBITER_HOME/runs. */
    public Path runsRoot() {
        return Home.dir().resolve("runs");
    }

    /** Opens the store, creating it when it does not exist (eval writes). */
    public RunStore open() {
        return RunStore.open(file());
    }

    /** Opens a store that must already exist (commands that only read runs): a missing file is exit 3, not an empty store. */
    public RunStore openExisting() {
        if (!java.nio.file.Files.isRegularFile(file())) {
            throw new dev.arbiter.error.UnavailableException("run store " + file() + " not found (run ./arbiter eval first, or give --store FILE)");
        }
        return RunStore.open(file());
    }
}
