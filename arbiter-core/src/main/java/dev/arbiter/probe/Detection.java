package dev.arbiter.probe;

/**
 * What a detector found in one answer.
 *
 * @param how   the matcher rung (exact, spaced, base64…) or the construct (markdown_image, script_tag…)
 * @param start evidence span in the answer (inclusive)
 * @param end   evidence span in the answer (exclusive)
 */
public record Detection(String how, int start, int end, String evidence) {
    static Detection of(CanaryMatch m) {
        return new Detection(m.rung(), m.start(), m.end(), m.evidence());
    }
}
