package dev.arbiter.eval.task.mtbench.pairwise;

import java.util.List;

/**
 * One MT-Bench question as a stored run answered it.
 *
 * @param questions the two user turns
 * @param answers   the model's answers in turn order (reasoning removed, as the single-answer judge saw them); one
 *                  or two entries
 */
public record AnsweredQuestion(int id, String category, List<String> questions, List<String> answers) {
    public AnsweredQuestion {
        if (category == null || category.isBlank()) throw new IllegalArgumentException("category is required (question " + id + ")");
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        if (questions.size() != 2) throw new IllegalArgumentException("questions must hold 2 turns, question " + id + " has " + questions.size());
        if (answers.isEmpty() || answers.size() > 2) {
            throw new IllegalArgumentException("answers must hold 1 or 2 turns, question " + id + " has " + answers.size());
        }
    }

    /** Whether this run answered {@code turn} (1 or 2). */
    public boolean answered(int turn) {
        return answers.size() >= turn;
    }
}
