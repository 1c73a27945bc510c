package dev.arbiter.eval.task.mmlu;

import java.util.List;

/**
 * Hendrycks / lm-eval MMLU prompt: the header line, a blank line, then each shot as the question, its lettered options
 * and {@code Answer: X}, separated by blank lines, and finally the question ending in the bare cue
 * ({@code "…\nD. …\nAnswer:"}).
 */
public final class MmluPrompt {
    private MmluPrompt() {}

    public static String build(MmluTemplate t, MmluQuestion q, List<MmluQuestion> shots) {
        StringBuilder sb = new StringBuilder(t.header(q.subject())).append("\n\n");
        for (MmluQuestion s : shots) {
            appendQuestion(sb, t, s);
            sb.append(' ').append(s.answerLetter()).append("\n\n");
        }
        appendQuestion(sb, t, q);
        return sb.toString();
    }

    private static void appendQuestion(StringBuilder sb, MmluTemplate t, MmluQuestion q) {
        sb.append(q.question());
        for (int i = 0; i < q.choices().size(); i++) {
            sb.append('\n').append((char) ('A' + i)).append(". ").append(q.choices().get(i));
        }
        sb.append('\n').append(t.cue());
    }
}
