package dev.arbiter.eval.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Group commit: items that arrive while a batch is being written wait for it, then go together in the next one, so
 * 64 workers finishing at once cost a few transactions, not 64. The caller whose item starts a batch writes it (no
 * writer thread); each caller returns only once its own item is written, or throws the batch's failure, so a kill
 * loses at most the items whose calls had not returned (those in flight).
 *
 * <p>Linger: a caller that says how many other callers are still producing an item for this commit
 * ({@link #submit(Object, IntSupplier)}) waits for them, up to {@link #lingerNanos}, before it writes. Without it,
 * answers arriving one every ~0.1 ms against a ~0.1 ms commit went in batches of 1.5 on average (11,000 transactions
 * for 16,384 answers at --concurrency 64). It never waits when no other caller is producing (one worker, or the last
 * answers of a run), and each item is still written before its call returns: a kill loses no more than before, only
 * the items whose calls had not returned.
 *
 * @param <T> what is written
 */
final class GroupCommit<T> {
    /** Writes one batch in one transaction: all of it, or none of it and it throws. */
    private final Consumer<List<T>> writer;
    /** Longest a batch waits for busy callers to submit, in nanoseconds; 0 never waits. */
    private final long lingerNanos;
    /** Largest batch a linger waits to fill. */
    private final int maxBatch;
    /** Guards the fields below; never held while the writer runs. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when a batch has been written (its callers and the next committer wait on it). */
    private final Condition written = lock.newCondition();
    /** Signalled when an item is queued while a committer lingers (only that one thread waits on it). */
    private final Condition arrived = lock.newCondition();
    private List<Pending<T>> queued = new ArrayList<>();
    private boolean committing;
    private boolean lingering;

    GroupCommit(Consumer<List<T>> writer) {
        this(writer, 0, 1);
    }

    GroupCommit(Consumer<List<T>> writer, long lingerNanos, int maxBatch) {
        if (lingerNanos < 0 || maxBatch < 1) throw new IllegalArgumentException("linger " + lingerNanos + " ns, max batch " + maxBatch);
        this.writer = writer;
        this.lingerNanos = lingerNanos;
        this.maxBatch = maxBatch;
    }

    /** Writes {@code item}, in a batch with whatever else is waiting; returns once it is written. Never lingers. */
    void submit(T item) {
        submit(item, () -> 0);
    }

    /**
     * Writes {@code item} as {@link #submit(Object)} does; {@code coming} tells how many other callers are producing an
     * item they will submit soon (a pool's workers still waiting for their answer): while there are some, the batch
     * waits for them, up to the linger time and the largest batch.
     */
    void submit(T item, IntSupplier coming) {
        Pending<T> mine = new Pending<>(item);
        boolean interrupted = false;
        lock.lock();
        try {
            queued.add(mine);
            if (lingering) arrived.signal();
            while (true) {
                while (!mine.done && committing) {
                    try {
                        written.await();
                    } catch (InterruptedException e) {
                        interrupted = true; // the item is queued: return only once it is written (or failed)
                    }
                }
                if (mine.done) {
                    if (mine.failure != null) throw mine.failure;
                    return;
                }
                committing = true; // this thread writes everything queued so far, its own item included
                if (linger(coming)) interrupted = true;
                List<Pending<T>> batch = queued;
                queued = new ArrayList<>();
                lock.unlock();
                RuntimeException failure = null;
                try {
                    List<T> items = new ArrayList<>(batch.size());
                    for (Pending<T> p : batch) items.add(p.item);
                    writer.accept(items);
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    lock.lock();
                }
                for (Pending<T> p : batch) {
                    p.failure = failure;
                    p.done = true;
                }
                committing = false;
                written.signalAll();
            }
        } finally {
            lock.unlock();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /**
     * With the lock held and this thread the committer: waits while other callers are producing items, the batch is
     * below its maximum and the linger time lasts. Returns whether it was interrupted (and stopped waiting).
     */
    private boolean linger(IntSupplier coming) {
        if (lingerNanos == 0) return false;
        long left = lingerNanos;
        lingering = true;
        try {
            while (left > 0 && queued.size() < maxBatch && coming.getAsInt() > 0) {
                try {
                    left = arrived.awaitNanos(left);
                } catch (InterruptedException e) {
                    return true;
                }
            }
            return false;
        } finally {
            lingering = false;
        }
    }

    /** Items waiting for the next batch. */
    int queued() {
        lock.lock();
        try {
            return queued.size();
        } finally {
            lock.unlock();
        }
    }

    /** Longest a batch may wait for busy callers, in nanoseconds. */
    long lingerNanos() {
        return lingerNanos;
    }

    /** One item waiting for its batch. Fields guarded by the lock. */
    private static final class Pending<T> {
        final T item;
        boolean done;
        RuntimeException failure;

        Pending(T item) {
            this.item = item;
        }
    }
}
