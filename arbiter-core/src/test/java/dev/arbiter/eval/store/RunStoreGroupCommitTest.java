package dev.arbiter.eval.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers stored at the same moment share one transaction, and each caller still returns only once it is committed. */
class RunStoreGroupCommitTest {
    @TempDir Path dir;

    static StoredSample answer(int i) {
        return new StoredSample("r1", "t", "q" + i, 0, "{\"i\":" + i + "}", 1.0, "scored");
    }

    @Test
    void answersArrivingDuringACommitGoTogetherInTheNextTransaction() throws Exception {
        try (RunStore store = RunStore.open(dir.resolve("a.db")); RunStore reader = RunStore.open(dir.resolve("a.db"))) {
            store.insertRun(RunStoreTest.run("r1", "k", "running", "2025-03-01T12:00:00Z"));
            long before = store.sampleTransactions();
            ConcurrentLinkedQueue<String> seenOnReturn = new ConcurrentLinkedQueue<>();
            List<Thread> writers = new ArrayList<>();
            // Holding the store's lock stalls the first writer inside its commit, as a slow disk would.
            synchronized (store) {
                for (int i = 0; i < 16; i++) {
                    int n = i;
                    Thread t = new Thread(() -> {
                        store.putSample(answer(n));
                        // committed before returning: another connection sees the row at once
                        if (reader.samples("r1").stream().anyMatch(s -> s.sampleId().equals("q" + n))) seenOnReturn.add("q" + n);
                    });
                    writers.add(t);
                    t.start();
                    if (i == 0) await(() -> t.getState() == Thread.State.BLOCKED); // the first is inside its commit
                }
                await(() -> store.queuedForCommit() == 15);
            }
            for (Thread t : writers) t.join(10_000);

            assertThat(reader.samples("r1")).hasSize(16);
            assertThat(seenOnReturn).hasSize(16);
            assertThat(store.sampleTransactions() - before).isEqualTo(2); // the stalled one, then the 15 queued behind it
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(2);
        assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
    }
}
