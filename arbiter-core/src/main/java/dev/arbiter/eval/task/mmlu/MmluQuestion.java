package dev.arbiter.eval.task.mmlu;

import java.util.List;

/**
 * One multiple-choice question.
 *
 * @param subject snake_case subject, e.g. {@code high_school_physics}
 * @param index   0-based position among its subject's questions in the file(s) it came from
 * @param answer  0-based index of the correct choice
 */
public record MmluQuestion(String subject, int index, String question, List<String> choices, int answer) {
    public MmluQuestion {
        if (subject == null || subject.isBlank()) throw new IllegalArgumentException("subject is required");
        if (question == null) throw new IllegalArgumentException("question is required");
        choices = List.copyOf(choices);
        if (choices.size() < 2 || choices.size() > 26) throw new IllegalArgumentException("choices must number 2..26, got " + choices.size());
        if (answer < 0 || answer >= choices.size()) throw new IllegalArgumentException("answer index " + answer + " is outside the " + choices.size() + " choices");
    }

    public String answerLetter() { return String.valueOf((char) ('A' + answer)); }

    public String id() { return subject + "/" + index; }
}
