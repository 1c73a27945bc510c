package dev.arbiter.eval.scorer;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Model-graded scoring: a judge model reads the question, the answer and a criterion (the {@code rubric} option,
 * else the sample's {@code rubric} metadata, else its targets as a reference answer) and gives a verdict.
 * Only the judge's reply is parsed, and only its last verdict: {@code GRADE: C} = 1, {@code P} = partial credit,
 * {@code I} = 0; or a rating {@code [[N]]} taken as N (1–10). A reply without a verdict leaves the sample unscored.
 * A judge call that fails in a retriable way (429, 5xx, timeout) leaves the sample unscored; any other failure
 * (bad key, unknown model) is rethrown, as it would fail every sample.
 */
public final class JudgeScorer implements Scorer {
    private final ModelClient judge;
    private final JudgeMode mode;
    private final String rubric;
    private final double partialCredit;
    private final GenerationConfig config;

    /**
     * @param rubric        criterion for every sample, or null to use each sample's own
     * @param partialCredit value of {@code GRADE: P}, in [0, 1]
     */
    public JudgeScorer(ModelClient judge, JudgeMode mode, String rubric, double partialCredit, GenerationConfig config) {
        this.judge = Objects.requireNonNull(judge, "judge client");
        this.mode = Objects.requireNonNull(mode, "mode");
        if (partialCredit < 0 || partialCredit > 1) throw new IllegalArgumentException("partial_credit must be in [0, 1]");
        this.rubric = rubric == null || rubric.isBlank() ? null : rubric;
        this.partialCredit = partialCredit;
        this.config = config == null ? GenerationConfig.DEFAULT : config;
    }

    @Override
    public String name() { return mode == JudgeMode.GRADE ? "judge" : "judge_rating"; }

    @Override
    public String judge() { return judge.describe(); }

    @Override
    public Score score(TaskState state) {
        Sample s = state.sample();
        String answer = state.completion();
        String criterion = criterion(s);
        if (criterion == null && mode == JudgeMode.GRADE) return Score.unscored(answer, "no rubric and no target to grade against");
        String prompt = JudgePrompt.build(mode, JudgePrompt.question(s.input()), criterion, answer);
        GenerateResponse reply;
        try {
            reply = judge.generate(GenerateRequest.chat(List.of(ChatMessage.user(prompt)), config));
        } catch (ModelException e) {
            if (!e.retriable()) throw e;
            return Score.unscored(answer, "judge call failed: " + e.getMessage());
        }
        String text = reply.text();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("judge_output", text);
        if (mode == JudgeMode.GRADE) {
            Optional<String> g = Verdicts.grade(text);
            if (g.isEmpty()) return new Score(null, answer, "judge gave no GRADE: C|P|I", meta);
            meta.put("grade", g.get());
            double v = switch (g.get()) {
                case "C" -> 1.0;
                case "P" -> partialCredit;
                default -> 0.0;
            };
            return new Score(v, answer, "judge: GRADE " + g.get(), meta);
        }
        Optional<Double> r = Verdicts.rating(text);
        if (r.isEmpty()) return new Score(null, answer, "judge gave no [[1-10]] rating", meta);
        return new Score(r.get(), answer, "judge: rating " + r.get(), meta);
    }

    private String criterion(Sample s) {
        if (rubric != null) return rubric;
        Object own = s.metadata().get("rubric");
        if (own instanceof String r && !r.isBlank()) return r;
        return s.target().isEmpty() ? null : String.join("\n", s.target());
    }
}
