package dev.arbiter.probe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of a system prompt an answer reproduces: the share of the prompt's word 3-grams (lower-cased letters and
 * digits) that also occur in the answer, in [0, 1]. Word n-grams ignore re-flowed whitespace and punctuation yet stay
 * near 0 for an answer that merely talks about the same topic. Prompts under three words compare single words.
 */
public final class PromptOverlap {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    static final int N = 3;

    private PromptOverlap() {}

    public static double fraction(String prompt, String answer) {
        List<String> p = words(prompt);
        if (p.isEmpty()) return 0;
        int n = Math.min(N, p.size());
        Set<String> have = grams(words(answer), n);
        Set<String> want = grams(p, n);
        long found = want.stream().filter(have::contains).count();
        return (double) found / want.size();
    }

    private static List<String> words(String s) {
        List<String> w = new ArrayList<>();
        if (s == null) return w;
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) w.add(m.group());
        return w;
    }

    private static Set<String> grams(List<String> w, int n) {
        Set<String> g = new HashSet<>();
        for (int i = 0; i + n <= w.size(); i++) g.add(String.join(" ", w.subList(i, i + n)));
        return g;
    }
}
