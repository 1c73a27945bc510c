package dev.arbiter.eval.task.gsm8k;

/**
 * One GSM8K item.
 *
 * @param index    0-based position in its file (the sample id)
 * @param solution the reference worked solution, ending in {@code #### <answer>}
 * @param gold     the final answer: the text after {@code ####}, normalised (commas removed)
 */
public record Gsm8kProblem(int index, String question, String solution, String gold) {
    public Gsm8kProblem {
        if (index < 0) throw new IllegalArgumentException("index must be >= 0");
        if (question == null || question.isBlank()) throw new IllegalArgumentException("question is required");
        if (gold == null || gold.isBlank()) throw new IllegalArgumentException("gold answer is required");
    }
}
