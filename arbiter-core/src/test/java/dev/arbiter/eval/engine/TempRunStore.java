package dev.arbiter.eval.engine;

import dev.arbiter.eval.store.RunStore;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh SQLite store per test in a directory of its own, and runners over it with a fixed clock, no sleeps, and
 * run ids {@code run-1}, {@code run-2}, … in the order runs start. Registered with {@code @RegisterExtension}.
 */
final class TempRunStore implements BeforeEachCallback, AfterEachCallback {
    private final AtomicInteger ids = new AtomicInteger();
    private Path dir;
    private RunStore store;

    @Override
    public void beforeEach(ExtensionContext context) {
        try {
            dir = Files.createTempDirectory("arbiter-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = RunStore.open(dir.resolve("arbiter.db"));
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        store.close();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    RunStore store() { return store; }

    /** Where run directories go: {@code RunOptions.builder(runsRoot())}. */
    Path runsRoot() { return dir.resolve("runs"); }

    EvalRunner runner() {
        return new EvalRunner(store, new EngineEnvironment(Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"),
                ZoneOffset.UTC), () -> 0L, nanos -> { }, new SplittableRandom(1), () -> "run-" + ids.incrementAndGet()),
                ProgressListener.NONE);
    }
}
