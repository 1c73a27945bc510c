package dev.arbiter.eval.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
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
 * <p>Waiting callers park on their own item and are woken one by one when it is written, and the next committer is
 * handed its role: none of them wakes to contend for the lock (a condition's signalAll woke a whole batch of ~60 to
 * re-take the lock one after another, 18% of the eval workers' CPU in the profile).
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
    /** Signalled when the lingering committer should stop waiting (only that one thread waits on it). */
    private final Condition arrived = lock.newCondition();
    private List<Pending<T>> queued = new ArrayList<>();
    /** Whether some caller holds the committer's role (lingering, writing, or just handed it). */
    private boolean committing;
    /** The lingering committer's count of callers still producing; null when none lingers. */
    private IntSupplier lingerComing;

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
        Pending<T> mine = new Pending<>(item, Thread.currentThread());
        boolean commit;
        lock.lock();
        try {
            queued.add(mine);
            // wake the lingering committer only when its wait is over, not at every arrival
            if (lingerComing != null && (queued.size() >= maxBatch || lingerComing.getAsInt() <= 0)) arrived.signal();
            commit = !committing;
            committing = true;
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        if (!commit) {
            // the item is queued: return only once it is written (or failed), even when interrupted
            while (mine.state == Pending.WAITING) {
                LockSupport.park(this);
                if (Thread.interrupted()) interrupted = true;
            }
            commit = mine.state == Pending.COMMIT;
        }
        try {
            if (commit && commit(coming)) interrupted = true;
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
        if (mine.failure != null) throw mine.failure;
    }

    /**
     * As the committer: lingers, writes everything queued (this caller's item included: it was queued before this
     * caller became the committer), marks each item written and wakes its caller, and hands the role to the first
     * item queued meanwhile, if any. Returns whether the linger was interrupted.
     */
    private boolean commit(IntSupplier coming) {
        List<Pending<T>> batch;
        boolean interrupted;
        lock.lock();
        try {
            interrupted = linger(coming);
            batch = queued;
            queued = new ArrayList<>();
        } finally {
            lock.unlock();
        }
        RuntimeException failure = null;
        Error error = null;
        try {
            List<T> items = new ArrayList<>(batch.size());
            for (Pending<T> p : batch) items.add(p.item);
            writer.accept(items);
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) { // still wake every waiter and hand the role on, or they would wait forever
            failure = new IllegalStateException("the batch's write failed: " + e, e);
            error = e;
        }
        Pending<T> next = null;
        lock.lock();
        try {
            for (Pending<T> p : batch) {
                p.failure = failure;
                p.state = Pending.DONE; // volatile: publishes the failure with it
            }
            if (queued.isEmpty()) committing = false;
            else (next = queued.get(0)).state = Pending.COMMIT;
        } finally {
            lock.unlock();
        }
        Thread self = Thread.currentThread();
        for (Pending<T> p : batch) if (p.waiter != self) LockSupport.unpark(p.waiter);
        if (next != null) LockSupport.unpark(next.waiter);
        if (error != null) throw error;
        return interrupted;
    }

    /**
     * With the lock held and this thread the committer: waits while other callers are producing items, the batch is
     * below its maximum and the linger time lasts. Returns whether it was interrupted (and stopped waiting).
     */
    private boolean linger(IntSupplier coming) {
        if (lingerNanos == 0) return false;
        long left = lingerNanos;
        lingerComing = coming;
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
            lingerComing = null;
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

    /** One item waiting for its batch; its caller parks until {@link #state} leaves WAITING. */
    private static final class Pending<T> {
        static final int WAITING = 0;
        /** Written (or failed, see {@link #failure}). */
        static final int DONE = 1;
        /** Handed the committer's role: its caller writes the next batch, its own item first. */
        static final int COMMIT = 2;

        final T item;
        final Thread waiter;
        volatile int state = WAITING;
        /** Set before {@link #state} becomes DONE. */
        RuntimeException failure;

        Pending(T item, Thread waiter) {
            this.item = item;
            this.waiter = waiter;
        }
    }
}
