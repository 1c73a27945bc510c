package dev.arbiter.eval.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Commits behind the callers: {@link #submit} queues an item and returns at once; one committer thread writes
 * whatever is queued in one transaction, then tells each item's caller, through the callback it gave, that its item
 * is written (or that the write failed). Items queued while a batch is being written go together in the next one,
 * so the batches grow with the rate items arrive at, with no waiting for more.
 *
 * <p>Unlike {@link GroupCommit}, no caller waits for its own item: the eval's request threads went on to their next
 * request instead of parking until their answer was committed, which, with the wake-up after it, was a fifth of their
 * CPU at --concurrency 64 and kept the one request slot idle at --concurrency 1 (docs/performance.md). What a kill can
 * lose is therefore the caller's to bound: the eval takes a new item only while fewer than its bound are taken and
 * not yet committed, and releases one in the callback.
 *
 * <p>Callbacks run on the committer thread (or on a caller in {@link #commitHere}), in the order the items were
 * queued, one batch after another. A callback that throws does not stop the others: every callback of a batch runs.
 * An exception from one is dropped (recording its item is the caller's business); an Error is thrown once the
 * batch's callbacks have all run, and the committer thread, which then drops it, goes on with the next batch.
 *
 * <p>An item may also bring an {@code afterBatch} action, run once per batch after all of the batch's callbacks, however
 * many of its items brought the same action (compared by identity): the eval writes the batch's log lines there in
 * one call, where one write per answer was the committer's largest piece after the transaction itself.
 *
 * @param <T> what is written
 */
final class CommitQueue<T> {
    /** Writes one batch in one transaction: all of it, or none of it and it throws. */
    private final Consumer<List<T>> writer;
    private final String threadName;
    /** Guards the fields below; never held while the writer or a callback runs. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when an item is queued (the committer waits on it) and when the queue is drained (awaiters wait). */
    private final Condition changed = lock.newCondition();
    private List<Entry<T>> queued = new ArrayList<>();
    /** Whether a batch is being written or told (by the committer, or by a caller in {@link #commitHere}). */
    private boolean busy;
    /** Whether the committer is waiting for a small batch to fill ({@link #lingerNanos}). */
    private boolean lingering;
    /** Longest the committer waits for a batch below {@link #fillTo} items to fill, in nanoseconds; 0 never waits. */
    private final long lingerNanos;
    /** Batch size at which the committer stops lingering. */
    private final int fillTo;
    private boolean closed;
    /** Callers in {@link #await()}: the committer then writes at once instead of lingering. */
    private int awaiting;
    private Thread committer;

    CommitQueue(Consumer<List<T>> writer, String threadName) {
        this(writer, threadName, 0, 1);
    }

    /**
     * @param lingerNanos how long the committer, woken for a batch smaller than {@code fillTo}, waits for more before
     *                    writing it: one answer a transaction was most of the committer's time at --concurrency 1
     * @param fillTo      the batch size at which it writes at once
     */
    CommitQueue(Consumer<List<T>> writer, String threadName, long lingerNanos, int fillTo) {
        if (lingerNanos < 0 || fillTo < 1) throw new IllegalArgumentException("linger " + lingerNanos + " ns, fill to " + fillTo);
        this.writer = writer;
        this.threadName = threadName;
        this.lingerNanos = lingerNanos;
        this.fillTo = fillTo;
    }

    /**
     * Queues {@code item}; {@code done} is called once it is written (with null) or its batch failed (with the
     * failure). Returns at once. The first call starts the committer thread.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    void submit(T item, Consumer<RuntimeException> done) {
        submit(item, done, null);
    }

    /**
     * As {@link #submit(Object, Consumer)}; {@code afterBatch}, when not null, runs once after the callbacks of the
     * batch this item is written in, on the same thread, once for all the batch's items that gave the same action.
     * It runs when the batch's write failed too. Like a callback, an exception from it is dropped and an Error thrown
     * once the batch's other actions ran.
     */
    void submit(T item, Consumer<RuntimeException> done, Runnable afterBatch) {
        lock.lock();
        try {
            if (closed) throw new IllegalStateException("the store is closed");
            if (committer == null) {
                // started before the item is queued: a thread that cannot start leaves nothing queued behind it
                Thread t = new Thread(this::commitLoop, threadName);
                t.setDaemon(true);  // never keeps the JVM up: close() and await() are what wait for it
                t.start();
                committer = t;
            }
            queued.add(new Entry<>(item, done, afterBatch));
            // wake the committer when it sleeps on an empty queue, or lingers and the batch is now full; not at
            // every item (a futex wake each was a tenth of the request thread's time at --concurrency 1)
            if (lingering ? queued.size() == fillTo : queued.size() == 1 && !busy) changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns once every item submitted before the call is written and its callback has run. Waits through an
     * interrupt (the items are already taken from their callers) and keeps the thread's interrupt status.
     */
    void await() {
        boolean interrupted = false;
        lock.lock();
        try {
            awaiting++;
            changed.signalAll();  // a lingering committer writes now
            while (!queued.isEmpty() || busy) {
                try {
                    changed.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            awaiting--;
            lock.unlock();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes what is queued on the calling thread, when no batch is being written: for a caller that would
     * otherwise wait for the committer (a request thread out of room under its kill bound), so that it does the
     * writing instead of waiting for the committer thread to be scheduled. Returns whether it wrote a batch.
     */
    boolean commitHere() {
        List<Entry<T>> batch;
        lock.lock();
        try {
            if (busy || queued.isEmpty()) return false;
            batch = takeBatch();
        } finally {
            lock.unlock();
        }
        // The batch holds other callers' items: a stop that interrupts this caller must not fail their write (a
        // database connection's reconnect wait would end at the interrupt). The flag is kept for after.
        boolean interrupted = Thread.interrupted();
        try {
            writeAndSignal(batch);
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Writes what is queued, then stops the committer; later submits throw. Idempotent. */
    void close() {
        await();
        Thread t;
        lock.lock();
        try {
            closed = true;
            t = committer;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (t != null && t != Thread.currentThread()) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    private void commitLoop() {
        while (true) {
            List<Entry<T>> batch;
            lock.lock();
            try {
                while (busy || queued.isEmpty()) {  // a caller may be writing a batch (commitHere): one at a time
                    if (closed && !busy) return;     // closed and drained
                    changed.awaitUninterruptibly();
                }
                linger();
                if (busy || queued.isEmpty()) continue;  // a caller took the batch meanwhile
                batch = takeBatch();
            } finally {
                lock.unlock();
            }
            try {
                writeAndSignal(batch);
            } catch (Error e) {
                // from a callback, after all of them ran: the caller that threw it has recorded its failure (the
                // eval fails its run); this thread stays, so that what is queued is still written and await returns
            }
        }
    }

    /** With the lock held: everything queued, as the batch now being written. */
    private List<Entry<T>> takeBatch() {
        List<Entry<T>> batch = queued;
        queued = new ArrayList<>();
        busy = true;
        return batch;
    }

    /** With the lock held: waits, up to {@link #lingerNanos}, for the batch to reach {@link #fillTo} items. */
    private void linger() {
        long left = lingerNanos;
        lingering = true;
        try {
            while (left > 0 && queued.size() < fillTo && !closed && !busy && awaiting == 0) {
                try {
                    left = changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    return;  // nobody interrupts the committer; if someone does, it writes at once
                }
            }
        } finally {
            lingering = false;
        }
    }

    private void writeAndSignal(List<Entry<T>> batch) {
        try {
            write(batch);
        } finally {
            lock.lock();
            try {
                busy = false;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void write(List<Entry<T>> batch) {
        RuntimeException failure = null;
        try {
            List<T> items = new ArrayList<>(batch.size());
            for (Entry<T> e : batch) items.add(e.item);
            writer.accept(items);
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {  // each caller still hears of it, and the thread stays to write the next batch
            failure = new IllegalStateException("the batch's write failed: " + e, e);
        }
        Error error = null;
        List<Runnable> after = new ArrayList<>(1);
        for (Entry<T> e : batch) {
            try {
                e.done.accept(failure);
            } catch (RuntimeException ignored) {
                // the caller's own failure to record its item: the other callbacks still run
            } catch (Error err) {
                error = merged(error, err);
            }
            if (e.afterBatch != null && !containsSame(after, e.afterBatch)) after.add(e.afterBatch);
        }
        for (Runnable r : after) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // as a callback's: the caller's own business, and the other actions still run
            } catch (Error err) {
                error = merged(error, err);
            }
        }
        if (error != null) throw error;
    }

    private static Error merged(Error first, Error next) {
        if (first == null) return next;
        first.addSuppressed(next);
        return first;
    }

    /** Identity, not equals: one action per caller, and a batch rarely holds more than one (a list beats a set here). */
    private static boolean containsSame(List<Runnable> actions, Runnable r) {
        for (Runnable a : actions) if (a == r) return true;
        return false;
    }

    private record Entry<T>(T item, Consumer<RuntimeException> done, Runnable afterBatch) {}
}
