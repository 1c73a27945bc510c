package dev.arbiter.client;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.testing.Persona;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.Script;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The API key reaches the server and nowhere else: not messages, not stack traces, not describe(). */
class SecretHandlingTest {
    private static final String SECRET = "sk-test-7f3a9c1d2e-SECRET";
    private static final EnvLookup ENV = name -> name.equals("ARBITER_TEST_KEY") ? SECRET : null;

    private static String everything(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @ParameterizedTest
    @EnumSource(value = Persona.class, names = {"VLLM", "OLLAMA"})
    void keepsTheKeyOutOfAnErrorWhoseBodyEchoesIt(Persona persona) {
        Script echoesKey = r -> Reply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: "
                + r.header("Authorization").substring("Bearer ".length()) + "\"}}");
        try (var s = ScriptedLlmServer.builder().persona(persona).script(echoesKey).start()) {
            ModelClient c = ModelClients.create(s.endpoint().withApiKeyEnv("ARBITER_TEST_KEY"), Ticker.system(), ENV, ErrorMapper.system());
            ModelException e = catchThrowableOfType(ModelException.class,
                    () -> c.generate(GenerateRequest.chat(List.of(ChatMessage.user("q")), null)));
            assertThat(s.requests().get(0).header("Authorization")).isEqualTo("Bearer " + SECRET);
            assertThat(e.kind()).isEqualTo(ModelException.Kind.UNAUTHORIZED);
            assertThat(e.getMessage()).contains("Incorrect API key provided").doesNotContain(SECRET);
            assertThat(everything(e)).doesNotContain(SECRET);
        }
    }

    @Test
    void aKeyTooShortToScrubWithoutDamagingAnswersIsRefusedNamingItsVariable() {
        EnvLookup shortKey = name -> name.equals("SHORTKEY") ? "4" : null;
        try (var s = ScriptedLlmServer.builder().script(Script.always(Reply.text("42"))).start()) {
            assertThatThrownBy(() -> ModelClients.create(s.endpoint().withApiKeyEnv("SHORTKEY"), Ticker.system(),
                    shortKey, ErrorMapper.system()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("the API key in SHORTKEY is 1 characters")
                    .hasMessageContaining("at least 8");
            assertThat(s.requests()).isEmpty();
        }
    }

    @Test
    void aKeyOfEightCharactersLeavesAnswersThatDoNotEchoItUntouched() {
        EnvLookup env = name -> name.equals("K8") ? "42424242" : null;
        try (var s = ScriptedLlmServer.builder().requireApiKey("42424242").script(Script.always(Reply.text("42 and 4242")))
                .start()) {
            ModelClient c = ModelClients.create(s.endpoint().withApiKeyEnv("K8"), Ticker.system(), env,
                    ErrorMapper.system());
            assertThat(c.generate(GenerateRequest.chat(List.of(ChatMessage.user("q")), null)).text())
                    .isEqualTo("42 and 4242");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Persona.class, names = {"VLLM", "OLLAMA"})
    void scrubsTheKeyFromAnAnswerAndReasoningThatEchoIt(Persona persona) {
        Script echoesKey = r -> Reply.text("you sent " + r.header("Authorization")).withThink("key " + r.header("Authorization"));
        try (var s = ScriptedLlmServer.builder().persona(persona).requireApiKey(SECRET).script(echoesKey).start()) {
            ModelClient c = ModelClients.create(s.endpoint().withApiKeyEnv("ARBITER_TEST_KEY"), Ticker.system(), ENV, ErrorMapper.system());
            GenerateResponse r = c.generate(GenerateRequest.chat(List.of(ChatMessage.user("q")), null));
            assertThat(r.text()).isEqualTo("you sent Bearer [redacted]");
            assertThat(r.reasoning()).isEqualTo("key Bearer [redacted]");
        }
    }

    @Test
    void keepsTheKeyOutOfDescribeAndToString() {
        try (var s = ScriptedLlmServer.start(Script.always(Reply.text("ok")))) {
            Endpoint e = s.endpoint().withApiKeyEnv("ARBITER_TEST_KEY");
            ModelClient c = ModelClients.create(e, Ticker.system(), ENV, ErrorMapper.system());
            assertThat(c.describe()).isEqualTo("openai " + s.baseUri() + " scripted").doesNotContain(SECRET);
            assertThat(c.toString()).doesNotContain(SECRET);
            assertThat(e.toString()).doesNotContain(SECRET);
        }
    }

    @Test
    void keepsTheKeyOutOfEveryFailureKind() {
        List<Reply> failures = List.of(Reply.status(500, "oops"), Reply.rateLimited("1"), Reply.text("a b").malformed(),
                Reply.text("a b c").droppingAfter(1), Reply.text("a").withoutEnd());
        for (Reply f : failures) {
            try (var s = ScriptedLlmServer.start(Script.always(f))) {
                ModelClient c = ModelClients.create(s.endpoint().withApiKeyEnv("ARBITER_TEST_KEY"), Ticker.system(), ENV, ErrorMapper.system());
                ModelException e = catchThrowableOfType(ModelException.class,
                        () -> c.generate(new GenerateRequest(List.of(ChatMessage.user("q")), null, null, true)));
                assertThat(everything(e)).doesNotContain(SECRET);
            }
        }
    }

    @Test
    void refusesToStartWhenTheNamedKeyVariableIsUnset() {
        try (var s = ScriptedLlmServer.start(Script.always(Reply.text("ok")))) {
            assertThatThrownBy(() -> ModelClients.create(s.endpoint().withApiKeyEnv("UNSET_VAR"), Ticker.system(), ENV, ErrorMapper.system()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("UNSET_VAR");
        }
    }

    @Test
    void refusesAKeyPastedWhereItsVariableNameBelongs() {
        assertThatThrownBy(() -> Endpoint.of(java.net.URI.create("http://127.0.0.1:1"), ApiFlavor.openai, "m").withApiKeyEnv(SECRET))
                .isInstanceOf(IllegalArgumentException.class).message().doesNotContain(SECRET);
    }

    @Test
    void leavesACredentialInTheUrlsUserInfoOutOfErrorMessages() {
        try (var s = ScriptedLlmServer.start(Script.always(Reply.status(500, "oops")))) {
            java.net.URI withUser = java.net.URI.create("http://user:" + SECRET + "@127.0.0.1:" + s.port());
            ModelClient c = ModelClients.create(Endpoint.of(withUser, ApiFlavor.openai, "scripted"), Ticker.system(), ENV, ErrorMapper.system());
            ModelException e = catchThrowableOfType(ModelException.class,
                    () -> c.generate(GenerateRequest.chat(List.of(ChatMessage.user("q")), null)));
            assertThat(e.getMessage()).contains("HTTP 500");
            assertThat(everything(e)).doesNotContain(SECRET);
        }
    }

    @Test
    void leavesUserInfoAndQueryOutOfDescribe() {
        Endpoint e = Endpoint.of(java.net.URI.create("https://user:" + SECRET + "@api.example.com/v1?key=" + SECRET), ApiFlavor.openai, "m");
        assertThat(e.describe()).isEqualTo("openai https://api.example.com/v1 m");
    }
}
