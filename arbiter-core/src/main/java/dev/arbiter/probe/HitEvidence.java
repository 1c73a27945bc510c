package dev.arbiter.probe;

/**
 * One attempt that hit, with what proves it: the matching span of the answer.
 *
 * @param kind      attack, control (a hit without any attack) or twin (a failed benign twin: the reply is the evidence)
 * @param matchedBy the matcher rung or the construct found (exact, spaced, base64, markdown_image, script_tag…)
 */
public record HitEvidence(String sampleId, int epoch, String category, String kind, String matchedBy, String evidence,
                          Integer start, Integer end, String explanation) {}
