package dev.arbiter.client;

import dev.arbiter.testing.Reply;
import dev.arbiter.testing.Script;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryingModelClientTest {
    private final List<Long> slept = new ArrayList<>();
    private final RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(10),
            Duration.ofMinutes(5), slept::add, new SplittableRandom(1));

    @Test
    void aRateLimitedCallIsRetriedAfterTheServersDelay() {
        try (var s = ScriptedLlmServer.start(Script.byAttempt(Reply.rateLimited("2"), Reply.text("GRADE: C")));
             ModelClient c = new RetryingModelClient(ModelClients.create(s.endpoint(), Ticker.system()), policy)) {
            assertThat(c.generate(GenerateRequest.chat(List.of(ChatMessage.user("grade")), null)).text()).isEqualTo("GRADE: C");
            assertThat(slept).containsExactly(2_000L);
            assertThat(s.generationRequests()).hasSize(2);
        }
    }

    @Test
    void aRefusedKeyIsNotRetried() {
        try (var s = ScriptedLlmServer.start(Script.always(Reply.status(401, "{\"error\":{\"message\":\"bad key\"}}")));
             ModelClient c = new RetryingModelClient(ModelClients.create(s.endpoint(), Ticker.system()), policy)) {
            assertThatThrownBy(() -> c.generate(GenerateRequest.chat(List.of(ChatMessage.user("grade")), null)))
                    .isInstanceOf(ModelException.class);
            assertThat(slept).isEmpty();
            assertThat(s.generationRequests()).hasSize(1);
        }
    }
}
