package dev.arbiter.eval.task.gsm8k;

import dev.arbiter.eval.harness.lmeval.PythonRandom;

import java.util.ArrayList;
import java.util.List;

/**
 * lm-eval's {@code gsm8k} task ({@code lm_eval/tasks/gsm8k/gsm8k.yaml}, EleutherAI/lm-evaluation-harness 4e7e0d47):
 * {@code doc_to_text: "Question: {{question}}\nAnswer:"}, {@code doc_to_target: "{{answer}}"} (the whole worked
 * solution, calculator annotations and {@code #### N} included), 5 shots from the train split joined by
 * {@code target_delimiter} " " and {@code fewshot_delimiter} "\n\n", no description. The yaml sets no
 * {@code fewshot_config}, so the shots come from the default sampler: {@code Random(1234).sample(train, 5)}, one
 * draw per test document in test order, from one generator ({@code fewshot_random_seed} 1234).
 */
public final class LmEvalGsm8kPrompt {
    public static final int SHOTS = 5;
    public static final long FEWSHOT_SEED = 1234L;
    /** {@code generation_kwargs.until}. */
    public static final List<String> UNTIL = List.of("Question:", "</s>", "<|im_end|>");

    private LmEvalGsm8kPrompt() {}

    /** Each test document's context, in test order. */
    public static List<String> contexts(List<Gsm8kProblem> test, List<Gsm8kProblem> train, int shots) {
        if (train.size() < shots) throw new IllegalArgumentException("the train split has " + train.size() + " problems, " + shots + " shots asked");
        PythonRandom rnd = new PythonRandom(FEWSHOT_SEED);
        List<String> out = new ArrayList<>(test.size());
        for (Gsm8kProblem p : test) {
            StringBuilder sb = new StringBuilder();
            if (shots > 0) {
                for (int i : rnd.sample(train.size(), shots)) {
                    Gsm8kProblem s = train.get(i);
                    sb.append("Question: ").append(s.question()).append("\nAnswer:").append(' ').append(s.solution()).append("\n\n");
                }
            }
            out.add(sb.append("Question: ").append(p.question()).append("\nAnswer:").toString());
        }
        return out;
    }
}
