package dev.arbiter.eval.task.math;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer Qwen2.5-Math's evaluation reads from a solution: {@code evaluation/parser.py} {@code extract_answer}
 * (QwenLM/Qwen2.5-Math a45202b, last changed in cb098e1) for MATH, branch for branch and in its order: minerva's
 * "final answer is $X$. I hope" sentence, then the text after the last "boxed", then after the last "he answer is",
 * then after the last "final answer is", then after the first "答案是", else the last number in the text. Its
 * {@code strip_string} is left to {@link MathNormaliser}, which {@link MathEquivalence} applies.
 */
public final class QwenAnswer {
    /** Which branch of {@code extract_answer} found the answer. */
    public enum Source { MINERVA, BOXED, ANSWER_IS, FINAL_ANSWER_IS, CHINESE, LAST_NUMBER, NONE }

    /** @param value the answer text, "" when {@code extract_answer} returns "" */
    public record Found(String value, Source source) {}

    /** parser.py: {@code re.findall(r"-?\d*\.?\d+", pred_str.replace(",", ""))[-1]}. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d*\\.?\\d+");
    /** parser.py: {@code re.sub(r"\n\s*", "", pred)}, Python's Unicode {@code \s}. */
    private static final Pattern NEWLINES = Pattern.compile("\n\\s*", Pattern.UNICODE_CHARACTER_CLASS);

    private QwenAnswer() {}

    public static Found extract(String completion) {
        if (completion == null) return new Found("", Source.NONE);
        String s = completion.replace("\u043a\u0438", ""); // Math-Shepherd's step tag "ки"
        Found raw = branch(s);
        return new Found(clean(raw.value()), raw.source());
    }

    private static Found branch(String s) {
        int minerva = s.indexOf("final answer is $");
        if (minerva >= 0 && s.contains("$. I hope")) {
            String tmp = s.substring(minerva + "final answer is $".length());
            int end = tmp.indexOf("$. I hope");
            return new Found((end < 0 ? tmp : tmp.substring(0, end)).strip(), Source.MINERVA);
        }
        int boxed = s.lastIndexOf("boxed");
        if (boxed >= 0) return new Found(afterBoxed(s.substring(boxed + "boxed".length())), Source.BOXED);
        int answerIs = s.lastIndexOf("he answer is");
        if (answerIs >= 0) return new Found(s.substring(answerIs + "he answer is".length()).strip(), Source.ANSWER_IS);
        int finalIs = s.lastIndexOf("final answer is");
        if (finalIs >= 0) return new Found(s.substring(finalIs + "final answer is".length()).strip(), Source.FINAL_ANSWER_IS);
        int chinese = s.indexOf("答案是");
        if (chinese >= 0) {
            // pred_str.split("答案是")[1]: up to the next occurrence, then its first paragraph
            String rest = s.substring(chinese + "答案是".length());
            int next = rest.indexOf("答案是");
            rest = (next < 0 ? rest : rest.substring(0, next)).strip();
            int para = rest.indexOf("\n\n");
            return new Found((para < 0 ? rest : rest.substring(0, para)).strip(), Source.CHINESE);
        }
        Matcher m = NUMBER.matcher(s.replace(",", ""));
        String last = null;
        while (m.find()) last = m.group();
        return last == null ? new Found("", Source.NONE) : new Found(last, Source.LAST_NUMBER);
    }

    /** The braced group after "boxed" (its braces left open when they never close, as Qwen's loop does), else up to a "$". */
    private static String afterBoxed(String ans) {
        if (ans.isEmpty()) return "";
        if (ans.charAt(0) != '{') {
            int dollar = ans.indexOf('$');
            return (dollar < 0 ? ans : ans.substring(0, dollar)).strip();
        }
        int depth = 1;
        StringBuilder a = new StringBuilder();
        for (int i = 1; i < ans.length(); i++) {
            char c = ans.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) break;
            a.append(c);
        }
        return a.toString();
    }

    /**
     * extract_answer's tail: lines joined, a leading ":", a trailing "." and "/" dropped once each, then the first
     * step of its strip_string (surrounding white space).
     */
    private static String clean(String pred) {
        String p = NEWLINES.matcher(pred).replaceAll("");
        if (p.startsWith(":")) p = p.substring(1);
        if (p.endsWith(".")) p = p.substring(0, p.length() - 1);
        if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
        return p.strip();
    }
}
