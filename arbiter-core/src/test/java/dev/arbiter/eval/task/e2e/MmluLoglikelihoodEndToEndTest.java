package dev.arbiter.eval.task.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.EngineEnvironment;
import dev.arbiter.eval.engine.EvalRunner;
import dev.arbiter.eval.engine.RunError;
import dev.arbiter.eval.engine.RunOptions;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.task.BenchmarkTasks;
import dev.arbiter.testing.EchoLogprobServer;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --harness lm-eval} MMLU through the real engine and OpenAI client against a completions server on 127.0.0.1
 * that echoes prompt logprobs with values the test chose: the option the server favours (log 0.6 against log 0.1) is
 * the target for even question indices and a wrong letter for odd ones, so accuracy is known (3 of 6).
 */
class MmluLoglikelihoodEndToEndTest {
    @TempDir Path dir;

    private static Path hendrycks() throws URISyntaxException {
        return Path.of(MmluLoglikelihoodEndToEndTest.class.getResource("/mmlu/hendrycks/data").toURI());
    }

    private Task lmEvalMmlu() throws URISyntaxException {
        TaskRegistry registry = BenchmarkTasks.registerAll(new TaskRegistry(), null);
        return registry.create("mmlu", new TaskParams(hendrycks(), null, null, null, null, List.of(), null, Map.of("harness", "lm-eval")));
    }

    /** The server's logprob for a prompt token: the favoured option after a known context, -0.5 for anything else. */
    private static java.util.function.BiFunction<String, String, Double> oracle(Task task) {
        Map<String, Sample> byContext = new java.util.HashMap<>();
        for (Sample s : task.dataset().samples()) byContext.put(s.input().get(0).content(), s);
        return (before, token) -> {
            Sample s = byContext.get(before);
            if (s == null || !token.matches(" [A-D]")) return -0.5;
            boolean right = Integer.parseInt(s.id().substring(s.id().indexOf('/') + 1)) % 2 == 0;
            String favoured = right ? s.firstTarget() : s.firstTarget().equals("A") ? "B" : "A";
            return token.equals(" " + favoured) ? Math.log(0.6) : Math.log(0.1);
        };
    }

    private RunRecord run(Task task, EchoLogprobServer server) {
        AtomicInteger ids = new AtomicInteger();
        try (RunStore store = RunStore.open(dir.resolve("arbiter.db"));
             ModelClient client = ModelClients.create(server.endpoint(), Ticker.system())) {
            EvalRunner runner = new EvalRunner(store, new EngineEnvironment(Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"),
                    ZoneOffset.UTC), () -> 0L, millis -> { }, new SplittableRandom(1), () -> "run-" + ids.incrementAndGet()), null);
            return runner.run(task, server.endpoint(), client, RunOptions.builder(dir.resolve("runs"))
                    .probe(false).cache(false).concurrency(2).maxRetries(0).build());
        }
    }

    @Test
    void scoresEachQuestionByTheLoglikelihoodOfItsFourLettersAsLmEvalDoes() throws URISyntaxException {
        Task task = lmEvalMmlu();
        try (EchoLogprobServer server = EchoLogprobServer.start(EchoLogprobServer.Mode.ECHO, oracle(task))) {
            RunRecord r = run(task, server);
            assertThat(r.error()).isNull();
            var t = r.tasks().get(0);
            assertThat(t.scored()).isEqualTo(6);
            assertThat(t.metrics().get("accuracy").value()).isEqualTo(0.5);
            assertThat(t.metrics().get("acc_norm").value()).isEqualTo(0.5);
            assertThat(t.metrics().get("subject/high_school_us_history").value()).isEqualTo(0.5);
            assertThat(r.manifest().setting().harness()).isEqualTo("lm-eval");
            assertThat(r.manifest().setting().shots()).isEqualTo(5);

            // lm-eval's loglikelihood payload, one request per (question, option): 6 × 4
            List<JsonNode> requests = server.requests();
            assertThat(requests).hasSize(24).allSatisfy(b -> {
                assertThat(b.path("echo").asBoolean()).isTrue();
                assertThat(b.path("logprobs").asInt()).isEqualTo(1);
                assertThat(b.path("max_tokens").asInt()).isEqualTo(1);
                assertThat(b.path("temperature").asDouble()).isEqualTo(0.0);
                assertThat(b.path("seed").asLong()).isEqualTo(1234L);
                assertThat(b.has("messages")).isFalse();
            });
            Set<String> expected = new HashSet<>();
            for (Sample s : task.dataset().samples()) for (String l : List.of("A", "B", "C", "D")) expected.add(s.input().get(0).content() + " " + l);
            assertThat(requests.stream().map(b -> b.path("prompt").asText())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void aServerWithoutTextOffsetsIsReadFromItsTokenStrings() throws URISyntaxException {
        Task task = lmEvalMmlu();
        try (EchoLogprobServer server = EchoLogprobServer.start(EchoLogprobServer.Mode.ECHO_WITHOUT_OFFSETS, oracle(task))) {
            RunRecord r = run(task, server);
            assertThat(r.error()).isNull();
            assertThat(r.tasks().get(0).metrics().get("accuracy").value()).isEqualTo(0.5);
        }
    }

    @Test
    void aServerThatDoesNotEchoThePromptIsRefusedNotScored() throws URISyntaxException {
        Task task = lmEvalMmlu();
        try (EchoLogprobServer server = EchoLogprobServer.start(EchoLogprobServer.Mode.NO_ECHO, oracle(task))) {
            RunRecord r = run(task, server);
            assertThat(r.error()).isNotNull();
            assertThat(r.error().type()).isEqualTo(RunError.INVALID_INPUT);
            assertThat(r.error().message()).contains("did not return the prompt's logprobs", "echo", "vLLM");
            assertThat(r.tasks().get(0).scored()).isZero();
        }
    }
}
