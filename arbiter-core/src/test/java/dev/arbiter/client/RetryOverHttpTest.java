package dev.arbiter.client;

import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.Script;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RetryPolicy around a real client: a 429's Retry-After decides the wait, and each retry is one more request. */
class RetryOverHttpTest {
    private final List<Long> slept = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(10),
            Duration.ofMinutes(5), slept::add, new SplittableRandom(1));

    @Test
    void waitsTheServersRetryAfterAndThenSucceeds() {
        Script script = Script.byAttempt(Reply.rateLimited("2"), Reply.rateLimited("3"), Reply.text("finally"));
        try (var s = ScriptedLlmServer.start(script)) {
            ModelClient c = ModelClients.create(s.endpoint(), Ticker.system());
            GenerateResponse r = policy.call(() -> c.generate(GenerateRequest.chat(List.of(ChatMessage.user("q")), null)));
            assertThat(r.text()).isEqualTo("finally");
            assertThat(slept).containsExactly(2_000L, 3_000L);
            assertThat(s.generationRequests()).hasSize(3);
        }
    }

    @Test
    void makesOneRequestForAnErrorNotWorthRetrying() {
        try (var s = ScriptedLlmServer.start(Script.always(Reply.status(400, "{\"error\":\"bad\"}")))) {
            ModelClient c = ModelClients.create(s.endpoint(), Ticker.system());
            assertThatThrownBy(() -> policy.call(() -> c.generate(GenerateRequest.chat(List.of(ChatMessage.user("q")), null))))
                    .isInstanceOf(ModelException.class);
            assertThat(s.generationRequests()).hasSize(1);
            assertThat(slept).isEmpty();
        }
    }

    @Test
    void retriesADroppedStreamUpToMaxAttempts() {
        try (var s = ScriptedLlmServer.start(Script.always(Reply.text("a b c").droppingAfter(1)))) {
            ModelClient c = ModelClients.create(s.endpoint(), Ticker.system());
            assertThatThrownBy(() -> policy.call(() -> c.generate(new GenerateRequest(List.of(ChatMessage.user("q")), null, null, true))))
                    .isInstanceOf(ModelException.class).extracting("kind").isEqualTo(ModelException.Kind.CONNECTION);
            assertThat(s.generationRequests()).hasSize(4);
            assertThat(slept).hasSize(3).allSatisfy(d -> assertThat(d).isBetween(0L, 10_000L));
        }
    }
}
