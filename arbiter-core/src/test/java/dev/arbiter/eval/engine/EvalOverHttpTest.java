package dev.arbiter.eval.engine;

import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.testing.RecordedRequest;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.Script;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine against a real HTTP server on 127.0.0.1 that knows the truth and misbehaves on purpose. */
class EvalOverHttpTest {
    static final int N = 24;
    @TempDir Path dir;
    final List<Long> sleeps = new CopyOnWriteArrayList<>();
    final AtomicInteger ids = new AtomicInteger();

    /** Right for i % 3 != 0, like {@link TestTasks#mostlyRight}; probes get "OK". */
    static Reply truth(RecordedRequest r) {
        String q = r.lastUserMessage();
        if (q == null || !q.matches("q\\d+")) return Reply.text("OK");
        return Reply.text(TestTasks.mostlyRight(q));
    }

    /** The first try of q1, q5, q9… gets a 500, of q2, q6… a 429 with Retry-After, of q3, q7… a reset connection. */
    static Reply chaos(RecordedRequest r) {
        String q = r.lastUserMessage();
        if (q == null || !q.matches("q\\d+") || r.attempt() > 1) return truth(r);
        return switch (Integer.parseInt(q.substring(1)) % 4) {
            case 1 -> Reply.status(500, "{\"error\":{\"message\":\"internal\"}}");
            case 2 -> Reply.rateLimited("2");
            case 3 -> Reply.text("never sent").droppingAfter(0);
            default -> truth(r);
        };
    }

    final List<Long> questionRequests = new CopyOnWriteArrayList<>();

    RunRecord evaluate(Script script, String storeName) {
        try (ScriptedLlmServer server = ScriptedLlmServer.start(script);
             ModelClient client = ModelClients.create(server.endpoint(), Ticker.system());
             RunStore store = RunStore.open(dir.resolve(storeName))) {
            EngineEnvironment env = new EngineEnvironment(Clock.systemUTC(), Ticker.system(), sleeps::add,
                    new SplittableRandom(7), () -> "run-" + ids.incrementAndGet());
            RunRecord r = new EvalRunner(store, env, null).run(TestTasks.task(N), server.endpoint(), client,
                    RunOptions.builder(dir.resolve("runs")).concurrency(4).cache(false).build());
            questionRequests.add(server.generationRequests().stream()
                    .filter(q -> q.lastUserMessage().matches("q\\d+")).count());
            return r;
        }
    }

    @Test
    void aPromptLongerThanTheServedContextFailsThatSampleAndTheRunGoesOn() {
        // q0, q4, q8… get vLLM's 400 "maximum context length" reply: 6 of 24 are context overflows (unscored, not
        // errors: the run's exit code and its "errors" say nothing failed), the others are scored
        RunRecord r = evaluate(req -> {
            String q = req.lastUserMessage();
            if (q != null && q.matches("q\\d+") && Integer.parseInt(q.substring(1)) % 4 == 0) {
                return Reply.status(400, "{\"error\":{\"message\":\"This model's maximum context length is 4096 tokens. However, you requested 9000 tokens\"}}");
            }
            return truth(req);
        }, "context.db");
        TaskResult t = r.tasks().get(0);
        assertThat(r.status()).isEqualTo(RunStatus.completed);
        assertThat(t.errors()).isZero();
        assertThat(t.contextOverflows()).isEqualTo(6);
        assertThat(t.sampleOutcomes()).containsEntry("context_overflow", 6);
        assertThat(t.unscored()).isEqualTo(6);
        assertThat(t.failuresInWords()).isEqualTo("0 errors, 6 over the served context");
        assertThat(t.scored()).isEqualTo(18);
    }

    @Test
    void serverErrorsRateLimitsAndDroppedConnectionsChangeNothingInTheResult() {
        RunRecord clean = evaluate(EvalOverHttpTest::truth, "clean.db");
        RunRecord rough = evaluate(EvalOverHttpTest::chaos, "rough.db");

        TaskResult c = clean.tasks().get(0);
        TaskResult r = rough.tasks().get(0);
        assertThat(c.metrics().get("accuracy").value()).isEqualTo(16.0 / 24);
        assertThat(r.metrics().get("accuracy").value()).isEqualTo(c.metrics().get("accuracy").value());
        assertThat(r.scored()).isEqualTo(N);
        assertThat(r.errors()).isZero();
        assertThat(r.missing()).isZero();
        assertThat(rough.status()).isEqualTo(RunStatus.completed);
        // 18 of 24 first tries failed and were retried once each; the six 429s asked for 2 s and got at least that
        assertThat(questionRequests).containsExactly((long) N, N + 18L);
        assertThat(sleeps).hasSize(18);
        assertThat(sleeps).filteredOn(n -> n >= 2_000_000_000L).hasSizeGreaterThanOrEqualTo(6);
    }
}
