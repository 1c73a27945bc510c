package dev.arbiter.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplicaSetClientTest {
    /** A replica that answers, or throws what {@code failure} says, optionally holding each call until released. */
    static final class Stub implements ModelClient {
        final String name;
        final AtomicInteger calls = new AtomicInteger();
        volatile ModelException failure;
        volatile CountDownLatch hold;

        Stub(String name) { this.name = name; }

        @Override
        public GenerateResponse generate(GenerateRequest request) {
            calls.incrementAndGet();
            if (failure != null) throw failure;
            try {
                if (hold != null) hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new GenerateResponse(name, null, "stop", new Usage(1, 1), null, null, "m");
        }

        @Override
        public Capabilities probe() { return new Capabilities(true, false, false, 4096, "m", name); }

        @Override
        public List<String> listModels() { return List.of("m"); }

        @Override
        public String describe() { return "openai http://" + name + " m"; }
    }

    static final GenerateRequest REQUEST = GenerateRequest.chat(List.of(ChatMessage.user("q")), GenerationConfig.DEFAULT);
    final AtomicLong now = new AtomicLong();

    static ModelException fault(ModelException.Kind kind) {
        return new ModelException(kind, kind == ModelException.Kind.SERVER_ERROR ? 503 : 0, "scripted", null, null);
    }

    @Test
    void requestsGoToTheReplicaWithTheFewestInFlight() throws Exception {
        Stub a = new Stub("a");
        Stub b = new Stub("b");
        a.hold = new CountDownLatch(1);  // a's first request stays in flight
        ReplicaSetClient set = new ReplicaSetClient(List.of(a, b), now::get, Duration.ofSeconds(30));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<GenerateResponse> first = pool.submit(() -> set.generate(REQUEST));
            while (a.calls.get() == 0) Thread.sleep(1);
            assertThat(set.generate(REQUEST).text()).isEqualTo("b");
            assertThat(set.generate(REQUEST).text()).isEqualTo("b");  // a still has one in flight
            a.hold.countDown();
            assertThat(first.get().text()).isEqualTo("a");
        } finally {
            pool.shutdownNow();
        }
        assertThat(set.counts()).extracting(ReplicaCount::requests).containsExactly(1L, 2L);
    }

    @Test
    void aFailingReplicaIsTakenOutAndTriedAgainAfterTheCooldown() {
        Stub a = new Stub("a");
        Stub b = new Stub("b");
        b.failure = fault(ModelException.Kind.REFUSED);
        ReplicaSetClient set = new ReplicaSetClient(List.of(a, b), now::get, Duration.ofSeconds(30));
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) answers.add(set.generate(REQUEST).text());
        assertThat(answers).containsOnly("a");
        assertThat(b.calls).hasValue(1);  // taken out after its one failure
        b.failure = null;
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        for (int i = 0; i < 6; i++) answers.add(set.generate(REQUEST).text());
        assertThat(answers.subList(6, 12)).contains("b");
        ReplicaCount bc = set.counts().get(1);
        assertThat(bc.failures()).isEqualTo(1);
        assertThat(bc.removals()).isEqualTo(1);
        assertThat(bc.endpoint()).isEqualTo("openai http://b m");
    }

    @Test
    void errorsOfTheRequestItselfAreNotBlamedOnTheReplica() {
        Stub a = new Stub("a");
        Stub b = new Stub("b");
        a.failure = fault(ModelException.Kind.BAD_REQUEST);
        b.failure = a.failure;
        ReplicaSetClient set = new ReplicaSetClient(List.of(a, b), now::get, Duration.ofSeconds(30));
        assertThatThrownBy(() -> set.generate(REQUEST)).isSameAs(a.failure);
        assertThat(a.calls.get() + b.calls.get()).isEqualTo(1);  // not sent again elsewhere
        assertThat(set.counts()).extracting(ReplicaCount::failures).containsExactly(0L, 0L);
    }

    @Test
    void whenEveryReplicaFailsTheLastFaultIsThrownAndTheEarliestDueIsTriedNext() {
        Stub a = new Stub("a");
        Stub b = new Stub("b");
        a.failure = fault(ModelException.Kind.SERVER_ERROR);
        b.failure = fault(ModelException.Kind.TIMEOUT);
        ReplicaSetClient set = new ReplicaSetClient(List.of(a, b), now::get, Duration.ofSeconds(30));
        assertThatThrownBy(() -> set.generate(REQUEST)).isSameAs(b.failure);
        a.failure = null;
        now.addAndGet(1);  // both still out: a is due back first
        assertThat(set.generate(REQUEST).text()).isEqualTo("a");
        assertThat(set.describe()).isEqualTo("replicas[openai http://a m | openai http://b m]");
    }
}
