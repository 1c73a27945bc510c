package dev.arbiter.eval.task.vision;

import java.util.List;
import java.util.Locale;

/**
 * Average Normalized Levenshtein Similarity (Biten et al. 2019, the DocVQA metric): per question, the best over the
 * ground-truth answers of {@code 1 − NL} where NL = edit distance ÷ the longer string's length, after lower-casing,
 * trimming and folding runs of spaces; a similarity with NL ≥ τ = 0.5 counts as 0 (the paper's rule: a reading that
 * is more than half wrong earns nothing). The dataset score is the mean over questions.
 */
public final class Anls {
    public static final double THRESHOLD = 0.5;

    private Anls() {}

    public static double score(List<String> answers, String prediction) {
        String p = normalise(prediction);
        double best = 0;
        for (String a : answers) {
            String g = normalise(a);
            int longest = Math.max(g.length(), p.length());
            double nl = longest == 0 ? 0 : levenshtein(g, p) / (double) longest;
            double s = nl < THRESHOLD ? 1 - nl : 0;
            best = Math.max(best, s);
        }
        return best;
    }

    static String normalise(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** Edit distance (insert, delete, substitute, each cost 1) over UTF-16 units, in two rows of O(|b|) memory. */
    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
