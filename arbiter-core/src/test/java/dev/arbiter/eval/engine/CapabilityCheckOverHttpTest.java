package dev.arbiter.eval.engine;

import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.testing.Persona;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scoring mode the probed server cannot support is refused before the run, never scored as if it could. */
class CapabilityCheckOverHttpTest {
    @TempDir Path dir;

    /** The truth task, asking for the first token's top 20 logprobs as logprob-scored multiple choice does. */
    static Task logprobTask() {
        GenerationConfig config = GenerationConfig.DEFAULT.withMaxTokens(1).withTopLogprobs(20);
        Task plain = TestTasks.task(4);
        Solver solver = (s, g) -> s.withOutput(g.apply(GenerateRequest.chat(s.messages(), config)));
        return new Task(plain.name(), plain.version(), plain.dataset(), solver, plain.scorer(), plain.metrics(), config);
    }

    static RunOptions.Builder options(Path dir) {
        return RunOptions.builder(dir.resolve("runs")).cache(false);
    }

    EvalRunner runner(RunStore store) {
        return new EvalRunner(store, new EngineEnvironment(Clock.systemUTC(), Ticker.system(), n -> {},
                new SplittableRandom(1), () -> "run-1"), null);
    }

    @Test
    void aLogprobTaskAgainstALlamaCppServerWithoutLogprobsFailsBeforeAnySampleIsAsked() {
        try (ScriptedLlmServer server = ScriptedLlmServer.builder().persona(Persona.LLAMA_CPP).models("m")
                .logprobs(false).script(r -> Reply.text("A")).start();
             ModelClient client = ModelClients.create(server.endpoint(), Ticker.system());
             RunStore store = RunStore.open(dir.resolve("s.db"))) {
            assertThatThrownBy(() -> runner(store).run(logprobTask(), server.endpoint(), client, options(dir).build()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("reads token logprobs")
                    .hasMessageContaining("returned none when probed");
            assertThat(store.runs()).isEmpty();
            assertThat(server.generationRequests()).noneMatch(r -> "q0".equals(r.lastUserMessage()));
        }
    }

    @Test
    void withoutTheProbeAnAnswerLackingAskedForLogprobsFailsTheRunInsteadOfScoringIt() {
        try (ScriptedLlmServer server = ScriptedLlmServer.builder().persona(Persona.LLAMA_CPP).models("m")
                .logprobs(false).script(r -> Reply.text("A")).start();
             ModelClient client = ModelClients.create(server.endpoint(), Ticker.system());
             RunStore store = RunStore.open(dir.resolve("s.db"))) {
            RunRecord r = runner(store).run(logprobTask(), server.endpoint(), client,
                    options(dir).probe(false).concurrency(1).build());
            assertThat(r.status()).isEqualTo(RunStatus.failed);
            assertThat(r.error().type()).isEqualTo(RunError.INVALID_INPUT);
            assertThat(r.error().message()).contains("without logprobs");
            assertThat(r.tasks().get(0).scored()).isZero();
        }
    }

    @Test
    void aLogprobTaskRunsWhenTheServerReturnsLogprobs() {
        try (ScriptedLlmServer server = ScriptedLlmServer.builder().persona(Persona.VLLM).models("m")
                .script(r -> Reply.text(r.lastUserMessage().matches("q\\d+") ? TestTasks.mostlyRight(r.lastUserMessage()) : "OK"))
                .start();
             ModelClient client = ModelClients.create(server.endpoint(), Ticker.system());
             RunStore store = RunStore.open(dir.resolve("s.db"))) {
            RunRecord r = runner(store).run(logprobTask(), server.endpoint(), client, options(dir).build());
            assertThat(r.status()).isEqualTo(RunStatus.completed);
        }
    }
}
