package dev.arbiter.jmh;

import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredRun;
import dev.arbiter.eval.store.StoredSample;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Committing one answer to the SQLite run store (WAL, synchronous=NORMAL): from one thread (a commit each) and from
 * 16 threads at once (group commit shares transactions), each caller waiting for its commit; and as the eval does,
 * 64 answers queued behind the caller ({@code putSampleLater}) then awaited, so the time per answer includes the
 * committer's batches and callbacks. A 2 KB record, as an MMLU answer line. In µs per answer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StoreWriteBench {
    private static final String RECORD = "{\"sample_id\":\"x\",\"response\":\"" + "The answer is C. ".repeat(110) + "\"}";
    private final AtomicLong ids = new AtomicLong();
    private Path dir;
    private RunStore store;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("arbiter-jmh-store");
        store = RunStore.open(dir.resolve("bench.db"));
        store.insertRun(new StoredRun("r1", "t", "m", "e", "k", "running", Instant.EPOCH, null, 0, 0, null, "{}", null));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    @Threads(1)
    public void putSampleOneThread() {
        store.putSample(new StoredSample("r1", "t", "s" + ids.incrementAndGet(), 0, RECORD, 1.0, "scored"));
    }

    @Benchmark
    @Threads(16)
    public void putSampleSixteenThreads() {
        store.putSample(new StoredSample("r1", "t", "s" + ids.incrementAndGet(), 0, RECORD, 1.0, "scored"));
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(64)
    public void putSampleLater64ThenAwait() {
        for (int i = 0; i < 64; i++) {
            store.putSampleLater(new StoredSample("r1", "t", "s" + ids.incrementAndGet(), 0, RECORD, 1.0, "scored"), f -> {
                if (f != null) throw f;
            });
        }
        store.awaitSamples();
    }
}
