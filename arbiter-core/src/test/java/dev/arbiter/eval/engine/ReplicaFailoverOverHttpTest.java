package dev.arbiter.eval.engine;

import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.client.ReplicaCount;
import dev.arbiter.client.ReplicaSetClient;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.testing.RecordedRequest;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One run over two replicas of one model, both real HTTP servers on 127.0.0.1; one of them starts failing mid-run.
 * Every sample is answered exactly once, none is lost, and the manifest counts what each replica did.
 */
class ReplicaFailoverOverHttpTest {
    static final int N = 40;
    @TempDir Path dir;

    /** Which questions each server answered with a 200 (a question answered twice would be asked twice). */
    final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();

    Reply answer(RecordedRequest r) {
        String q = r.lastUserMessage();
        if (q == null || !q.matches("q\\d+")) return Reply.text("OK");
        answered.computeIfAbsent(q, k -> new AtomicInteger()).incrementAndGet();
        return Reply.text(TestTasks.mostlyRight(q)).withDelayMillis(5);
    }

    @Test
    void aReplicaAnsweringFiveHundredsMidRunLosesNoSample() {
        AtomicInteger served = new AtomicInteger();
        try (ScriptedLlmServer healthy = ScriptedLlmServer.builder().script(this::answer).start();
             ScriptedLlmServer sick = ScriptedLlmServer.builder().script(r -> {
                 String q = r.lastUserMessage();
                 boolean question = q != null && q.matches("q\\d+");
                 if (question && served.incrementAndGet() > 6) return Reply.status(503, "{\"error\":{\"message\":\"overloaded\"}}");
                 return answer(r);
             }).start()) {
            RunRecord r = run(healthy, sick);
            assertEveryQuestionAnsweredOnce(r);
            ReplicaCount bad = r.manifest().scale().replicas().get(1);
            assertThat(bad.endpoint()).contains(sick.baseUri().toString());
            assertThat(bad.failures()).isPositive();
            assertThat(bad.removals()).isPositive();
            assertThat(r.manifest().scale().replicas().get(0).failures()).isZero();
        }
    }

    @Test
    void aReplicaThatDiesMidRunLosesNoSample() {
        AtomicInteger served = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        try (ScriptedLlmServer healthy = ScriptedLlmServer.builder().script(this::answer).start()) {
            ScriptedLlmServer[] dying = new ScriptedLlmServer[1];
            dying[0] = ScriptedLlmServer.builder().script(r -> {
                String q = r.lastUserMessage();
                if (q != null && q.matches("q\\d+") && served.incrementAndGet() == 6 && killed.compareAndSet(false, true)) {
                    // the server goes away: this request's connection drops, later ones are refused
                    new Thread(dying[0]::close).start();
                    return Reply.text("never sent").droppingAfter(0);
                }
                return answer(r);
            }).start();
            try {
                RunRecord r = run(healthy, dying[0]);
                // a request the dying server took but never answered is asked again on the healthy one, so here
                // "answered" counts what the dying server received; the run itself holds each answer once
                assertThat(r.status()).isEqualTo(RunStatus.completed);
                assertThat(r.tasks().get(0).scored()).isEqualTo(N);
                assertThat(r.tasks().get(0).errors()).isZero();
                assertThat(answered).hasSize(N);
                assertThat(answered.values()).allSatisfy(n -> assertThat(n.get()).isBetween(1, 2));
                assertThat(killed).isTrue();
                assertThat(r.manifest().scale().replicas().get(1).failures()).isPositive();
            } finally {
                dying[0].close();
            }
        }
    }

    private RunRecord run(ScriptedLlmServer a, ScriptedLlmServer b) {
        try (ModelClient client = new ReplicaSetClient(List.of(ModelClients.create(a.endpoint(), Ticker.system()),
                ModelClients.create(b.endpoint(), Ticker.system())), Ticker.system(), Duration.ofMinutes(10));
             RunStore store = RunStore.open(dir.resolve("arbiter.db"))) {
            EngineEnvironment env = new EngineEnvironment(Clock.systemUTC(), Ticker.system(), n -> { },
                    new SplittableRandom(7), () -> "run-1");
            return new EvalRunner(store, env, null).run(TestTasks.task(N), a.endpoint(), client,
                    RunOptions.builder(dir.resolve("runs")).concurrency(4).cache(false).maxRetries(0).build());
        }
    }

    private void assertEveryQuestionAnsweredOnce(RunRecord r) {
        assertThat(r.status()).isEqualTo(RunStatus.completed);
        TaskResult t = r.tasks().get(0);
        assertThat(t.errors()).isZero();
        assertThat(t.scored()).isEqualTo(N);
        Set<String> twice = answered.entrySet().stream().filter(e -> e.getValue().get() != 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(answered).hasSize(N);
        assertThat(twice).as("questions answered more than once").isEmpty();
        List<ReplicaCount> counts = r.manifest().scale().replicas();
        assertThat(counts).hasSize(2);
        assertThat(counts.get(0).requests()).isPositive();
    }
}
