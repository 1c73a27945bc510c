package dev.arbiter.eval.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The linger of a group commit: a batch waits for callers still producing an item, and for nothing else. Lingers are
 * set far longer than a test may take, so a batch written early (or a wait that never ends) shows in what was written,
 * not in a timing; the preemptive timeouts only keep a broken wait from hanging the build.
 */
class GroupCommitTest {
    private static final long FOREVER = Duration.ofMinutes(10).toNanos();
    private static final Duration HANG = Duration.ofSeconds(60);

    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aBatchWaitsForTheCallersStillProducingAndIsWrittenWhenTheLastArrives() throws Exception {
        GroupCommit<String> commit = new GroupCommit<>(batches::add, FOREVER, 100);
        AtomicInteger coming = new AtomicInteger(2); // b and c are still waiting for their answers
        assertTimeoutPreemptively(HANG, () -> {
            Thread a = new Thread(() -> commit.submit("a", coming::get));
            a.start();
            await(() -> commit.queued() == 1 && a.getState() == Thread.State.TIMED_WAITING); // lingering, nothing written
            assertThat(batches).isEmpty();
            Thread b = new Thread(() -> { coming.decrementAndGet(); commit.submit("b", coming::get); });
            b.start();
            await(() -> commit.queued() == 2);
            assertThat(batches).isEmpty();
            coming.decrementAndGet(); // c has its answer: nobody else is coming
            commit.submit("c", coming::get);
            a.join();
            b.join();
        });
        assertThat(batches).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void aLoneCallerNeverWaits() {
        GroupCommit<String> commit = new GroupCommit<>(batches::add, FOREVER, 100);
        assertTimeoutPreemptively(HANG, () -> {
            commit.submit("a", () -> 0);
            commit.submit("b");
        });
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void theLingerEndsAtItsTimeWhenTheCallersItWaitsForDoNotCome() {
        GroupCommit<String> commit = new GroupCommit<>(batches::add, Duration.ofMillis(20).toNanos(), 100);
        assertTimeoutPreemptively(HANG, () -> commit.submit("a", () -> 5)); // five "coming" that never submit
        assertThat(batches).containsExactly(List.of("a"));
    }

    @Test
    void aFullBatchIsWrittenWithoutWaitingForMore() throws Exception {
        GroupCommit<String> commit = new GroupCommit<>(batches::add, FOREVER, 2);
        assertTimeoutPreemptively(HANG, () -> {
            Thread a = new Thread(() -> commit.submit("a", () -> 10));
            a.start();
            await(() -> a.getState() == Thread.State.TIMED_WAITING);
            commit.submit("b", () -> 10);
            a.join();
        });
        assertThat(batches).containsExactly(List.of("a", "b"));
    }

    @Test
    void everyCallerOfAFailedBatchGetsItsFailureAndTheNextBatchIsWritten() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        GroupCommit<String> commit = new GroupCommit<>(batch -> {
            if (calls.getAndIncrement() == 0) throw new IllegalStateException("disk full");
            batches.add(batch);
        }, FOREVER, 100);
        AtomicInteger coming = new AtomicInteger(1);
        List<Throwable> seen = Collections.synchronizedList(new ArrayList<>());
        assertTimeoutPreemptively(HANG, () -> {
            Thread a = new Thread(() -> {
                try {
                    commit.submit("a", coming::get);
                } catch (IllegalStateException e) {
                    seen.add(e);
                }
            });
            a.start();
            await(() -> a.getState() == Thread.State.TIMED_WAITING);
            coming.set(0);
            assertThatThrownBy(() -> commit.submit("b", coming::get)).hasMessage("disk full");
            a.join();
            commit.submit("c", coming::get);
        });
        assertThat(seen).singleElement().extracting(Throwable::getMessage).isEqualTo("disk full");
        assertThat(batches).containsExactly(List.of("c"));
    }

    @Test
    void anInterruptedCallerStillHasItsItemWrittenAndKeepsItsInterrupt() throws Exception {
        GroupCommit<String> commit = new GroupCommit<>(batches::add, FOREVER, 100);
        AtomicInteger coming = new AtomicInteger(1);
        boolean[] interruptedAfter = new boolean[1];
        assertTimeoutPreemptively(HANG, () -> {
            Thread a = new Thread(() -> {
                commit.submit("a", coming::get);
                interruptedAfter[0] = Thread.currentThread().isInterrupted();
            });
            a.start();
            await(() -> a.getState() == Thread.State.TIMED_WAITING);
            a.interrupt(); // Ctrl-C while lingering: write now, do not drop the item
            a.join();
        });
        assertThat(batches).containsExactly(List.of("a"));
        assertThat(interruptedAfter[0]).isTrue();
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(2);
        assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
    }
}
