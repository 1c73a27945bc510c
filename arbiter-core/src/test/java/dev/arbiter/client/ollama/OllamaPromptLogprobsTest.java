package dev.arbiter.client.ollama;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.client.ModelException;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OllamaPromptLogprobsTest {
    @Test
    void ollamaRefusesPromptLogprobsBeforeSendingAnything() {
        // port 9 (discard) on loopback: nothing is listening, and nothing must be sent
        Endpoint e = Endpoint.of(URI.create("http://127.0.0.1:9"), ApiFlavor.ollama, "llama3");
        try (ModelClient c = ModelClients.create(e, Ticker.system())) {
            assertThatThrownBy(() -> c.promptLogprobs("Answer: A"))
                    .isInstanceOfSatisfying(ModelException.class, m -> org.assertj.core.api.Assertions.assertThat(m.kind())
                            .isEqualTo(ModelException.Kind.UNSUPPORTED))
                    .hasMessageContaining("cannot return the logprobs of a prompt's own tokens");
        }
    }
}
