package dev.arbiter.eval.task.math;

import java.util.regex.Pattern;

/**
 * Canonical text of a MATH answer: Hendrycks et al.'s {@code strip_string} (the MATH paper's {@code is_equiv}), step
 * for step, plus a few safe additions marked below (text wrappers, thin spaces, trailing units in {@code \text{}},
 * LaTeX thousands separators, a trailing period, choice letters). Two answers with the same canonical text are equal;
 * {@link MathEquivalence} goes further with numbers and structure. A plain comma between digits is kept: whether
 * {@code 70,110} is a number or a list depends on the other answer ({@link #thousandsGrouped}).
 */
public final class MathNormaliser {
    private static final Pattern TRAILING_TEXT_UNIT = Pattern.compile(
            "\\\\(?:text|mbox|textrm|mathrm)\\{\\s*[A-Za-z][A-Za-z ]*\\}(?:\\^\\{?\\d\\}?)?\\s*$");
    private static final Pattern TEXT_WRAPPER = Pattern.compile("\\\\(?:text|textbf|textrm|mbox|mathrm|mathbf)\\{([^{}]*)\\}");
    /** Text-mode wrappers holding a letter: words ("odd", "Evelyn"), not math ({@code \mathbf{v}} stays a symbol). */
    private static final Pattern WORDS = Pattern.compile("\\\\(?:text|textbf|textrm|mbox)\\{[^{}]*[A-Za-z][^{}]*\\}");
    private static final Pattern THOUSANDS = Pattern.compile("-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?");
    /** {@code 10,\!080}, {@code 8{,}880}: LaTeX's spacing for a thousands separator, never a list's comma. */
    private static final Pattern LATEX_THOUSANDS = Pattern.compile("(?<=\\d)(?:,\\s*\\\\!\\s*|\\{\\s*,\\s*\\})(?=\\d{3}(?!\\d))");
    private static final Pattern CHOICE = Pattern.compile("\\(([A-Z])\\)");

    /** Stands for a row separator while the steps run; never occurs in LaTeX text. */
    private static final String ROW = "\u0001";

    private MathNormaliser() {}

    /**
     * Canonical text, and whether it holds words unwrapped from {@code \text{…}} (or {@code \textbf}, {@code
     * \textrm}, {@code \mbox}) that survived the unit rules: such letters are words, compared as text, never as
     * variables ({@code \text{dod}} is not {@code \text{odd}}).
     */
    record Canonical(String text, boolean words) {}

    public static String normalise(String answer) {
        return canonical(answer).text();
    }

    static Canonical canonical(String answer) {
        String s = stripTrailingPeriod(answer.strip()); // addition: before " ." becomes " 0." below
        s = s.replace("\n", "");
        s = LATEX_THOUSANDS.matcher(s).replaceAll(""); // addition: before "\!" goes and leaves a bare comma
        s = s.replace("\\!", "");
        // Hendrycks turns a row separator "\\\\" into "\\"; it is held as ROW until the end so that the thin-space rule
        // below ("\\ " → " ") cannot take a separator followed by a space and merge two matrix rows into one.
        s = s.replace("\\\\", ROW);
        s = s.replace("tfrac", "frac");
        s = s.replace("dfrac", "frac");
        s = s.replace("\\left", "");
        s = s.replace("\\right", "");
        s = s.replace("^{\\circ}", "");
        s = s.replace("^\\circ", "");
        s = s.replace("\\$", "");
        s = s.replace("$", ""); // addition: a bare dollar left by an unbalanced inline-math answer
        s = removeRightUnits(s);
        // additions: units in a trailing \text{}, then unwrap the remaining text wrappers, thin spaces
        if (s.chars().anyMatch(Character::isDigit)) {
            String cut = TRAILING_TEXT_UNIT.matcher(s).replaceFirst("");
            if (cut.chars().anyMatch(Character::isDigit)) s = cut;
        }
        boolean words = WORDS.matcher(s).find();
        s = TEXT_WRAPPER.matcher(s).replaceAll("$1");
        s = s.replace("\\,", "").replace("\\;", "").replace("\\:", "").replace("\\ ", " ");
        s = s.replace("\\%", "");
        s = s.replace("%", "");
        s = s.replace(" .", " 0.");
        s = s.replace("{.", "{0.");
        if (s.isEmpty()) return new Canonical(s, words);
        if (s.charAt(0) == '.') s = "0" + s;
        String[] eq = s.split("=", -1);
        if (eq.length == 2 && eq[0].length() <= 2) s = eq[1];
        s = fixSqrt(s);
        s = s.replace(" ", "");
        s = fixFracs(s);
        if (s.equals("0.5")) s = "\\frac{1}{2}";
        s = fixSlash(s);
        // additions: trailing period, "(C)" → "C"
        s = stripTrailingPeriod(s);
        var choice = CHOICE.matcher(s);
        if (choice.matches()) s = choice.group(1);
        return new Canonical(s.replace(ROW, "\\"), words);
    }

    /**
     * True for one number written with plain-comma thousands separators, each comma followed by exactly three digits
     * ({@code 15,600}, {@code 1,000,000.5}); the same text can be a list ({@code 70,110}: two solutions).
     */
    static boolean thousandsGrouped(String canonical) {
        return THOUSANDS.matcher(canonical).matches();
    }

    private static String stripTrailingPeriod(String s) {
        while (s.endsWith(".") || s.endsWith("\\.")) s = s.substring(0, s.length() - (s.endsWith("\\.") ? 2 : 1)).stripTrailing();
        return s;
    }

    /** Hendrycks {@code _remove_right_units}: drop everything from "\text{ " on (a unit with a leading space). */
    static String removeRightUnits(String s) {
        int at = s.indexOf("\\text{ ");
        return at < 0 ? s : s.substring(0, at);
    }

    /** Hendrycks {@code _fix_sqrt}: {@code \sqrt2} → {@code \sqrt{2}} (one character argument); unlike it, leaves {@code \sqrt[n]{…}} alone. */
    static String fixSqrt(String s) {
        String[] parts = s.split("\\\\sqrt", -1);
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            if (!p.isEmpty() && p.charAt(0) != '{' && p.charAt(0) != '[') out.append("\\sqrt{").append(p.charAt(0)).append('}').append(p, 1, p.length());
            else out.append("\\sqrt").append(p);
        }
        return out.toString();
    }

    /** Hendrycks {@code _fix_fracs}: {@code \frac12} → {@code \frac{1}{2}}, {@code \frac1{2}} → {@code \frac{1}{2}}. */
    static String fixFracs(String s) {
        String[] parts = s.split("\\\\frac", -1);
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            out.append("\\frac");
            if (!p.isEmpty() && p.charAt(0) == '{') {
                out.append(p);
                continue;
            }
            if (p.length() < 2) return s;
            char a = p.charAt(0);
            char b = p.charAt(1);
            if (b != '{') out.append('{').append(a).append("}{").append(b).append('}').append(p, 2, p.length());
            else out.append('{').append(a).append('}').append(b).append(p, 2, p.length());
        }
        return out.toString();
    }

    /** Hendrycks {@code _fix_a_slash_b}: {@code 3/4} → {@code \frac{3}{4}} when both sides are plain integers. */
    static String fixSlash(String s) {
        String[] parts = s.split("/", -1);
        if (parts.length != 2) return s;
        if (!parts[0].matches("-?\\d+") || !parts[1].matches("\\d+")) return s;
        if (parts[0].matches("-?0\\d+") || parts[1].matches("0\\d+")) return s; // Python's str(int(a)) == a check
        return "\\frac{" + parts[0] + "}{" + parts[1] + "}";
    }
}
