package dev.arbiter.cli;

import dev.arbiter.eval.store.RunStore;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --store FILE}: the SQLite file holding runs, answers and the response cache. */
public final class StoreMixin {
    @Option(names = "--store", paramLabel = "FILE",
            description = "Run store (SQLite). Default: $ARBITER_HOME/arbiter.db (~/.arbiter/arbiter.db).")
    Path file;

    public Path file() {
        return file != null ? file : Home.dir().resolve("arbiter.db");
    }

    /** Where run directories go when --out is not given: $ARBITER_HOME/runs. */
    public Path runsRoot() {
        return Home.dir().resolve("runs");
    }

    public RunStore open() {
        return RunStore.open(file());
    }
}
