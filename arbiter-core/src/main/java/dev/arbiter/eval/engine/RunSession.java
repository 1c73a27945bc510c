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
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Collects the missing answers of one run, in two pools: {@code concurrency} solvers over the (sample, epoch) items
 * make each item's requests, and hand its answer to one of {@code finishers} threads, which score it and give it to
 * the store; when all finishers are busy the solver does so itself. Neither waits for the commit: the store commits
 * behind them ({@link RunStore#putSampleLater}) and, once an answer is committed, this session logs it and counts it.
 * A solver so goes on to its next item at once (at --concurrency 1, handing the request permit between workers, then
 * waiting for commits, left the one request slot idle for a third of the time; docs/performance.md).
 *
 * <p>What a kill can lose is bounded as before: a solver takes an item only while fewer than
 * {@code concurrency + finishers} are taken and not yet committed ({@link #uncommitted}), so at most that many
 * answers and requests are lost, the bound of the one pool of that many workers this replaced
 * ({@code EvalRunnerTest.aStalledScorerStopsTheRequestsAtConcurrencyPlusFinishers} and
 * {@code aStalledStoreStopsTheRequestsAtConcurrencyPlusFinishers}). Stops taking new items on {@link #stop()} (Ctrl-C)
 * or on the first non-retriable model error; answers already obtained when either arrives are still scored and kept.
 */
final class RunSession {
    private final String runId;
    private final String task;
    private final RunStore store;
    private final RunFiles files;
    private final SampleWorker worker;
    private final ProgressListener listener;
    private final Ticker ticker;
    private final int solverThreads;
    private final int finisherThreads;
    /** Answers handed to a finisher and not yet given to the store: at most {@code finisherThreads}. */
    private final Semaphore handOver;
    /** Items taken and not yet committed (or dropped): at most {@code solverThreads + finisherThreads}, the kill bound. */
    private final Semaphore uncommitted;

    private final AtomicBoolean stopping;
    private volatile boolean stopRequested;
    private volatile ExecutorService solvers;
    private volatile ExecutorService finishers;
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
    /** Finisher tasks a stop took off the queue before they started (guarded by this). */
    private final List<Runnable> leftOver = new ArrayList<>();
    private int planned;

    /**
     * @param solverThreads   threads making requests: the request concurrency
     * @param finisherThreads threads scoring and storing answers, and the most answers handed to them at once
     * @param stopping        set here when the session stops; the worker's requests read it to send nothing new
     */
    RunSession(String runId, String task, RunStore store, RunFiles files, SampleWorker worker, ProgressListener listener,
               Ticker ticker, int solverThreads, int finisherThreads, int total, List<SampleRecord> kept,
               AtomicBoolean stopping) {
        if (solverThreads < 1 || finisherThreads < 1) {
            throw new IllegalArgumentException(solverThreads + " solvers, " + finisherThreads + " finishers");
        }
        this.stopping = stopping;
        this.runId = runId;
        this.task = task;
        this.store = store;
        this.files = files;
        this.worker = worker;
        this.listener = listener;
        this.ticker = ticker;
        this.solverThreads = solverThreads;
        this.finisherThreads = finisherThreads;
        this.handOver = new Semaphore(finisherThreads);
        this.uncommitted = new Semaphore(solverThreads + finisherThreads);
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
        ExecutorService f = Executors.newFixedThreadPool(finisherThreads, daemonThreads("arbiter-finish-"));
        ExecutorService p = Executors.newFixedThreadPool(solverThreads, daemonThreads("arbiter-eval-"));
        finishers = f;
        solvers = p;
        if (stopRequested) stop();
        for (int i = 0; i < samples.size() && !p.isShutdown(); i++) {
            Sample s = samples.get(i);
            int epoch = epochs.get(i);
            try {
                p.execute(() -> solveOne(s, epoch));
            } catch (RejectedExecutionException e) {
                break; // stopped while queueing
            }
        }
        p.shutdown();
        // the solvers first (no answer is handed over after they end), then the answers they handed over
        boolean interrupted = awaitAll(p);
        f.shutdown();
        interrupted |= awaitAll(f);
        List<Runnable> left;
        synchronized (this) {
            left = new ArrayList<>(leftOver);
            leftOver.clear();
        }
        // Answers a stop found handed over and not started: finished as the running finishers are, interrupted (a
        // judge's call or a sandboxed program ends at once and its error is dropped; a plain score is stored).
        try {
            for (Runnable r : left) {
                Thread.currentThread().interrupt();
                r.run();
            }
        } finally {
            Thread.interrupted();
            // every answer given to the store is committed, logged and counted before the session returns
            store.awaitSamples();
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Waits until {@code pool} has terminated; an interrupt on the way stops the session. */
    private boolean awaitAll(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) return interrupted;
            } catch (InterruptedException e) {
                interrupted = true;
                stop();
            }
        }
    }

    /**
     * A solver's part: takes the item once fewer than the kill bound are uncommitted, makes its requests; then its
     * answer goes to a finisher when one is free, else the solver scores it and gives it to the store itself.
     */
    private void solveOne(Sample s, int epoch) {
        if (stopping.get()) return;
        try {
            // out of room under the kill bound: write the answers waiting for the committer rather than wait for it
            if (!uncommitted.tryAcquire()) {
                store.commitQueuedHere();
                uncommitted.acquire();
            }
        } catch (InterruptedException e) {
            return;  // a stop: the item is not taken
        }
        boolean passed = false;  // whether the item's permit went on with its answer (released once it is committed)
        try {
            if (stopping.get()) return;
            SampleWorker.Solved solved;
            try {
                solved = worker.solve(s, epoch);
            } catch (StoppedException e) {
                return;  // dropped: asked for no new request
            } catch (ModelException e) {
                if (!stopRequested) fail(e);  // else the interrupt of a stop surfaced as a client error
                return;
            } catch (RuntimeException e) {
                fail(e);
                return;
            }
            if (!finishHere() && handOver.tryAcquire()) {
                boolean handed = false;
                try {
                    finishers.execute(() -> finishOne(solved, true));
                    handed = true;
                } catch (RejectedExecutionException e) {
                    // stopped: an answer already obtained is still kept, so it is finished here
                } finally {
                    if (!handed) handOver.release();
                }
                if (handed) {
                    passed = true;
                    return;
                }
            }
            passed = true;
            finishOne(solved, false);
        } finally {
            if (!passed) uncommitted.release();
        }
    }

    /**
     * Scores one answer and gives it to the store, which logs and counts it once committed ({@code handed}: on a
     * finisher, holding a hand-over). Holds the item's {@link #uncommitted} permit, released here when the answer is
     * dropped, else once it is committed.
     */
    private void finishOne(SampleWorker.Solved solved, boolean handed) {
        boolean queued = false;
        long start = System.nanoTime();
        try {
            SampleRecord r = worker.finish(solved);
            timeFinish(System.nanoTime() - start);
            if (stopping.get() && SampleRecord.ERROR.equals(r.status())) return; // most likely the stop itself; re-run on resume
            StoredSample row = RecordCodec.stored(runId, task, r); // serialised once: the store row is the log line
            store.putSampleLater(row, failure -> committed(row, r, failure), flushLog);
            queued = true;
        } catch (StoppedException e) {
            // dropped: a judge asked for no new request
        } catch (ModelException e) {
            if (!stopRequested) fail(e);
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            if (!queued) uncommitted.release();
            if (handed) handOver.release();
        }
    }

    /**
     * Whether a solver finishes its answer itself rather than handing it to a finisher: when there are more than twice
     * as many solvers as cores, so that the cores are kept busy by the solvers alone and a hand-over adds no
     * parallelism, only its cost (a futex wake, the finisher's wake-up and park: two context switches an answer), and
     * when finishing has been measured cheap ({@link #CHEAP_FINISH_NANOS}), as exact match or a regex is: a scorer
     * that waits (a judge's request, a sandboxed program) keeps being handed over, so the solver's request slot is not
     * held by it. At c=64 on 2 cores, 16,384 answers: docs/performance.md, ninth pass. At low concurrency the hand-over
     * stays: scoring on the one solver at c=1 left the finisher's core idle and the request slot waiting (+10% wall).
     */
    private boolean finishHere() {
        return finishOnSolver(solverThreads, CORES, finishNanos);
    }

    /** {@link #finishHere()}'s rule; {@code meanFinishNanos} -1 when nothing was finished yet (then: hand over). */
    static boolean finishOnSolver(int solvers, int cores, long meanFinishNanos) {
        return solvers > 2 * cores && meanFinishNanos >= 0 && meanFinishNanos < CHEAP_FINISH_NANOS;
    }

    /**
     * Mean finishing time (scoring, the record and its JSON) below which a solver at high concurrency finishes its
     * answer itself: about what a hand-over to another thread costs in CPU; an in-process scorer (exact, match,
     * regex, the MATH grader) takes 10–60 µs, anything that waits on a request or a process takes milliseconds.
     */
    static final long CHEAP_FINISH_NANOS = 100_000;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /**
     * Exponential mean of {@link #finishOne}'s time in nanoseconds (weight 1/8 for the newest), -1 before the first
     * answer is finished. Updated without a lock by whichever thread finished: a lost update only delays the mean, and
     * it decides where work runs, never a result.
     */
    private volatile long finishNanos = -1;

    private void timeFinish(long nanos) {
        long mean = finishNanos;
        finishNanos = mean < 0 ? nanos : mean + (nanos - mean) / 8;
    }

    /** On the store's committer thread, once {@code row} is committed (failure null) or its transaction failed. */
    private void committed(StoredSample row, SampleRecord r, RuntimeException failure) {
        try {
            if (failure != null) {
                fail(failure);
                return;
            }
            files.appendLater(row.record());  // written with the batch's other lines, by flushLog
            synchronized (this) {
                produced.add(r);
                count(r);
                listener.sampleDone(r, progress());
            }
        } catch (RuntimeException e) {
            fail(e);
        } catch (Error e) {
            fail(new IllegalStateException("recording a committed answer failed: " + e, e));
            throw e;
        } finally {
            uncommitted.release();
        }
    }

    /**
     * After each committed batch's callbacks ({@link RunStore#putSampleLater(StoredSample, java.util.function.Consumer,
     * Runnable)}): its answers' log lines in one write. One object for the session, so that the store runs it once
     * per batch.
     */
    private final Runnable flushLog = this::flushLogNow;

    private void flushLogNow() {
        try {
            files.flushLog();
        } catch (RuntimeException e) {
            fail(e);
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
        ExecutorService p = solvers;
        if (p != null) p.shutdownNow();
        ExecutorService f = finishers;
        // interrupts a judge's call; answers handed over but not yet started are finished by run() after the pools
        if (f != null) {
            synchronized (this) {  // taken and kept under one lock, so run() cannot read the list in between
                leftOver.addAll(f.shutdownNow());
            }
        }
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
        if (r.outcome() == SampleOutcome.ERROR) errors++;  // as RunResults: a context overflow is not an error
    }

    private Progress progress() {
        return new Progress(runId, task, total, done, resumed, scored, errors,
                scored == 0 ? Double.NaN : scoreSum / scored, ticker.nanos() - startNanos);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
