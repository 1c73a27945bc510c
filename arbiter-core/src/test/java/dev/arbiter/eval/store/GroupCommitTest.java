package dev.arbiter.eval.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A group commit's callers: those arriving while a batch is written go together in the next one, each returns once
 * its own item is written (or with its batch's failure). The writer holds its first batch on a latch, so which items
 * share a batch shows in what was written, not in a timing; the preemptive timeouts only keep a broken wait from
 * hanging the build.
 */
class GroupCommitTest {
    private static final Duration HANG = Duration.ofSeconds(60);

    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    @Test
    void callersArrivingDuringAWriteShareTheNextBatchAndEachReturnsOnceWritten() throws Exception {
        CountDownLatch writingFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String> commit = new GroupCommit<>(holdingTheFirstBatch(writingFirst, release));
        assertTimeoutPreemptively(HANG, () -> {
            Thread a = new Thread(() -> commit.submit("a"));
            a.start();
            assertThat(writingFirst.await(30, TimeUnit.SECONDS)).isTrue();
            Thread b = new Thread(() -> commit.submit("b"));
            Thread c = new Thread(() -> commit.submit("c"));
            b.start();
            c.start();
            waitFor(() -> commit.queued() == 2);
            assertThat(b.isAlive() && c.isAlive()).as("b and c wait for their batch").isTrue();
            release.countDown();
            a.join();
            b.join();
            c.join();
        });
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).containsExactly("a");
        assertThat(batches.get(1)).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void aLoneCallerWritesItsOwnItemAtOnce() {
        GroupCommit<String> commit = new GroupCommit<>(batches::add);
        assertTimeoutPreemptively(HANG, () -> {
            commit.submit("a");
            commit.submit("b");
        });
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void everyCallerOfAFailedBatchGetsItsFailureAndTheNextBatchIsWritten() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch writingFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String> commit = new GroupCommit<>(batch -> {
            int n = calls.getAndIncrement();
            if (n == 0) {
                writingFirst.countDown();
                await(release);
                return;  // "a" is written
            }
            if (n == 1) throw new IllegalStateException("disk full");
            batches.add(List.copyOf(batch));
        });
        List<Throwable> seen = Collections.synchronizedList(new ArrayList<>());
        assertTimeoutPreemptively(HANG, () -> {
            Thread a = new Thread(() -> commit.submit("a"));
            a.start();
            assertThat(writingFirst.await(30, TimeUnit.SECONDS)).isTrue();
            List<Thread> failing = new ArrayList<>();
            for (String s : List.of("b", "c")) {
                Thread t = new Thread(() -> {
                    try {
                        commit.submit(s);
                    } catch (IllegalStateException e) {
                        seen.add(e);
                    }
                });
                t.start();
                failing.add(t);
            }
            waitFor(() -> commit.queued() == 2);
            release.countDown();
            a.join();
            for (Thread t : failing) t.join();
            commit.submit("d");
        });
        assertThat(seen).hasSize(2).allSatisfy(e -> assertThat(e).hasMessage("disk full"));
        assertThat(batches).containsExactly(List.of("d"));
        assertThatThrownBy(() -> new GroupCommit<String>(b -> { throw new IllegalStateException("x"); }).submit("e"))
                .hasMessage("x");
    }

    @Test
    void anInterruptedCallerStillHasItsItemWrittenAndKeepsItsInterrupt() throws Exception {
        CountDownLatch writingFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupCommit<String> commit = new GroupCommit<>(holdingTheFirstBatch(writingFirst, release));
        boolean[] interruptedAfter = new boolean[1];
        assertTimeoutPreemptively(HANG, () -> {
            Thread a = new Thread(() -> commit.submit("a"));
            a.start();
            assertThat(writingFirst.await(30, TimeUnit.SECONDS)).isTrue();
            Thread b = new Thread(() -> {
                commit.submit("b");
                interruptedAfter[0] = Thread.currentThread().isInterrupted();
            });
            b.start();
            waitFor(() -> commit.queued() == 1 && b.getState() == Thread.State.WAITING);
            b.interrupt(); // Ctrl-C while waiting for its batch: the item is still written, not dropped
            release.countDown();
            a.join();
            b.join();
        });
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
        assertThat(interruptedAfter[0]).isTrue();
    }

    /** A writer that records each batch and holds the first one until {@code release}. */
    private java.util.function.Consumer<List<String>> holdingTheFirstBatch(CountDownLatch writingFirst, CountDownLatch release) {
        return batch -> {
            batches.add(List.copyOf(batch));
            if (batches.size() == 1) {
                writingFirst.countDown();
                await(release);
            }
        };
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(2);
        assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
    }
}
