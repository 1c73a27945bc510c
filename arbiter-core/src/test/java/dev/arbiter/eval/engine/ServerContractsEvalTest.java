package dev.arbiter.eval.engine;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.EvalSetting;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.metrics.Metrics;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.testing.ContractServer;
import dev.arbiter.testing.RecordedRequest;
import dev.arbiter.util.Json;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract suite, engine side: whole runs against each server kind's recorded answers (contracts/FIXTURES.md)
 * on 127.0.0.1, checking the outcome every answer gets and what the run record says.
 */
class ServerContractsEvalTest {
    static final int N = 6;
    @TempDir Path dir;
    final AtomicInteger ids = new AtomicInteger();

    /** q0…q5, each expecting the recorded answer "The answer is B."; {@code choices} makes them multiple-choice. */
    static Task task(GenerationConfig config, boolean multipleChoice) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            samples.add(new Sample("q" + i, List.of(ChatMessage.user("q" + i)), List.of("The answer is B."),
                    multipleChoice ? List.of("A", "B", "C", "D") : null, Map.of()));
        }
        Scorer includes = new Scorer() {
            @Override
            public String name() { return "includes"; }

            @Override
            public Score score(TaskState s) {
                String text = s.completion().trim();
                if (text.isEmpty()) return Score.of(0, "", "empty answer");
                return Score.of(s.sample().firstTarget().contains(text) || text.equals(s.sample().firstTarget()) ? 1 : 0,
                        text, "compared to target");
            }
        };
        return new Task("contract", 1, new Dataset("contract", "/data/contract.jsonl", "c0ffee", samples),
                new GenerateSolver(config), includes, Metrics.passFail(), config);
    }

    RunRecord run(ContractServer s, ApiFlavor api, String model, Task task, UnaryOperator<RunOptions.Builder> opts) {
        Endpoint endpoint = Endpoint.of(s.baseUri(), api, model);
        try (ModelClient client = ModelClients.create(endpoint, Ticker.system());
             RunStore store = RunStore.open(dir.resolve("arbiter-" + ids.incrementAndGet() + ".db"))) {
            EngineEnvironment env = new EngineEnvironment(Clock.systemUTC(), Ticker.system(), nanos -> { },
                    new SplittableRandom(7), () -> "run-" + ids.incrementAndGet());
            return new EvalRunner(store, env, null).run(task, endpoint, client,
                    opts.apply(RunOptions.builder(dir.resolve("runs")).concurrency(2).cache(false).maxRetries(0)).build());
        }
    }

    static List<SampleRecord> samples(RunRecord r) throws Exception {
        List<SampleRecord> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(r.log()))) out.add(RecordCodec.sample(line, r.log()));
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "sglang, error-context-overflow.json, 400, openai, Qwen/Qwen2.5-7B-Instruct",
            "vllm,   error-decoder-prompt.json,   400, openai, Qwen/Qwen3-8B",
            "ollama, error-context-overflow.json, 400, ollama, llama3.2",
            "tgi,    error-context-overflow.json, 422, openai, mistralai/Mistral-7B-Instruct-v0.3",
    })
    void aPromptTooLongInAnyServersWordingFailsThatSampleOnlyAndTheRunCompletes(String kind, String file, int status,
                                                                              ApiFlavor api, String model) throws Exception {
        String route = api == ApiFlavor.ollama ? "POST /api/chat" : "POST /v1/chat/completions";
        try (ContractServer s = ContractServer.of(kind)
                .answerWhen(route, r -> "q1".equals(r.lastUserMessage()), status, file).start()) {
            RunRecord r = run(s, api, model, task(GenerationConfig.DEFAULT, false), o -> o);
            TaskResult t = r.tasks().get(0);
            assertThat(r.status()).isEqualTo(RunStatus.completed);
            assertThat(r.error()).isNull();
            assertThat(t.sampleOutcomes()).containsEntry("context_overflow", 1).containsEntry("scored", N - 1);
            assertThat(t.hints()).anySatisfy(h -> assertThat(h).contains("not fit the served context"));
            assertThat(samples(r)).filteredOn(x -> x.sampleId().equals("q1")).singleElement()
                    .satisfies(x -> assertThat(x.outcome()).isEqualTo(SampleOutcome.CONTEXT_OVERFLOW));
        }
    }

    @Test
    void aReasoningModelCutOffWhileThinkingIsTruncatedNotWrong() throws Exception {
        try (ContractServer s = ContractServer.of("vllm").answer("POST /v1/chat/completions", 200, "chat-reasoning-length.json").start()) {
            // the recording is a whole (non-streamed) body
            RunRecord r = run(s, ApiFlavor.openai, "Qwen/Qwen3-8B", task(GenerationConfig.DEFAULT, false), o -> o.stream(false));
            TaskResult t = r.tasks().get(0);
            assertThat(t.scored()).isZero();
            assertThat(t.sampleOutcomes()).containsExactly(Map.entry("truncated", N));
            assertThat(t.metrics().values()).allSatisfy(m -> assertThat(m.n()).isZero()); // not scored 0: not scored
            assertThat(t.hints()).singleElement().satisfies(h -> assertThat(h).contains("--max-tokens").contains("1024"));
            assertThat(samples(r)).allSatisfy(x -> {
                assertThat(x.status()).isEqualTo(SampleRecord.UNSCORED);
                assertThat(x.explanation()).contains("still thinking");
                assertThat(x.reasoning()).startsWith("Okay, let me work through this.");
            });
        }
    }

    @Test
    void ollamasDoneReasonLengthMarksTheAnswerTruncated() {
        try (ContractServer s = ContractServer.of("ollama").answer("POST /api/chat", 200, "chat-length.json").start()) {
            TaskResult t = run(s, ApiFlavor.ollama, "llama3.2", task(GenerationConfig.DEFAULT, false), o -> o).tasks().get(0);
            assertThat(t.sampleOutcomes()).containsExactly(Map.entry("truncated", N));
        }
    }

    @Test
    void aTruncatedAnswerIsGradedWhenTheReferenceProfileSaysSo() {
        try (ContractServer s = ContractServer.of("vllm").answer("POST /v1/chat/completions", 200, "chat-length.json").start()) {
            TaskResult t = run(s, ApiFlavor.openai, "Qwen/Qwen3-8B", task(GenerationConfig.DEFAULT, false),
                    o -> o.gradeTruncated(true).stream(false)).tasks().get(0);
            assertThat(t.sampleOutcomes()).containsExactly(Map.entry("scored", N));
        }
    }

    @Test
    void aTaskAskedAsAReferenceProfileGradesATruncatedAnswerWithoutBeingTold() {
        try (ContractServer s = ContractServer.of("vllm").answer("POST /v1/chat/completions", 200, "chat-length.json").start()) {
            for (String profile : List.of("lm-eval", "simple-evals", "qwen", "fastchat", "human-eval")) {
                Task asked = task(GenerationConfig.DEFAULT, false).withSetting(new EvalSetting(profile, 0, null, null));
                TaskResult t = run(s, ApiFlavor.openai, "Qwen/Qwen3-8B", asked, o -> o.stream(false)).tasks().get(0);
                assertThat(t.sampleOutcomes()).as(profile).containsExactly(Map.entry("scored", N));
            }
            Task own = task(GenerationConfig.DEFAULT, false).withSetting(new EvalSetting("arbiter", 0, null, null));
            TaskResult t = run(s, ApiFlavor.openai, "Qwen/Qwen3-8B", own, o -> o.stream(false)).tasks().get(0);
            assertThat(t.sampleOutcomes()).containsExactly(Map.entry("truncated", N));
        }
    }

    @Test
    void aBoundedAnswerThatHitsTheLimitIsStillScored() {
        // TGI's recorded answer is the single letter "B" with finish_reason "length": a multiple-choice letter is bounded
        try (ContractServer s = ContractServer.start("tgi")) {
            TaskResult t = run(s, ApiFlavor.openai, "mistralai/Mistral-7B-Instruct-v0.3",
                    task(GenerationConfig.DEFAULT.withMaxTokens(1), true), o -> o).tasks().get(0);
            assertThat(t.sampleOutcomes()).containsExactly(Map.entry("scored", N));
            assertThat(t.hints()).isEmpty();
        }
    }

    @Test
    void logprobRequestsKeepToTgisLimitInsteadOfFailingWith422() {
        GenerationConfig logprob = GenerationConfig.DEFAULT.withMaxTokens(1).withTopLogprobs(20).withTemperature(0.0);
        try (ContractServer s = ContractServer.of("tgi")
                .answerWhen("POST /v1/chat/completions", r -> r.json().path("top_logprobs").asInt(0) > 5, 422, "error-top-n-tokens.json")
                .answerWhen("POST /v1/completions", r -> r.json().path("logprobs").asInt(0) > 5, 422, "error-top-n-tokens.json")
                .start()) {
            RunRecord r = run(s, ApiFlavor.openai, "mistralai/Mistral-7B-Instruct-v0.3", task(logprob, true), o -> o);
            assertThat(r.status()).isEqualTo(RunStatus.completed);
            assertThat(r.manifest().server().maxTopLogprobs()).isEqualTo(5);
            List<RecordedRequest> asked = s.generationRequests().stream()
                    .filter(q -> q.lastUserMessage() != null && q.lastUserMessage().matches("q\\d")).toList();
            assertThat(asked).hasSize(N).allSatisfy(q -> {
                assertThat(q.json().path("top_logprobs").asInt()).isEqualTo(5);
                assertThat(q.stream()).isFalse(); // a logprob read is not streamed
            });
            assertThat(r.tasks().get(0).sampleOutcomes()).containsExactly(Map.entry("scored", N));
        }
    }

    @Test
    void ollamaIsAskedForTheContextTheTaskNeedsAndTheManifestRecordsIt() {
        try (ContractServer s = ContractServer.start("ollama")) {
            RunRecord r = run(s, ApiFlavor.ollama, "llama3.2", task(GenerationConfig.DEFAULT, false), o -> o);
            // prompts of 2 characters + 1024 answer tokens → at least 2048; the trained length (131072) is far above
            assertThat(r.manifest().generation().numCtx()).isEqualTo(2048);
            assertThat(r.manifest().server().contextLength()).isEqualTo(2048);
            assertThat(r.manifest().server().trainedContextLength()).isEqualTo(131072);
            List<RecordedRequest> asked = s.generationRequests().stream()
                    .filter(q -> q.lastUserMessage() != null && q.lastUserMessage().matches("q\\d")).toList();
            assertThat(asked).hasSize(N).allSatisfy(q -> {
                assertThat(q.json().path("options").path("num_ctx").asInt()).isEqualTo(2048);
                assertThat(q.json().path("truncate").asBoolean(true)).isFalse(); // refuse, never cut silently
            });
        }
    }

    @Test
    void ollamasContextFromTheFlagIsCappedByTheTrainedLength() {
        try (ContractServer s = ContractServer.start("ollama")) {
            RunRecord r = run(s, ApiFlavor.ollama, "llama3.2", task(GenerationConfig.DEFAULT, false),
                    o -> o.contextTokens(1_000_000));
            assertThat(r.manifest().generation().numCtx()).isEqualTo(131072);
            assertThat(s.generationRequests()).filteredOn(q -> "q0".equals(q.lastUserMessage())).singleElement()
                    .satisfies(q -> assertThat(q.json().path("options").path("num_ctx").asInt()).isEqualTo(131072));
        }
    }

    @Test
    void openAiServersAreNotSentNumCtx() {
        try (ContractServer s = ContractServer.start("vllm")) {
            RunRecord r = run(s, ApiFlavor.openai, "Qwen/Qwen3-8B", task(GenerationConfig.DEFAULT, false), o -> o.contextTokens(8192));
            assertThat(r.manifest().generation().numCtx()).isNull();
            assertThat(r.manifest().server().contextLength()).isEqualTo(4096);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"vllm, openai, Qwen/Qwen3-8B", "ollama, ollama, llama3.2", "sglang, openai, Qwen/Qwen2.5-7B-Instruct"})
    void evalStreamsByDefaultAndRecordsTtftAndTokensPerSecond(String kind, ApiFlavor api, String model) throws Exception {
        try (ContractServer s = ContractServer.start(kind)) {
            RunRecord r = run(s, api, model, task(GenerationConfig.DEFAULT, false), o -> o);
            assertThat(r.tasks().get(0).sampleOutcomes()).containsExactly(Map.entry("scored", N));
            assertThat(s.generationRequests()).filteredOn(q -> q.lastUserMessage() != null && q.lastUserMessage().matches("q\\d"))
                    .allSatisfy(q -> assertThat(q.stream()).isTrue());
            assertThat(samples(r)).allSatisfy(x -> {
                assertThat(x.ttftMs()).isNotNull().isNotNegative();
                if (x.tokensOut() != null && x.tokensOut() > 1) assertThat(x.tokensPerSecond()).isNotNull().isPositive();
            });
        }
    }

    @Test
    void noStreamMeansNoTimingPerAnswer() throws Exception {
        try (ContractServer s = ContractServer.start("vllm")) {
            RunRecord r = run(s, ApiFlavor.openai, "Qwen/Qwen3-8B", task(GenerationConfig.DEFAULT, false), o -> o.stream(false));
            assertThat(s.generationRequests()).allSatisfy(q -> assertThat(q.stream()).isFalse());
            assertThat(samples(r)).allSatisfy(x -> assertThat(x.ttftMs()).isNull());
        }
    }
}
