package dev.arbiter.eval.scorer;

import java.util.Locale;

/**
 * The verdict of a classifier told to answer starting with 'Yes' or 'No' (ShieldGemma 1 and 2): the first word of the
 * answer, in any case, when it is exactly {@code yes} or {@code no}, that is followed by the end, a space or
 * punctuation. A word that only starts with the letters ("Not sure", "Nothing here…", "Yesterday") is no verdict:
 * ShieldGemma's reference code reads the logits of the {@code Yes} and {@code No} tokens, never a prefix of another word.
 */
public final class YesNo {
    private YesNo() {}

    /** TRUE for yes, FALSE for no, null when the first word is neither. */
    public static Boolean leading(String text) {
        if (text == null) return null;
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (word(t, "yes")) return Boolean.TRUE;
        if (word(t, "no")) return Boolean.FALSE;
        return null;
    }

    private static boolean word(String t, String w) {
        if (!t.startsWith(w)) return false;
        if (t.length() == w.length()) return true;
        int next = t.codePointAt(w.length());
        return !Character.isLetterOrDigit(next); // "No," "Yes." "No\n" yes; "Not" "Yesterday" "No1" no
    }
}
