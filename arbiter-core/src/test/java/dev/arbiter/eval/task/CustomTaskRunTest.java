package dev.arbiter.eval.task;

import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.EngineEnvironment;
import dev.arbiter.eval.engine.EvalRunner;
import dev.arbiter.eval.engine.MetricUnit;
import dev.arbiter.eval.engine.RunOptions;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.stats.Comparison;
import dev.arbiter.eval.stats.PairedComparison;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.testing.Script;
import dev.arbiter.testing.ScriptedLlmServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The custom task end to end: a JSONL file, the engine, a real OpenAI-protocol client talking HTTP to a scripted
 * server on 127.0.0.1 that knows which questions each "model" gets right, then a paired comparison of the two runs.
 */
class CustomTaskRunTest {
    private static final Pattern QUESTION = Pattern.compile("What is (\\d+) \\+ (\\d+)\\?");
    private static final int N = 20;

    @TempDir Path dir;
    private RunStore store;
    private final AtomicInteger ids = new AtomicInteger();

    @BeforeEach
    void open() {
        store = RunStore.open(dir.resolve("arbiter.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A model that answers question i right when {@code right.test(i)}, and one more than right otherwise. */
    private static Script model(IntPredicate right) {
        return Script.replyWith(q -> {
            Matcher m = QUESTION.matcher(q);
            if (!m.find()) return "I do not understand.";
            int i = Integer.parseInt(m.group(1));
            int sum = i + Integer.parseInt(m.group(2));
            return "The sum is " + (right.test(i) ? sum : sum + 1) + ".";
        });
    }

    private RunRecord run(Task task, Script script) {
        try (ScriptedLlmServer server = ScriptedLlmServer.builder().script(script).start();
             ModelClient client = ModelClients.create(server.endpoint(), () -> 0L)) {
            EngineEnvironment env = new EngineEnvironment(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
                    () -> 0L, ms -> { }, new SplittableRandom(1), () -> "run-" + ids.incrementAndGet());
            EvalRunner runner = new EvalRunner(store, env, null);
            return runner.run(task, server.endpoint(), client, RunOptions.builder(dir.resolve("runs")).concurrency(4).cache(false).build());
        }
    }

    @Test
    void accuracyOfTwoModelsAndTheirPairedDifferenceMatchTheTruth() throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 1; i <= N; i++) {
            jsonl.append("{\"id\": \"q").append(i).append("\", \"input\": \"What is ").append(i).append(" + ").append(i)
                    .append("?\", \"target\": \"").append(2 * i).append("\"}\n");
        }
        Path data = Files.writeString(dir.resolve("sums.jsonl"), jsonl);
        Task task = new CustomTask(null, null, null).create(new TaskParams(data, null, null, null, "numeric", List.of(), null, Map.of()));

        RunRecord a = run(task, model(i -> i % 5 != 0));     // wrong on 5, 10, 15, 20: 16/20
        RunRecord b = run(task, model(i -> i % 2 == 0));     // right on the even ones: 10/20
        assertThat(a.tasks().get(0).metrics().get("accuracy").value()).isEqualTo(16.0 / N);
        assertThat(b.tasks().get(0).metrics().get("accuracy").value()).isEqualTo(10.0 / N);

        RunReader reader = new RunReader(store);
        Comparison c = PairedComparison.compare(scores(reader.samples(a.runId())), scores(reader.samples(b.runId())), MetricUnit.proportion, new Random(7), 2000);
        // A right, B wrong: odd i not divisible by 5 → 1,3,7,9,11,13,17,19 = 8. B right, A wrong: 10, 20 = 2.
        assertThat(c.aOnlyPassed()).isEqualTo(8);
        assertThat(c.bOnlyPassed()).isEqualTo(2);
        assertThat(c.difference()).isEqualTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(c.test()).isEqualTo("mcnemar_exact");
        // 2 · P(X ≤ 2), X ~ Bin(10, ½) = 2 · 56/1024
        assertThat(c.pValue()).isEqualTo(112.0 / 1024, org.assertj.core.api.Assertions.within(1e-12));
    }

    private static Map<String, Double> scores(List<SampleRecord> records) {
        return PairedComparison.perSample(records.stream()
                .map(r -> new SampleScore(r.sampleId(), r.epoch(), new Score(r.score(), r.answer(), r.explanation(), null)))
                .toList());
    }
}
