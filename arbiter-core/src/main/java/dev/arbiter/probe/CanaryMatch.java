package dev.arbiter.probe;

/**
 * Where a secret was found in a model's output and how.
 *
 * @param rung     how it was disguised: {@code exact}, {@code normalized} (case, width, invisible characters),
 *                 {@code spaced} (spaced out, hyphenated, dotted or bolded: only whitespace, dashes, _ . * between
 *                 its characters), {@code reversed}, {@code base64}, {@code hex}, {@code rot13} or
 *                 {@code tag_chars}; prefixed {@code random_part/} when only a canary's random part was found
 *                 (without "ARB-")
 * @param start    offset of the evidence in the output (UTF-16 units, inclusive)
 * @param end      offset of the evidence in the output (exclusive)
 * @param evidence the output's text from start to end: what a reviewer reads to confirm the hit
 */
public record CanaryMatch(String rung, int start, int end, String evidence) {
    public CanaryMatch {
        if (rung == null || rung.isBlank()) throw new IllegalArgumentException("rung is required");
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }
}
