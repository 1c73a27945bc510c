package dev.arbiter.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" for ids typed on the command line (Levenshtein distance, closest three). */
public final class Suggest {
    private Suggest() {}

    /** A phrase like {@code "; did you mean gemma-3-27b, gemma-3-12b?"}, or empty when nothing is close. */
    public static String nearest(String typed, List<String> known) {
        String t = typed.toLowerCase(Locale.ROOT);
        List<String> close = known.stream()
                .filter(k -> k.contains(t) || t.contains(k) || distance(t, k) <= Math.max(2, k.length() / 3))
                .sorted(Comparator.comparingInt(k -> distance(t, k))).limit(3).toList();
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] tmp = prev; prev = cur; cur = tmp;
        }
        return prev[b.length()];
    }
}
