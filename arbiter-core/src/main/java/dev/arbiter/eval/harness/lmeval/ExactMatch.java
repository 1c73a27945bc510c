package dev.arbiter.eval.harness.lmeval;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * lm-eval's {@code exact_match} metric ({@code lm_eval/api/metrics.py} {@code exact_match_hf_evaluate},
 * EleutherAI/lm-evaluation-harness 4e7e0d47): each {@code regexes_to_ignore} removed from prediction and reference in
 * turn, then optional lower-casing and removal of ASCII punctuation, then string equality.
 */
public record ExactMatch(List<String> regexesToIgnore, boolean ignoreCase, boolean ignorePunctuation) {
    /** The settings of {@code gsm8k.yaml} and {@code gsm8k-cot.yaml}. */
    public static final ExactMatch GSM8K = new ExactMatch(List.of(",", "\\$", "(?s).*#### ", "\\.$"), true, false);

    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    public ExactMatch {
        regexesToIgnore = List.copyOf(regexesToIgnore);
    }

    public boolean matches(String prediction, String reference) {
        return clean(prediction).equals(clean(reference));
    }

    String clean(String s) {
        String t = s == null ? "" : s;
        for (String r : regexesToIgnore) t = Pattern.compile(r, Pattern.UNIX_LINES).matcher(t).replaceAll("");
        if (ignoreCase) t = t.toLowerCase(Locale.ROOT);
        if (ignorePunctuation) {
            StringBuilder b = new StringBuilder(t.length());
            for (int i = 0; i < t.length(); i++) if (ASCII_PUNCTUATION.indexOf(t.charAt(i)) < 0) b.append(t.charAt(i));
            t = b.toString();
        }
        return t;
    }
}
