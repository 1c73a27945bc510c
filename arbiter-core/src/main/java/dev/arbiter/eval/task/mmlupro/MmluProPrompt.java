package dev.arbiter.eval.task.mmlupro;

import java.util.List;

/**
 * The authors' 5-shot chain-of-thought prompt, character for character as TIGER-Lab/MMLU-Pro's
 * evaluate_from_api.py builds it ({@code format_example} and the header; the API script sends it as one user turn
 * after {@link #SYSTEM}). Shots come from the validation split of the same category, with their worked answers.
 */
public final class MmluProPrompt {
    public static final String SYSTEM = "You are a knowledge expert, you are supposed to answer the multi-choice question to "
            + "derive your final answer as `The answer is ...`.";

    private MmluProPrompt() {}

    public static String build(MmluProQuestion q, List<MmluProQuestion> shots) {
        StringBuilder sb = new StringBuilder("The following are multiple choice questions (with answers) about ")
                .append(q.category())
                .append(". Think step by step and then output the answer in the format of \"The answer is (X)\" at the end.\n\n");
        for (MmluProQuestion s : shots) example(sb, s, s.cotContent());
        example(sb, q, "");
        return sb.toString();
    }

    private static void example(StringBuilder sb, MmluProQuestion q, String cot) {
        if (cot.isEmpty()) cot = "Let's think step by step.";
        if (cot.startsWith("A: ")) cot = cot.substring(3);
        sb.append("Question: ").append(q.question()).append("\nOptions: ");
        for (int i = 0; i < q.options().size(); i++) {
            sb.append(MmluProQuestion.LETTERS.charAt(i)).append(". ").append(q.options().get(i)).append('\n');
        }
        sb.append("Answer: ").append(cot).append("\n\n");
    }
}
