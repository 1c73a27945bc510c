package dev.arbiter.eval.task.mmlupro;

import java.util.List;

/**
 * One MMLU-Pro question (TIGER-Lab/MMLU-Pro: question_id, question, options, answer, answer_index, cot_content,
 * category, src). Options number up to ten (A–J); some questions have fewer after the authors' filtering.
 *
 * @param answer     0-based index of the correct option
 * @param cotContent the validation split's worked answer ("A: Let's think step by step. …"), empty in test
 */
public record MmluProQuestion(String id, String question, List<String> options, int answer, String cotContent, String category) {
    public static final String LETTERS = "ABCDEFGHIJ";

    public MmluProQuestion {
        options = List.copyOf(options);
        if (options.size() < 2 || options.size() > LETTERS.length()) {
            throw new IllegalArgumentException("question " + id + " has " + options.size() + " options, expected 2 to 10");
        }
        if (answer < 0 || answer >= options.size()) throw new IllegalArgumentException("question " + id + ": answer index " + answer + " is outside its options");
        cotContent = cotContent == null ? "" : cotContent;
    }

    public String answerLetter() { return String.valueOf(LETTERS.charAt(answer)); }
}
