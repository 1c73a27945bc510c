package dev.arbiter.bench;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.util.Ticker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one level at a time: closed loop (N workers, each sends its next request when the last one ended) or open
 * loop (a dispatcher sends at precomputed Poisson times, each request on its own thread). Every conversation plays
 * its turns in order with the growing history. Each call of {@link #run} is the run's next level and takes prompts of
 * its own ({@link Workload.Slot}), as the warm-up does, so no level primes another's. {@link #requestStop()}
 * (Ctrl-C) stops sending and interrupts the requests in flight; they are recorded as cancelled and the level is
 * summarised from what completed.
 */
public final class BenchRunner {
    private final StreamingCall call;
    private final Workload workload;
    private final Ticker ticker;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    /** Measured levels run so far: the next one's number. */
    private int levels;
    /** Conversations the measured levels started so far: a dataset's next level goes on after them. */
    private int before;
    /** Conversations the warm-up started (a dataset gives them prompts from its other end). */
    private int warmups;

    public BenchRunner(StreamingCall call, Workload workload) {
        this.call = call;
        this.workload = workload;
        this.ticker = call.ticker();
    }

    /** Stops sending and interrupts the requests in flight. Safe from any thread (the Ctrl-C hook). */
    public void requestStop() {
        stopped = true;
        call.abort();  // blocked socket reads do not answer interrupts; cutting the sockets ends them
        for (Thread t : live) t.interrupt();
    }

    public boolean stopped() { return stopped; }

    /** How a level ends: after {@code requests} requests, or once {@code duration} has passed (then no new sends). */
    public record Bound(Integer requests, Duration duration) {
        public Bound {
            if (requests == null && duration == null) throw new IllegalArgumentException("a level needs --requests or --duration");
            if (requests != null && requests < 1) throw new IllegalArgumentException("--requests must be >= 1");
            if (duration != null && (duration.isNegative() || duration.isZero())) throw new IllegalArgumentException("--duration must be > 0");
        }
    }

    /**
     * The raw outcome of a level: its records, first-send-to-last-completion time, and notes for people (prompts it
     * had to repeat).
     */
    public record LevelRun(LoadLevel level, List<RequestRecord> records, long durationNanos, ClientReport client,
                           boolean interrupted, List<String> notes) {}

    /** Sends {@code n} requests at concurrency {@code c} and throws the results away (caches, JIT, connections). */
    public void warmup(int n, int c) {
        if (n <= 0) return;
        Result r = closed(Workload.Slot.WARMUP, Math.max(1, Math.min(n, c)), new Bound(n, null));
        warmups = Math.max(warmups, r.started);
    }

    /** Runs the run's next level (the first call the first level, and so on). */
    public LevelRun run(LoadLevel level, Bound bound, long seed) {
        ClientMonitor monitor = new ClientMonitor(ticker);
        try {
            int number = levels++;
            Result r = level.openLoop() ? open(number, level, bound, seed) : closed(number, level.concurrency(), bound);
            List<String> notes = repeats(r.started);
            before += r.started;
            return new LevelRun(level, r.records, r.durationNanos, monitor.report(), stopped, notes);
        } finally {
            monitor.close();
        }
    }

    /** @param started conversations the level started: they are its slots 0 … started − 1 */
    private record Result(List<RequestRecord> records, long durationNanos, int started) {}

    /**
     * A note when some of the level's {@code started} conversations had to repeat prompts the run already sent: the
     * workload holds fewer distinct ones than the warm-up and the levels so far took.
     */
    private List<String> repeats(int started) {
        OptionalInt distinct = workload.distinct();
        if (distinct.isEmpty() || started == 0) return List.of();
        int n = distinct.getAsInt();
        long fresh = Math.max(0, (long) n - warmups);  // positions from here on are the warm-up's prompts, or wrap round
        long repeated = Math.min(started, Math.max(0, (long) before + started - fresh));
        if (repeated == 0) return List.of();
        return List.of(String.format(Locale.US, "%d of this level's %d conversations repeat prompts the run had "
                + "already sent (the workload has %d; the warm-up took %d, earlier levels %d): a server's prefix cache "
                + "may have answered them faster", repeated, started, n, Math.min(warmups, n), before));
    }

    /** Shared request budget of a level. */
    private final class Budget {
        final Integer max;
        final Long deadline;
        final AtomicInteger claimed = new AtomicInteger();

        Budget(Bound b, long start) {
            this.max = b.requests();
            this.deadline = b.duration() == null ? null : start + b.duration().toNanos();
        }

        boolean claim() {
            if (stopped) return false;
            if (deadline != null && ticker.nanos() >= deadline) return false;
            return max == null || claimed.incrementAndGet() <= max;
        }
    }

    /** @param level the level's number, or {@link Workload.Slot#WARMUP} */
    private Result closed(int level, int concurrency, Bound bound) {
        ConcurrentLinkedQueue<RequestRecord> sink = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        int first = level == Workload.Slot.WARMUP ? 0 : before;
        long start = ticker.nanos();
        Budget budget = new Budget(bound, start);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(thread("bench-worker-" + i, () -> {
                // a conversation's number is taken once its first request is within the budget, so the numbers the
                // level started are 0 … m − 1 with none left out, and the next level goes on from m
                while (budget.claim()) {
                    if (!play(new Workload.Slot(level, next.getAndIncrement(), first), ticker.nanos(), start, budget, sink)) break;
                }
            }));
        }
        workers.forEach(Thread::start);
        joinAll(workers);
        return new Result(new ArrayList<>(sink), ticker.nanos() - start, next.get());
    }

    private Result open(int number, LoadLevel level, Bound bound, long seed) {
        int first = before;
        int turns = Math.max(1, workload.conversation(new Workload.Slot(number, 0, first)).turns().size());
        Integer conversations = bound.requests() == null ? null : (bound.requests() + turns - 1) / turns;
        long[] at = Schedule.poisson(level.rate(), conversations, bound.duration() == null ? null : bound.duration().toNanos(), seed);
        ConcurrentLinkedQueue<RequestRecord> sink = new ConcurrentLinkedQueue<>();
        AtomicInteger started = new AtomicInteger();
        Semaphore cap = level.concurrency() == null ? null : new Semaphore(level.concurrency());
        List<Thread> sent = new ArrayList<>();
        long start = ticker.nanos();
        Budget budget = new Budget(bound, start);
        Thread dispatcher = Thread.currentThread();
        live.add(dispatcher);
        try {
            for (int i = 0; i < at.length && !stopped; i++) {
                long target = start + at[i];
                sleepUntil(target);
                if (stopped) break;
                if (cap != null) {
                    try {
                        cap.acquire();
                    } catch (InterruptedException e) {
                        break;
                    }
                }
                int conv = i;
                Thread t = thread("bench-request-" + i, () -> {
                    try {
                        if (budget.claim()) {
                            started.accumulateAndGet(conv + 1, Math::max);
                            play(new Workload.Slot(number, conv, first), target, start, budget, sink);
                        }
                    } finally {
                        if (cap != null) cap.release();
                    }
                });
                sent.add(t);
                t.start();
            }
        } finally {
            live.remove(dispatcher);
            Thread.interrupted();  // a stop request may have interrupted the dispatcher; clear it before joining
        }
        joinAll(sent);
        return new Result(new ArrayList<>(sink), ticker.nanos() - start, started.get());
    }

    private void sleepUntil(long target) {
        long wait;
        while (!stopped && (wait = target - ticker.nanos()) > 0) LockSupport.parkNanos(wait);
    }

    /**
     * Plays one conversation's turns, the first already claimed from the budget by the caller; false when the
     * level's budget ran out (the caller stops). A failed turn ends its conversation: the next turn would need the
     * answer it did not get.
     */
    private boolean play(Workload.Slot slot, long scheduled, long levelStart, Budget budget, ConcurrentLinkedQueue<RequestRecord> sink) {
        Conversation c = workload.conversation(slot);
        List<ChatMessage> history = new ArrayList<>();
        int prompt = 0;
        if (c.system() != null) {
            history.add(ChatMessage.system(c.system()));
            prompt += c.systemTokens();
        }
        for (int k = 0; k < c.turns().size(); k++) {
            if (k > 0 && !budget.claim()) return false;
            Turn t = c.turns().get(k);
            history.add(ChatMessage.user(t.user(), t.images()));
            prompt += t.inputTokens();
            boolean more = k + 1 < c.turns().size();
            RequestRecord r = call.run(c.id(), k + 1, history, t, prompt, scheduled, levelStart, more);
            sink.add(r.withoutText());
            if (!r.ok()) return !stopped;
            history.add(ChatMessage.assistant(r.text() == null ? "" : r.text()));
            prompt += r.outputTokens();
            scheduled = ticker.nanos();
        }
        return true;
    }

    private Thread thread(String name, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } finally {
                live.remove(Thread.currentThread());
            }
        }, name);
        t.setDaemon(true);
        live.add(t);
        if (stopped) t.interrupt();
        return t;
    }

    private void joinAll(List<Thread> threads) {
        for (Thread t : threads) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    requestStop();  // the caller itself was interrupted: stop the level, then wait for the workers
                }
            }
        }
    }
}
