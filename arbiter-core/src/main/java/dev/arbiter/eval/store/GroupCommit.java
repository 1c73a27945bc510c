package dev.arbiter.eval.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit: items that arrive while a batch is being written wait for it, then go together in the next one, so
 * many callers storing at once cost a few transactions, not one each. The caller whose item starts a batch writes it
 * (no writer thread); each caller returns only once its own item is written, or throws the batch's failure, so a
 * kill loses at most the items whose calls had not returned (those in flight). The eval's answers go through
 * {@link CommitQueue} instead, whose callers do not wait; this is for the store's other callers.
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
    /** Guards the fields below; never held while the writer runs. */
    private final ReentrantLock lock = new ReentrantLock();
    private List<Pending<T>> queued = new ArrayList<>();
    /** Whether some caller holds the committer's role (writing, or just handed it). */
    private boolean committing;

    GroupCommit(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    /** Writes {@code item}, in a batch with whatever else is waiting; returns once it is written. */
    void submit(T item) {
        Pending<T> mine = new Pending<>(item, Thread.currentThread());
        boolean commit;
        lock.lock();
        try {
            queued.add(mine);
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
            if (commit) commit();
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
        if (mine.failure != null) throw mine.failure;
    }

    /**
     * As the committer: writes everything queued (this caller's item included: it was queued before this caller
     * became the committer), marks each item written and wakes its caller, and hands the role to the first item
     * queued meanwhile, if any.
     */
    private void commit() {
        List<Pending<T>> batch;
        lock.lock();
        try {
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
