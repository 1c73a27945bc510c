package dev.arbiter.eval.task.mmlupro;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MMLU-Pro's extraction, in its authors' order (evaluate_from_api.py {@code extract_answer}, {@code extract_again},
 * {@code extract_final}): the first "answer is (X)" (parentheses optional, case-sensitive), else the last
 * "Answer: X" on a line, else the last standalone letter A–J anywhere. The authors then guess at random when all
 * three fail; here that is a wrong answer instead, so two runs of one model agree.
 */
public final class AnswerIsExtractor {
    private static final Pattern ANSWER_IS = Pattern.compile("answer is \\(?([A-J])\\)?");
    // Python's re.search(r'.*[aA]nswer:\s*([A-J])', text): '.' stops at newlines and is greedy, so the last match on
    // the first line holding one; \s* may cross lines.
    private static final Pattern ANSWER_COLON = Pattern.compile(".*[aA]nswer:\\s*([A-J])");
    private static final Pattern LAST_LETTER = Pattern.compile("\\b[A-J]\\b(?!.*\\b[A-J]\\b)", Pattern.DOTALL);

    private AnswerIsExtractor() {}

    public static String extract(String text) {
        Matcher m = ANSWER_IS.matcher(text);
        if (m.find()) return m.group(1);
        m = ANSWER_COLON.matcher(text);
        if (m.find()) return m.group(1);
        m = LAST_LETTER.matcher(text);
        if (m.find()) return m.group();
        return null;
    }
}
