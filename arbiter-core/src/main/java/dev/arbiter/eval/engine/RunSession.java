package dev.arbiter.eval.engine;

import dev.arbiter.client.ModelException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredSample;
import dev.arbiter.util.Ticker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects the missing answers of one run: a pool of workers over (sample, epoch) items, each answer committed to
 * the store and appended to the log as it completes. Stops taking new items on {@link #stop()} (Ctrl-C) or on the
 * first non-retriable model error; answers already in flight when a fatal error arrives are still kept.
 */
final class RunSession {
    private final String runId;
    private final String task;
    private final RunStore store;
    private final RunFiles files;
    private final SampleWorker worker;
    private final ProgressListener listener;
    private final Ticker ticker;
    private final int threads;

    private final AtomicBoolean stopping;
    private volatile boolean stopRequested;
    private volatile ExecutorService pool;
    /** Workers between taking an item and storing its answer: the store's group commit waits a little for them. */
    private final AtomicInteger answering = new AtomicInteger();
    private RuntimeException fatal;

    // progress, guarded by this
    private final int total;
    private final int resumed;
    private int done;
    private int scored;
    private int errors;
    private double scoreSum;
    private long startNanos;
    private final List<SampleRecord> kept;
    private final List<SampleRecord> produced = new ArrayList<>();
    private int planned;

    /** @param stopping set here when the session stops; the worker's requests read it to send nothing new */
    RunSession(String runId, String task, RunStore store, RunFiles files, SampleWorker worker, ProgressListener listener,
               Ticker ticker, int threads, int total, List<SampleRecord> kept, AtomicBoolean stopping) {
        this.stopping = stopping;
        this.runId = runId;
        this.task = task;
        this.store = store;
        this.files = files;
        this.worker = worker;
        this.listener = listener;
        this.ticker = ticker;
        this.threads = threads;
        this.total = total;
        this.resumed = kept.size();
        this.kept = kept;
        for (SampleRecord r : kept) count(r);
    }

    /** Runs every item; returns when all are done or the session stopped. Not re-entrant. */
    void run(List<Sample> samples, List<Integer> epochs) {
        synchronized (this) {
            planned = samples.size();
            startNanos = ticker.nanos();
            listener.started(progress());
        }
        ExecutorService p = Executors.newFixedThreadPool(threads, daemonThreads());
        pool = p;
        if (stopRequested) p.shutdownNow();
        for (int i = 0; i < samples.size() && !p.isShutdown(); i++) {
            Sample s = samples.get(i);
            int epoch = epochs.get(i);
            try {
                p.execute(() -> runOne(s, epoch));
            } catch (RejectedExecutionException e) {
                break; // stopped while queueing
            }
        }
        p.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (p.awaitTermination(1, TimeUnit.MINUTES)) break;
            } catch (InterruptedException e) {
                interrupted = true;
                stop();
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void runOne(Sample s, int epoch) {
        if (stopping.get()) return;
        answering.incrementAndGet();
        boolean counted = true;
        try {
            SampleRecord r = worker.run(s, epoch);
            if (stopping.get() && SampleRecord.ERROR.equals(r.status())) return; // most likely the stop itself; re-run on resume
            StoredSample row = RecordCodec.stored(runId, task, r); // serialised once: the store row is the log line
            answering.decrementAndGet();
            counted = false;
            store.putSample(row, answering::get);
            files.append(row.record());
            synchronized (this) {
                produced.add(r);
                count(r);
                listener.sampleDone(r, progress());
            }
        } catch (StoppedException e) {
            // dropped: asked for no new request
        } catch (ModelException e) {
            if (stopRequested) return; // the interrupt of a stop surfaced as a client error
            fail(e);
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            if (counted) answering.decrementAndGet();
        }
    }

    private synchronized void fail(RuntimeException e) {
        if (fatal == null) fatal = e;
        stopping.set(true);
    }

    /** Ctrl-C: no new items or requests, in-flight requests interrupted; what was stored stays. */
    void stop() {
        stopRequested = true;
        stopping.set(true);
        ExecutorService p = pool;
        if (p != null) p.shutdownNow();
    }

    boolean stopRequested() { return stopRequested; }

    /**
     * Every answer the store now holds for the run, in its order (sample id, then epoch), when this session stored
     * one for each item it was given: the kept answers plus this session's, which replaced every stored error. Null
     * when an item was dropped (a stop, a fatal error): the store, which still holds older errors, is then read.
     * Spares re-reading and re-parsing every answer from the store at the end of a big run.
     */
    synchronized List<SampleRecord> allRecords() {
        if (produced.size() != planned) return null;
        List<SampleRecord> all = new ArrayList<>(kept.size() + produced.size());
        all.addAll(kept);
        all.addAll(produced);
        all.sort(STORE_ORDER);
        return all;
    }

    /** The store's {@code ORDER BY sample_id, epoch}: SQLite compares text as UTF-8 bytes, i.e. by code point. */
    static final java.util.Comparator<SampleRecord> STORE_ORDER = (a, b) -> {
        int c = compareCodePoints(a.sampleId(), b.sampleId());
        return c != 0 ? c : Integer.compare(a.epoch(), b.epoch());
    };

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) return Integer.compare(x, y);
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    synchronized RuntimeException fatal() { return fatal; }

    private void count(SampleRecord r) {
        done++;
        if (r.score() != null) {
            scored++;
            scoreSum += r.score();
        }
        if (SampleRecord.ERROR.equals(r.status())) errors++;
    }

    private Progress progress() {
        return new Progress(runId, task, total, done, resumed, scored, errors,
                scored == 0 ? Double.NaN : scoreSum / scored, ticker.nanos() - startNanos);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "arbiter-eval-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
