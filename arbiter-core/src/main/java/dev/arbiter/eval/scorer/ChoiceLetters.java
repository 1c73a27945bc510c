package dev.arbiter.eval.scorer;

/** Option letters for multiple choice: index 0 is A. At most 26 options. */
public final class ChoiceLetters {
    public static final int MAX = 26;

    private ChoiceLetters() {}

    public static String letter(int index) {
        if (index < 0 || index >= MAX) throw new IllegalArgumentException("choice index must be 0..25, got " + index);
        return String.valueOf((char) ('A' + index));
    }

    /** 0 for A (or a), -1 for anything that is not a single letter. */
    public static int index(String letter) {
        if (letter == null || letter.length() != 1) return -1;
        char c = Character.toUpperCase(letter.charAt(0));
        return c >= 'A' && c <= 'Z' ? c - 'A' : -1;
    }
}
