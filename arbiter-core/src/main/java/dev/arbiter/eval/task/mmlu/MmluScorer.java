package dev.arbiter.eval.task.mmlu;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MMLU scoring in either mode. Generate: the letter found by {@link LetterExtractor}; a reply with no recognisable
 * letter is wrong ({@code extracted: false}). Logprob: the letter from {@link LogprobChoice}; no option letter among
 * the top alternatives is wrong too ({@code letter_in_top: false}): the model put its mass elsewhere, and leaving such
 * questions out would raise accuracy over the rest. Metadata carries {@code subject} for the per-subject metrics.
 */
public final class MmluScorer implements Scorer {
    /**
     * {@code SIMPLE_EVALS}: openai/simple-evals' prompt and extraction ({@link SimpleEvalsMultichoice}).
     * {@code LOGLIKELIHOOD}: lm-eval's prompt and multiple-choice loglikelihood, scored by
     * {@link dev.arbiter.eval.harness.lmeval.LoglikelihoodScorer}, not by this class.
     */
    public enum Mode { GENERATE, LOGPROB, SIMPLE_EVALS, LOGLIKELIHOOD }

    private final Mode mode;

    public MmluScorer(Mode mode) { this.mode = mode; }

    @Override
    public String name() {
        return switch (mode) {
            case GENERATE -> "mmlu_letter";
            case LOGPROB -> "mmlu_logprob";
            case SIMPLE_EVALS -> "mmlu_simple_evals";
            case LOGLIKELIHOOD -> "lm_eval_loglikelihood";
        };
    }

    @Override
    public Score score(TaskState state) {
        String target = state.sample().firstTarget();
        Map<String, Object> meta = new HashMap<>();
        meta.put("subject", state.sample().metadata().get("subject"));
        if (mode == Mode.LOGPROB) {
            Optional<LogprobChoice.Result> r = state.output() == null ? Optional.empty()
                    : LogprobChoice.pick(state.output().logprobs(), state.sample().choices().size());
            meta.put("letter_in_top", r.isPresent());
            if (r.isEmpty()) return new Score(0.0, null, "no option letter among the top logprobs: counted wrong", meta);
            meta.put("probabilities", r.get().probabilities());
            boolean ok = r.get().letter().equals(target);
            return new Score(ok ? 1.0 : 0.0, r.get().letter(), "argmax " + r.get().letter() + ", target " + target, meta);
        }
        String letter = mode == Mode.SIMPLE_EVALS ? SimpleEvalsMultichoice.extract(state.completion())
                : LetterExtractor.extract(state.completion(), state.sample().choices());
        meta.put("extracted", letter != null);
        if (letter == null) return new Score(0.0, null, "no option letter found in the answer", meta);
        boolean ok = letter.equals(target);
        return new Score(ok ? 1.0 : 0.0, letter, "chose " + letter + ", target " + target, meta);
    }
}
