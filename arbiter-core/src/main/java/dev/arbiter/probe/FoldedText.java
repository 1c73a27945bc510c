package dev.arbiter.probe;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A view of a text for matching, with the offset in the original of every character kept, so a match in the view
 * is reported as a span of the original. {@link #fold} applies NFKC per character, lower-cases and drops format
 * characters (zero-width spaces, joiners, Unicode tag characters); {@link #compact} keeps only letters and digits.
 */
final class FoldedText {
    final String text;
    private final String original;
    /** origin[i] = offset in the original of text.charAt(i); origin[text.length()] = the original's length. */
    final int[] origin;

    private FoldedText(String text, int[] origin, String original) {
        this.text = text;
        this.origin = origin;
        this.original = original;
    }

    static FoldedText identity(String s) {
        int[] o = new int[s.length() + 1];
        for (int i = 0; i <= s.length(); i++) o[i] = i;
        return new FoldedText(s, o, s);
    }

    /** NFKC, lower case (Locale.ROOT), format characters (Unicode category Cf) removed. */
    FoldedText fold() {
        StringBuilder sb = new StringBuilder();
        int[] o = new int[text.length() * 3 + 1];
        int n = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.getType(cp) != Character.FORMAT) {
                String f = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
                for (int k = 0; k < f.length(); k++) {
                    if (n + 1 >= o.length) o = java.util.Arrays.copyOf(o, o.length * 2);
                    sb.append(f.charAt(k));
                    o[n++] = origin[i];
                }
            }
            i += len;
        }
        o[n] = origin[text.length()];
        return new FoldedText(sb.toString(), java.util.Arrays.copyOf(o, n + 1), original);
    }

    /** Only letters and digits. */
    FoldedText compact() {
        StringBuilder sb = new StringBuilder();
        int[] o = new int[text.length() + 1];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
                o[n++] = origin[i];
            }
        }
        o[n] = origin[text.length()];
        return new FoldedText(sb.toString(), java.util.Arrays.copyOf(o, n + 1), original);
    }

    /** ROT13 of ASCII letters; offsets unchanged. */
    FoldedText rot13() {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) sb.append(Obfuscation.rot13(text.charAt(i)));
        return new FoldedText(sb.toString(), origin, original);
    }

    /** Span in the original of the view's [from, from + length): {start, end}, whatever direction the view runs. */
    int[] span(int from, int length) {
        int a = origin[from];
        int b = origin[from + length - 1];
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        int end = hi + (Character.isHighSurrogate(original.charAt(hi)) && hi + 1 < original.length() ? 2 : 1);
        return new int[]{lo, end};
    }
}
