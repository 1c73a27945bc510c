package dev.arbiter.eval.engine;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Ticker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Engine overhead, without JMH: the same requests to a zero-latency scripted server on 127.0.0.1, once straight
 * through the client (a thread pool calling {@code generate}) and once through the full engine (solver, scorer,
 * SQLite commit per answer, JSONL line, progress accounting; cache off); and once through the engine with an
 * in-process model that answers at once, which isolates the engine's own cost. Server, client and engine share the
 * machine's cores, so these are upper bounds on overhead as seen on this box, not a server benchmark.
 *
 * <pre>
 * ./mvnw -q -o -pl arbiter-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/cp.txt
 * java -cp arbiter-core/target/test-classes:arbiter-core/target/classes:$(cat /tmp/cp.txt) \
 *      dev.arbiter.eval.engine.EngineBench [samples=2000] [concurrency=64]
 * </pre>
 */
public final class EngineBench {
    /** Figures of one measurement: wall time over {@code n} answers. */
    record Figures(String label, int n, int concurrency, long nanos) {
        double perSecond() { return n / (nanos / 1e9); }
        double msEach() { return nanos / 1e6 / n; }

        String line() {
            return String.format(Locale.ROOT, "%-28s c=%-3d n=%-5d %8.1f answers/s  %7.3f ms/answer (wall)", label,
                    concurrency, n, perSecond(), msEach());
        }
    }

    private EngineBench() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        for (String line : run(samples, concurrency, Math.max(1, samples / 4))) System.out.println(line);
    }

    /** Warm-up, then raw and engine at concurrency 1 and at {@code concurrency}; returns the report lines. */
    static List<String> run(int samples, int concurrency, int serialSamples) throws IOException {
        Path tmp = Files.createTempDirectory("arbiter-bench");
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> Reply.text(TestTasks.mostlyRight(
                r.lastUserMessage() != null && r.lastUserMessage().matches("q\\d+") ? r.lastUserMessage() : "q1")));
             ModelClient client = ModelClients.create(server.endpoint(), Ticker.system())) {
            raw(client, Math.min(200, samples), concurrency);
            engine(server, client, tmp, "warm", Math.min(200, samples), concurrency);
            Figures raw1 = raw(client, serialSamples, 1);
            Figures eng1 = engine(server, client, tmp, "serial", serialSamples, 1);
            Figures rawN = raw(client, samples, concurrency);
            Figures engN = engine(server, client, tmp, "parallel", samples, concurrency);
            Figures alone = engineAlone(tmp, samples, concurrency);
            return List.of(raw1.line(), eng1.line(), rawN.line(), engN.line(), alone.line(),
                    String.format(Locale.ROOT, "engine overhead per answer at c=1: %.3f ms; throughput at c=%d: "
                                    + "%.0f%% of the bare client; engine alone: %.0f µs of wall time per answer",
                            eng1.msEach() - raw1.msEach(), concurrency, 100 * engN.perSecond() / rawN.perSecond(),
                            alone.msEach() * 1000),
                    "cores: " + Runtime.getRuntime().availableProcessors() + ", java " + System.getProperty("java.version"));
        }
    }

    static Figures raw(ModelClient client, int n, int concurrency) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        try {
            List<Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(pool.submit(() -> client.generate(GenerateRequest.chat(
                        List.of(ChatMessage.user("q" + next.getAndIncrement())), GenerationConfig.DEFAULT))));
            }
            for (Future<?> f : all) f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        return new Figures("bare client", n, concurrency, System.nanoTime() - t0);
    }

    /** The engine with an in-process model that answers instantly: what the engine itself costs per answer. */
    static Figures engineAlone(Path tmp, int n, int concurrency) {
        FakeClient instant = new FakeClient(TestTasks::mostlyRight);
        Figures f = engine(TestTasks.endpoint(), instant, tmp, "alone", n, concurrency);
        return new Figures("engine, in-process model", f.n(), f.concurrency(), f.nanos());
    }

    static Figures engine(ScriptedLlmServer server, ModelClient client, Path tmp, String name, int n, int concurrency) {
        return engine(server.endpoint(), client, tmp, name, n, concurrency);
    }

    static Figures engine(dev.arbiter.client.Endpoint endpoint, ModelClient client, Path tmp, String name, int n,
                          int concurrency) {
        try (RunStore store = RunStore.open(tmp.resolve(name + ".db"))) {
            AtomicInteger ids = new AtomicInteger();
            EngineEnvironment env = new EngineEnvironment(Clock.systemUTC(), Ticker.system(), Sleeper.system(),
                    new SplittableRandom(1), () -> name + "-" + ids.incrementAndGet());
            long t0 = System.nanoTime();
            RunRecord r = new EvalRunner(store, env, null).run(TestTasks.task(n), endpoint, client,
                    RunOptions.builder(tmp.resolve("runs")).concurrency(concurrency).cache(false).build());
            long nanos = System.nanoTime() - t0;
            if (r.tasks().get(0).scored() != n) throw new IllegalStateException("engine lost answers: " + r.tasks());
            return new Figures("engine (store+log, no cache)", n, concurrency, nanos);
        }
    }
}
