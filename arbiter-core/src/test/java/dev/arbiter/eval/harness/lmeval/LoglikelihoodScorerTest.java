package dev.arbiter.eval.harness.lmeval;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.PromptLogprobs;
import dev.arbiter.client.PromptToken;
import dev.arbiter.client.Usage;
import dev.arbiter.eval.Generate;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.solver.LoglikelihoodSolver;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LoglikelihoodScorerTest {
    private static final String CONTEXT = "Q?\nA. w\nB. x\nC. y\nD. z\nAnswer:";
    private static final Sample SAMPLE = new Sample("s/0", List.of(ChatMessage.user(CONTEXT)), List.of("C"),
            List.of("w", "x", "y", "z"), Map.of("subject", "s"));

    /** A Generate that scores prompts by {@code tokens}: the context as one token, the continuation as given. */
    private static Generate generate(Function<String, List<PromptToken>> continuation) {
        return new Generate() {
            @Override
            public GenerateResponse apply(GenerateRequest request) { throw new AssertionError("no generation expected"); }

            @Override
            public PromptLogprobs promptLogprobs(String prompt) {
                List<PromptToken> t = new ArrayList<>();
                t.add(new PromptToken("Q?", 0, Double.NaN));
                t.add(new PromptToken(CONTEXT.substring(2), 2, -3.0));
                t.addAll(continuation.apply(prompt.substring(CONTEXT.length())));
                return new PromptLogprobs(prompt, t, new Usage(t.size(), 1));
            }
        };
    }

    private static Score solveAndScore(Function<String, List<PromptToken>> continuation) {
        TaskState s = new LoglikelihoodSolver(" ").solve(TaskState.start(SAMPLE, 0), generate(continuation));
        return new LoglikelihoodScorer().score(s);
    }

    @Test
    void picksTheOptionWithTheHighestContinuationLoglikelihoodAndRecordsEachSum() {
        Score score = solveAndScore(c -> List.of(new PromptToken(c, CONTEXT.length(), c.equals(" C") ? -0.25 : -2.0)));
        assertThat(score.value()).isEqualTo(1.0);
        assertThat(score.answer()).isEqualTo("C");
        @SuppressWarnings("unchecked")
        Map<String, Double> lls = (Map<String, Double>) score.metadata().get("loglikelihoods");
        // the context's tokens are not part of any option's sum
        assertThat(lls.get("C")).isCloseTo(-0.25, within(1e-12));
        assertThat(lls.get("A")).isCloseTo(-2.0, within(1e-12));
        assertThat(score.metadata().get("acc_norm")).isEqualTo(1.0);
        assertThat(score.metadata().get("boundary_aligned")).isEqualTo(true);
    }

    @Test
    void sumsEveryTokenOfAContinuationSpreadOverSeveral() {
        // " B" as two tokens " " and "B" summing to -0.3 beats " C" at -0.5
        Score score = solveAndScore(c -> c.equals(" B")
                ? List.of(new PromptToken(" ", CONTEXT.length(), -0.1), new PromptToken("B", CONTEXT.length() + 1, -0.2))
                : List.of(new PromptToken(c, CONTEXT.length(), c.equals(" C") ? -0.5 : -4.0)));
        assertThat(score.answer()).isEqualTo("B");
        assertThat(score.value()).isEqualTo(0.0);
    }

    @Test
    void aTieGoesToTheEarlierOptionAsNumpyArgmax() {
        Score score = solveAndScore(c -> List.of(new PromptToken(c, CONTEXT.length(), -1.0)));
        assertThat(score.answer()).isEqualTo("A");
    }

    @Test
    void aContinuationWhoseFirstTokenStartsInsideTheContextIsFlaggedUnaligned() {
        Score score = solveAndScore(c -> List.of());
        // no token of its own: the last context token spans the boundary and is counted for every option
        assertThat(score.metadata().get("boundary_aligned")).isEqualTo(false);
        assertThat(score.answer()).isEqualTo("A");
    }
}
