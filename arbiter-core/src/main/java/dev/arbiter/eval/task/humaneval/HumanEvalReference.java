package dev.arbiter.eval.task.humaneval;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference harness's chat HumanEval: the turns it sends, the settings it sends them with, and how it turns the
 * answer into the code it runs ({@code prompt + completion}). The verdict is still the trusted sandbox grader's.
 */
public enum HumanEvalReference {
    /**
     * lm-eval {@code humaneval_instruct} (EleutherAI/lm-evaluation-harness 4e7e0d47,
     * {@code lm_eval/tasks/humaneval/humaneval_instruct.yaml}, {@code utils.py build_predictions_instruct}) as its
     * local-chat-completions model sends it: the user turn {@code doc_to_text}, then {@code gen_prefix} as an assistant
     * turn to continue; {@code humaneval.yaml}'s stops cut to the first four ({@code stop[:4]}), 1024 tokens,
     * temperature 0, seed 1234. The code run is the prompt plus the answer up to its first {@code ```}.
     */
    LM_EVAL_INSTRUCT("lm_eval_humaneval_instruct"),
    /**
     * openai/simple-evals {@code humaneval_eval.py} (ee3b0318d8d1d9d72755a4120879be65f7c07e9e): one user turn, the instruction followed by the prompt;
     * {@code ChatCompletionSampler}'s temperature 0.5 and 1024 tokens; 5 samples a problem (run with --epochs 5 for its
     * pass@1, 2, 5). The code run is the prompt plus {@code find_code}: the first {@code ```python} block (or the whole
     * answer) from just after its first {@code ":\n    "}.
     */
    SIMPLE_EVALS("simple_evals_humaneval");

    static final String LM_EVAL_TEXT = "Write a solution to the following problem and make sure that it passes the tests:\n```python\n";
    static final String LM_EVAL_PREFIX = "Here is the completed function:\n```python\n";
    static final String SIMPLE_EVALS_INSTRUCTION = "Read the following function signature and docstring, and fully implement "
            + "the function described. Your response should only contain the code for this function.\n";
    private static final Pattern PYTHON_BLOCK = Pattern.compile("```python\n(.*?)```", Pattern.DOTALL);

    private final String scorerName;

    HumanEvalReference(String scorerName) { this.scorerName = scorerName; }

    public String scorerName() { return scorerName; }

    /** The turns sent for problem {@code p}. */
    public List<ChatMessage> messages(HumanEvalProblem p) {
        return switch (this) {
            case LM_EVAL_INSTRUCT -> List.of(ChatMessage.user(LM_EVAL_TEXT + p.prompt() + "\n```\n"),
                    ChatMessage.assistant(LM_EVAL_PREFIX + p.prompt() + "\n"));
            case SIMPLE_EVALS -> List.of(ChatMessage.user(SIMPLE_EVALS_INSTRUCTION + p.prompt()));
        };
    }

    public GenerationConfig config() {
        return switch (this) {
            case LM_EVAL_INSTRUCT -> new GenerationConfig(0.0, null, 1024, 1234L, List.of("\nclass", "\ndef", "\n#", "\nif"), null, null);
            case SIMPLE_EVALS -> new GenerationConfig(0.5, null, 1024, null, null, null, null);
        };
    }

    /** The program the reference would run for {@code answer}: prompt + its post-processed completion. */
    public Solution solution(String answer, HumanEvalProblem p) {
        String r = answer == null ? "" : answer;
        String completion = switch (this) {
            case LM_EVAL_INSTRUCT -> r.contains("```") ? r.substring(0, r.indexOf("```")) : r;
            case SIMPLE_EVALS -> {
                Matcher m = PYTHON_BLOCK.matcher(r);
                String code = m.find() ? m.group(1) : r;
                // Python's code[code.find(":\n    ") + 2:]: when absent, find is -1 and the slice drops one character
                int at = code.indexOf(":\n    ");
                yield code.substring(Math.min(code.length(), at + 2));
            }
        };
        return new Solution(SolutionKind.AS_REFERENCE, p.prompt() + completion);
    }
}
