package dev.arbiter.eval.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class CommitQueueTest {
    static final Duration HANG = Duration.ofSeconds(30);

    @Test
    void itemsQueuedDuringAWriteGoTogetherInTheNextAndAreToldInOrder() throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        CommitQueue<String> q = new CommitQueue<>(items -> {
            batches.add(List.copyOf(items));
            if (batches.size() == 1) {
                firstWriting.countDown();
                await(letFirstFinish);
            }
        }, "test-commit");
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        q.submit("a", f -> told.add("a" + (f == null ? "" : "!")));
        assertThat(firstWriting.await(30, TimeUnit.SECONDS)).isTrue();
        // the writer is busy with "a": these three return at once and wait in the queue
        for (String s : List.of("b", "c", "d")) q.submit(s, f -> told.add(s + (f == null ? "" : "!")));
        assertThat(told).isEmpty();
        letFirstFinish.countDown();
        assertTimeoutPreemptively(HANG, q::await);
        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c", "d"));
        assertThat(told).containsExactly("a", "b", "c", "d");
        q.close();
    }

    @Test
    void aFailedWriteIsToldToEveryItemOfItsBatchAndTheNextBatchIsStillWritten() {
        List<List<String>> written = new CopyOnWriteArrayList<>();
        CommitQueue<String> q = new CommitQueue<>(items -> {
            if (items.contains("bad")) throw new IllegalStateException("disk full");
            written.add(List.copyOf(items));
        }, "test-commit");
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        q.submit("bad", f -> told.add("bad:" + (f == null ? "ok" : f.getMessage())));
        q.await();
        q.submit("good", f -> told.add("good:" + (f == null ? "ok" : f.getMessage())));
        q.await();
        assertThat(told).containsExactly("bad:disk full", "good:ok");
        assertThat(written).containsExactly(List.of("good"));
        q.close();
    }

    @Test
    void aCallbackThatThrowsStopsNeitherTheOthersNorTheCommitter() throws Exception {
        CountDownLatch writingFirst = new CountDownLatch(1);
        CountDownLatch hold = new CountDownLatch(1);
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        CommitQueue<String> q = new CommitQueue<>(items -> {
            batches.add(List.copyOf(items));
            if (items.contains("first")) {
                writingFirst.countDown();
                await(hold);
            }
        }, "test-commit");
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        q.submit("first", f -> { });
        assertThat(writingFirst.await(30, TimeUnit.SECONDS)).isTrue();
        // queued while "first" is written: these four share the next batch
        q.submit("x", f -> { throw new IllegalStateException("caller's bug"); });
        q.submit("y", f -> told.add("y"));
        q.submit("oom", f -> { throw new OutOfMemoryError("simulated"); });
        q.submit("w", f -> told.add("w"));
        hold.countDown();
        assertTimeoutPreemptively(HANG, q::await);
        assertThat(batches).containsExactly(List.of("first"), List.of("x", "y", "oom", "w"));
        assertThat(told).as("every callback of the batch ran, the Error's included").containsExactly("y", "w");
        q.submit("z", f -> told.add("z"));
        assertTimeoutPreemptively(HANG, q::await);
        assertThat(told).as("the committer is still there after the Error").containsExactly("y", "w", "z");
        q.close();
    }

    @Test
    void anErrorFromACallbackReachesACallerWritingTheBatchItselfAfterEveryCallbackRan() {
        CommitQueue<String> q = new CommitQueue<>(items -> { }, "test-commit", Duration.ofMinutes(10).toNanos(), 100);
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        q.submit("oom", f -> { throw new OutOfMemoryError("simulated"); });
        q.submit("after", f -> told.add("after"));
        assertThatThrownBy(q::commitHere).isInstanceOf(OutOfMemoryError.class);
        assertThat(told).containsExactly("after");
        assertTimeoutPreemptively(HANG, q::close);
    }

    @Test
    void closeWritesWhatIsQueuedThenRefusesMore() {
        List<String> written = new CopyOnWriteArrayList<>();
        CountDownLatch hold = new CountDownLatch(1);
        CommitQueue<String> q = new CommitQueue<>(items -> {
            await(hold);
            written.addAll(items);
        }, "test-commit");
        for (int i = 0; i < 5; i++) q.submit("s" + i, f -> { });
        Thread releaser = new Thread(() -> {
            sleep(100);
            hold.countDown();
        });
        releaser.start();
        assertTimeoutPreemptively(HANG, q::close);
        assertThat(written).containsExactly("s0", "s1", "s2", "s3", "s4");
        assertThatThrownBy(() -> q.submit("late", f -> { })).isInstanceOf(IllegalStateException.class);
        q.close();  // again: nothing to do
    }

    @Test
    void awaitKeepsWaitingThroughAnInterruptAndKeepsTheFlag() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        List<String> written = new CopyOnWriteArrayList<>();
        CommitQueue<String> q = new CommitQueue<>(items -> {
            await(hold);
            written.addAll(items);
        }, "test-commit");
        q.submit("a", f -> { });
        List<Boolean> flag = new CopyOnWriteArrayList<>();
        List<Boolean> writtenWhenReturned = new CopyOnWriteArrayList<>();
        Thread waiter = new Thread(() -> {
            q.await();
            writtenWhenReturned.add(written.contains("a"));  // an await that returned at the interrupt says false
            flag.add(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        sleep(50);
        waiter.interrupt();
        sleep(50);
        assertThat(waiter.isAlive()).as("still waiting for the write").isTrue();
        hold.countDown();
        waiter.join(30_000);
        assertThat(written).containsExactly("a");
        assertThat(writtenWhenReturned).containsExactly(true);
        assertThat(flag).containsExactly(true);
        q.close();
    }

    @Test
    void aCallerOutOfRoomWritesTheQueuedBatchItselfUnlessOneIsBeingWritten() throws Exception {
        List<String> writers = new CopyOnWriteArrayList<>();
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch writing = new CountDownLatch(1);
        // lingers far longer than the test: only commitHere (or a full batch) writes the two items
        CommitQueue<String> q = new CommitQueue<>(items -> {
            writers.add(Thread.currentThread().getName() + ":" + items);
            if (items.contains("held")) {
                writing.countDown();
                await(hold);
            }
        }, "test-commit", Duration.ofMinutes(10).toNanos(), 100);
        q.submit("a", f -> { });
        q.submit("b", f -> { });
        assertThat(q.commitHere()).isTrue();
        assertThat(writers).containsExactly(Thread.currentThread().getName() + ":[a, b]");
        assertThat(q.commitHere()).as("nothing queued").isFalse();

        Thread helper = new Thread(() -> {
            q.submit("held", f -> { });
            q.commitHere();  // writes [held] and blocks in the writer until released
        }, "helper");
        helper.start();
        assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
        q.submit("c", f -> { });
        assertThat(q.commitHere()).as("a batch is being written").isFalse();
        hold.countDown();
        helper.join(30_000);
        assertThat(q.commitHere()).isTrue();
        assertThat(writers).endsWith("helper:[held]", Thread.currentThread().getName() + ":[c]");
        q.close();
    }

    @Test
    void awaitAndCloseDoNotWaitOutTheLinger() {
        List<String> written = new CopyOnWriteArrayList<>();
        CommitQueue<String> q = new CommitQueue<>(written::addAll, "test-commit", Duration.ofMinutes(10).toNanos(), 100);
        q.submit("a", f -> { });
        assertTimeoutPreemptively(HANG, q::await);
        assertThat(written).containsExactly("a");
        q.submit("b", f -> { });
        assertTimeoutPreemptively(HANG, q::close);
        assertThat(written).containsExactly("a", "b");
    }

    /**
     * The eval's log is written once per committed batch: an action given with the items runs once per batch, after
     * all of that batch's callbacks, however many of its items gave it; also when the write failed.
     */
    @Test
    void anAfterBatchActionRunsOncePerBatchAfterItsCallbacksEvenWhenTheWriteFailed() throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        CommitQueue<String> q = new CommitQueue<>(items -> {
            batches.add(List.copyOf(items));
            if (batches.size() == 1) {
                firstWriting.countDown();
                await(letFirstFinish);
            }
            if (items.contains("bad")) throw new IllegalStateException("disk full");
        }, "test-commit");
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Runnable flush = () -> events.add("flush");
        Runnable other = () -> events.add("other");
        q.submit("a", f -> events.add("a"), flush);
        assertThat(firstWriting.await(30, TimeUnit.SECONDS)).isTrue();
        q.submit("b", f -> events.add("b"), flush);
        q.submit("c", f -> events.add("c"), null);
        q.submit("d", f -> events.add("d"), other);
        q.submit("e", f -> events.add("e"), flush);
        letFirstFinish.countDown();
        assertTimeoutPreemptively(HANG, q::await);
        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c", "d", "e"));
        // one flush per batch, each after its batch's callbacks; the actions in the order first given
        assertThat(events).containsExactly("a", "flush", "b", "c", "d", "e", "flush", "other");

        events.clear();
        q.submit("bad", f -> events.add("bad:" + (f == null ? "ok" : f.getMessage())), flush);
        assertTimeoutPreemptively(HANG, q::await);
        assertThat(events).containsExactly("bad:disk full", "flush");
        q.close();
    }

    @Test
    void anAfterBatchActionThatThrowsStopsNeitherTheOtherActionsNorTheCommitter() {
        CommitQueue<String> q = new CommitQueue<>(items -> { }, "test-commit");
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        q.submit("a", f -> events.add("a"), () -> { throw new IllegalStateException("log disk full"); });
        q.submit("b", f -> events.add("b"), () -> events.add("flush b"));
        assertTimeoutPreemptively(HANG, q::await);
        q.submit("c", f -> events.add("c"), () -> events.add("flush c"));
        assertTimeoutPreemptively(HANG, q::await);
        assertThat(events).contains("a", "b", "flush b", "c", "flush c");
        q.close();
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
