package dev.arbiter.eval.task.vision;

import java.util.List;
import java.util.Locale;

/**
 * Average Normalized Levenshtein Similarity (Biten et al. 2019, the DocVQA metric), computed as the RRC / DocVQA
 * evaluation script does it (copied into Qwen-VL's {@code eval_mm/infographicsvqa_eval.py} and lmms-eval's
 * {@code tasks/docvqa/utils.py} {@code anls}):
 * <pre>
 * gt_answer  = " ".join(answer.strip().lower().split())
 * det_answer = " ".join(pred.strip().lower().split())
 * dist   = levenshtein_distance(gt_answer, det_answer)
 * length = max(len(answer.upper()), len(pred.upper()))      # the RAW strings' lengths
 * values.append(0.0 if length == 0 else dist / length)
 * question_result = 1 - min(values)
 * if question_result &lt; 0.5: question_result = 0
 * </pre>
 * So a similarity of exactly τ = 0.5 keeps its 0.5 (only below τ earns nothing), and the distance between the
 * normalised strings is divided by the longer <em>raw</em> string's length (surrounding and repeated spaces count in
 * the denominator). Lengths and distances are in code points, as Python's. The dataset score is the mean over questions.
 */
public final class Anls {
    public static final double THRESHOLD = 0.5;

    private Anls() {}

    public static double score(List<String> answers, String prediction) {
        String p = normalise(prediction);
        double minNl = Double.POSITIVE_INFINITY;
        for (String a : answers) {
            int length = Math.max(rawLength(a), rawLength(prediction));
            double nl = length == 0 ? 0 : levenshtein(normalise(a), p) / (double) length;
            minNl = Math.min(minNl, nl);
        }
        if (answers.isEmpty()) return 0; // min() of nothing raises in the reference; no truth earns nothing here
        double similarity = 1 - minNl;
        return similarity < THRESHOLD ? 0 : similarity;
    }

    /** {@code " ".join(s.strip().lower().split())}: Python's whitespace includes no-break spaces, Java's strip() does not. */
    static String normalise(String s) {
        StringBuilder out = new StringBuilder();
        for (String word : s.toLowerCase(Locale.ROOT).split("[\\s\\p{Z}\\x1C-\\x1F\\x85]+")) {
            if (word.isEmpty()) continue;
            if (out.length() > 0) out.append(' ');
            out.append(word);
        }
        return out.toString();
    }

    /** {@code len(s.upper())}: upper-casing can lengthen ("ß" → "SS"), and the reference measures after it. */
    private static int rawLength(String s) {
        String u = s.toUpperCase(Locale.ROOT);
        return u.codePointCount(0, u.length());
    }

    /** Edit distance (insert, delete, substitute, each cost 1) over code points, in two rows of O(|b|) memory. */
    static int levenshtein(String s, String t) {
        int[] a = s.codePoints().toArray(), b = t.codePoints().toArray();
        int[] prev = new int[b.length + 1], cur = new int[b.length + 1];
        for (int j = 0; j <= b.length; j++) prev[j] = j;
        for (int i = 1; i <= a.length; i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length; j++) {
                int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] x = prev;
            prev = cur;
            cur = x;
        }
        return prev[b.length];
    }
}
