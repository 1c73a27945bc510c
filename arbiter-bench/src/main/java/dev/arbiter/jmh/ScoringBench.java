package dev.arbiter.jmh;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.scorer.ExactScorer;
import dev.arbiter.eval.harness.inspect.InspectWords;
import dev.arbiter.eval.task.mmlu.MmluScorer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Grading one answer: MMLU's letter extraction and the exact-match scorer (Inspect's word sets). In ns. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ScoringBench {
    private final MmluScorer mmlu = new MmluScorer(MmluScorer.Mode.GENERATE);
    private final ExactScorer exact = new ExactScorer(InspectWords.INSPECT);
    private final TaskState mmluAnswer = answered(new Sample("q1", List.of(ChatMessage.user("Which is right?")), List.of("C"),
            List.of("alpha", "beta", "gamma", "delta"), Map.of("subject", "anatomy")),
            "Let me think. Option A is wrong because of the dose; B ignores the field. The answer is (C) gamma.");
    private final TaskState exactAnswer = answered(new Sample("q2", List.of(ChatMessage.user("Capital of France?")),
            List.of("Paris"), List.of(), Map.of()), "  The answer: Paris. ");

    static TaskState answered(Sample s, String text) {
        return TaskState.start(s, 0).withOutput(new GenerateResponse(text, null, "stop", null, null, null, "m"));
    }

    @Benchmark
    public Object mmluLetter() {
        return mmlu.score(mmluAnswer);
    }

    @Benchmark
    public Object exactInspect() {
        return exact.score(exactAnswer);
    }
}
