package dev.arbiter.eval.task.mmlu;

import java.util.List;

/**
 * lm-eval's {@code mmlu} (default) context, as {@code lm_eval/tasks/mmlu/default/_default_template_yaml} and the
 * per-subject {@code description} build it: {@code "The following are multiple choice questions (with answers) about
 * <subject>.\n\n"}, then each shot as {@code doc_to_text + " " + letter} followed by {@code "\n\n"}
 * ({@code target_delimiter}, {@code fewshot_delimiter}), then the question's {@code doc_to_text}:
 * {@code "{{question.strip()}}\nA. …\nD. …\nAnswer:"}. Shots are the subject's dev questions in file order
 * ({@code fewshot_config: sampler: first_n}). Unlike {@link MmluPrompt}, the question is stripped as Python's
 * {@code str.strip()} does.
 */
public final class LmEvalMmluPrompt {
    private LmEvalMmluPrompt() {}

    public static String build(MmluQuestion q, List<MmluQuestion> shots) {
        StringBuilder sb = new StringBuilder("The following are multiple choice questions (with answers) about ")
                .append(MmluSubjects.display(q.subject())).append(".\n\n");
        for (MmluQuestion s : shots) sb.append(docToText(s)).append(' ').append(s.answerLetter()).append("\n\n");
        return sb.append(docToText(q)).toString();
    }

    static String docToText(MmluQuestion q) {
        StringBuilder sb = new StringBuilder(pythonStrip(q.question()));
        for (int i = 0; i < q.choices().size(); i++) sb.append('\n').append((char) ('A' + i)).append(". ").append(q.choices().get(i));
        return sb.append("\nAnswer:").toString();
    }

    /** Python's {@code str.strip()}: Java's whitespace plus the no-break and next-line spaces Python also strips. */
    static String pythonStrip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isPythonSpace(s.charAt(a))) a++;
        while (b > a && isPythonSpace(s.charAt(b - 1))) b--;
        return s.substring(a, b);
    }

    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f' || c == '\u0085';
    }
}
