package dev.arbiter.eval.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Group commit: items that arrive while a batch is being written wait for it, then go together in the next one, so
 * 64 workers finishing at once cost a few transactions, not 64. The caller whose item starts a batch writes it (no
 * writer thread); each caller returns only once its own item is written, or throws the batch's failure, so a kill
 * loses at most the items whose calls had not returned (those in flight).
 *
 * @param <T> what is written
 */
final class GroupCommit<T> {
    /** Writes one batch in one transaction: all of it, or none of it and it throws. */
    private final Consumer<List<T>> writer;
    /** Lock and condition; never held while the writer runs. */
    private final Object lock = new Object();
    private List<Pending<T>> queued = new ArrayList<>();
    private boolean committing;

    GroupCommit(Consumer<List<T>> writer) {
        this.writer = writer;
    }

    /** Writes {@code item}, in a batch with whatever else is waiting; returns once it is written. */
    void submit(T item) {
        Pending<T> mine = new Pending<>(item);
        synchronized (lock) {
            queued.add(mine);
        }
        boolean interrupted = false;
        try {
            while (true) {
                List<Pending<T>> batch;
                synchronized (lock) {
                    while (!mine.done && committing) {
                        try {
                            lock.wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // the item is queued: return only once it is written (or failed)
                        }
                    }
                    if (mine.done) {
                        if (mine.failure != null) throw mine.failure;
                        return;
                    }
                    committing = true; // this thread writes everything queued so far, its own item included
                    batch = queued;
                    queued = new ArrayList<>();
                }
                RuntimeException failure = null;
                try {
                    List<T> items = new ArrayList<>(batch.size());
                    for (Pending<T> p : batch) items.add(p.item);
                    writer.accept(items);
                } catch (RuntimeException e) {
                    failure = e;
                }
                synchronized (lock) {
                    for (Pending<T> p : batch) {
                        p.failure = failure;
                        p.done = true;
                    }
                    committing = false;
                    lock.notifyAll();
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Items waiting for the next batch. */
    int queued() {
        synchronized (lock) {
            return queued.size();
        }
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
