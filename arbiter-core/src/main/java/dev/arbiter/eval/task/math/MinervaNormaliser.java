package dev.arbiter.eval.task.math;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * lm-eval {@code minerva_math}'s answer handling (EleutherAI/lm-evaluation-harness 4e7e0d47,
 * {@code lm_eval/tasks/minerva_math/utils.py}): {@code get_unnormalized_answer} and {@code normalize_final_answer}
 * (Lewkowycz et al. 2022, appendix D), step for step. Patterns use {@link Pattern#UNIX_LINES} as Python's {@code re}.
 */
public final class MinervaNormaliser {
    public static final String INVALID = "[invalidanswer]";

    private static final Pattern FINAL = Pattern.compile("Final Answer: The final answer is(.*?). I hope it is correct.", Pattern.UNIX_LINES);
    private static final List<String[]> SUBSTITUTIONS = List.of(
            new String[] {"an ", ""}, new String[] {"a ", ""}, new String[] {".$", "$"}, new String[] {"\\$", ""},
            new String[] {"\\ ", ""}, new String[] {" ", ""}, new String[] {"mbox", "text"},
            new String[] {",\\text{and}", ","}, new String[] {"\\text{and}", ","}, new String[] {"\\text{m}", "\\text{}"});
    private static final List<String> REMOVED = List.of("square", "ways", "integers", "dollars", "mph", "inches", "ft",
            "hours", "km", "units", "\\ldots", "sue", "points", "feet", "minutes", "digits", "cents", "degrees", "cm", "gm",
            "pounds", "meters", "meals", "edges", "students", "childrentickets", "multiples", "\\text{s}", "\\text{.}",
            "\\text{\ns}", "\\text{}^2", "\\text{}^3", "\\text{\n}", "\\text{}", "\\mathrm{th}", "^\\circ", "^{\\circ}", "\\;",
            ",\\!", "{,}", "\"", "\\dots");
    private static final Pattern DOLLARS = Pattern.compile("(.*?)(\\$)(.*?)(\\$)(.*)", Pattern.UNIX_LINES);
    private static final Pattern TEXT = Pattern.compile("(\\\\text\\{)(.*?)(\\})", Pattern.UNIX_LINES);
    private static final Pattern TEXTBF = Pattern.compile("(\\\\textbf\\{)(.*?)(\\})", Pattern.UNIX_LINES);
    private static final Pattern OVERLINE = Pattern.compile("(\\\\overline\\{)(.*?)(\\})", Pattern.UNIX_LINES);
    private static final Pattern BOXED = Pattern.compile("(\\\\boxed\\{)(.*)(\\})", Pattern.UNIX_LINES);
    private static final Pattern FRAC = Pattern.compile("(frac)([^{])(.)", Pattern.UNIX_LINES);
    private static final Pattern SQRT = Pattern.compile("(sqrt)([^{])", Pattern.UNIX_LINES);

    private MinervaNormaliser() {}

    /** {@code get_unnormalized_answer}: the text between "The final answer is" and ". I hope it is correct." (appended first). */
    public static String unnormalizedAnswer(String text) {
        Matcher m = FINAL.matcher((text == null ? "" : text) + "I hope it is correct.");
        return m.find() ? m.group(1).strip() : INVALID;
    }

    /** {@code normalize_final_answer}. */
    public static String normalize(String finalAnswer) {
        String[] parts = finalAnswer.split("=", -1);
        String s = parts[parts.length - 1];
        for (String[] r : SUBSTITUTIONS) s = s.replace(r[0], r[1]);
        for (String r : REMOVED) s = s.replace(r, "");
        s = DOLLARS.matcher(s).replaceAll("\\$$3\\$");
        s = TEXT.matcher(s).replaceAll("$2");
        s = TEXTBF.matcher(s).replaceAll("$2");
        s = OVERLINE.matcher(s).replaceAll("$2");
        s = BOXED.matcher(s).replaceAll("$2");
        s = FRAC.matcher(s).replaceAll("frac{$2}{$3}");
        s = SQRT.matcher(s).replaceAll("sqrt{$2}");
        s = s.replace("$", "");
        String noCommas = s.replace(",", "");
        if (!noCommas.isEmpty() && noCommas.chars().allMatch(Character::isDigit)) s = noCommas;
        return s;
    }
}
