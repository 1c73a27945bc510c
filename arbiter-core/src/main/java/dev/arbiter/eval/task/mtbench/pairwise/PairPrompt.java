package dev.arbiter.eval.task.mtbench.pairwise;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.task.mtbench.JudgeTemplate;
import dev.arbiter.eval.task.mtbench.MtBenchData;
import dev.arbiter.eval.task.mtbench.MtBenchJudge;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FastChat's pairwise judge conversation ({@code run_judge_pair}): turn 1 with {@code pair-v2}, turn 2 with
 * {@code pair-v2-multi-turn} (both whole conversations, focus on the second answer); math, reasoning and coding use
 * {@code pair-math-v1}(-multi-turn) with GPT-4's reference answers. Answers are defused exactly as the single-answer
 * judge defuses them ({@link MtBenchJudge#defuse}), so neither can close its section or plant a verdict.
 */
public final class PairPrompt {
    public static final String PAIR = "pair-v2";
    public static final String PAIR_MULTI = "pair-v2-multi-turn";
    public static final String MATH = "pair-math-v1";
    public static final String MATH_MULTI = "pair-math-v1-multi-turn";

    private final MtBenchData data;

    /** @throws InvalidInputException when the judge prompts lack one of the four pairwise prompts */
    public PairPrompt(MtBenchData data) {
        for (String needed : List.of(PAIR, PAIR_MULTI, MATH, MATH_MULTI)) {
            if (!data.judges().containsKey(needed)) {
                throw new InvalidInputException("judge_prompts.jsonl: no judge prompt named '" + needed
                        + "' (FastChat's file has the four pair-* prompts)");
            }
        }
        this.data = data;
    }

    /**
     * The judge conversation (system, user) for {@code turn} 1 or 2, with {@code first} shown as assistant A and
     * {@code second} as assistant B. Both must have answered {@code turn}.
     *
     * @throws InvalidInputException when a math, reasoning or coding question has no reference answer
     */
    public List<ChatMessage> build(int turn, AnsweredQuestion first, AnsweredQuestion second) {
        if (turn != 1 && turn != 2) throw new IllegalArgumentException("turn must be 1 or 2, got " + turn);
        boolean ref = MtBenchJudge.needsReference(first.category());
        JudgeTemplate t = data.judges().get(turn == 1 ? (ref ? MATH : PAIR) : (ref ? MATH_MULTI : PAIR_MULTI));
        Map<String, String> v = new HashMap<>();
        if (ref) {
            List<String> reference = data.references().get(first.id());
            if (reference == null || reference.size() < 2) {
                throw new InvalidInputException("no reference answer for " + first.category() + " question " + first.id()
                        + " in reference_answer/gpt-4.jsonl (give --data the directory the runs were answered from)");
            }
            v.put("ref_answer_1", reference.get(0));
            v.put("ref_answer_2", reference.get(1));
        }
        List<String> q = first.questions();
        if (turn == 1) {
            v.put("question", q.get(0));
            v.put("answer_a", MtBenchJudge.defuse(first.answers().get(0)));
            v.put("answer_b", MtBenchJudge.defuse(second.answers().get(0)));
        } else {
            v.put("question_1", q.get(0));
            v.put("question_2", q.get(1));
            v.put("answer_a_1", MtBenchJudge.defuse(first.answers().get(0)));
            v.put("answer_a_2", MtBenchJudge.defuse(first.answers().get(1)));
            v.put("answer_b_1", MtBenchJudge.defuse(second.answers().get(0)));
            v.put("answer_b_2", MtBenchJudge.defuse(second.answers().get(1)));
        }
        return List.of(ChatMessage.system(t.systemPrompt()), ChatMessage.user(t.fill(v)));
    }
}
