package dev.arbiter.eval.task.niah;

/**
 * Filler with the needle inserted at a sentence boundary near a relative depth.
 *
 * @param text         the document
 * @param needleOffset where the needle sentence starts in {@code text} (chars)
 * @param needleLength its length (chars)
 */
public record Haystack(String text, int needleOffset, int needleLength) {
    /**
     * @param fillerChars size of the filler before insertion (chars; ≈ 4 chars per token, see NiahTask)
     * @param depthPercent 0 = the needle opens the document, 100 = it closes it
     */
    public static Haystack build(long seed, int fillerChars, int depthPercent, Needle needle) {
        if (depthPercent < 0 || depthPercent > 100) throw new IllegalArgumentException("depth must be 0..100 %, got " + depthPercent);
        String filler = Filler.generate(seed, fillerChars);
        int target = (int) Math.round(filler.length() * (depthPercent / 100.0));
        int at = boundaryNear(filler, target);
        String before = filler.substring(0, at);
        String after = filler.substring(at);
        String sep1 = before.isEmpty() ? "" : " ";
        String sep2 = after.isEmpty() ? "" : " ";
        String text = before + sep1 + needle.sentence() + sep2 + after.stripLeading();
        return new Haystack(text, before.length() + sep1.length(), needle.sentence().length());
    }

    /** The sentence start (just after ". " or at 0 / end) closest to {@code target}. */
    static int boundaryNear(String s, int target) {
        if (target <= 0) return 0;
        if (target >= s.length()) return s.length();
        int best = 0;
        int i = 0;
        while (true) {
            int next = s.indexOf(". ", i);
            int next2 = s.indexOf(".\n", i);
            if (next < 0 || (next2 >= 0 && next2 < next)) next = next2;
            if (next < 0) break;
            int start = next + 1; // boundary right after the period
            if (Math.abs(start - target) < Math.abs(best - target)) best = start;
            if (start > target) break;
            i = start;
        }
        if (Math.abs(s.length() - target) < Math.abs(best - target)) best = s.length();
        return best;
    }

    /** Where the needle starts, as a percentage of the positions it could start at (0 = first, 100 = last). */
    public double actualDepthPercent() {
        int span = text.length() - needleLength;
        return span <= 0 ? 0 : 100.0 * needleOffset / span;
    }
}
