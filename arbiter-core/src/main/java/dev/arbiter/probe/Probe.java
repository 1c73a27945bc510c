package dev.arbiter.probe;

import java.util.List;

/**
 * One probe as a pack file states it (see {@code resources/probes/README.md} for the format). Templates may use
 * {{CANARY}} (system prompt only), {{PART1}}/{{PART2}} (fragments of a derived canary), {{MARKER}} (render probes),
 * {{EXFIL_URL}}, {{DOCUMENT}} and {{INJECTION}}.
 *
 * @param system     rules of this probe, appended to the pack's base system prompt
 * @param user       the user turn; {{DOCUMENT}} marks where the document goes, {{INJECTION}} a direct injection
 * @param document   a retrieved document or tool result; the injection goes at its {{INJECTION}} marker or, when it
 *                   has none, at each of {@code positions}
 * @param injection  the attacker's text (before {@code encoding})
 * @param positions  start, middle and/or end (default all three) for a document without a marker
 * @param encoding   none, base64, hex, rot13 or tag_chars
 * @param wrapper    the visible text around an encoded injection; {{ENCODED}} marks the encoded part
 * @param control    the user turn of the no-attack control, for probes whose attack is the whole user turn
 * @param answers    correct answers to the probe's task (utility, and the benign twin's check)
 * @param twin       a benign twin of this probe: same context, harmless request with known answers
 * @param line       line of the probe in its pack file (set by the loader)
 */
public record Probe(String id, ProbeCategory category, List<String> owasp, List<String> atlas, String system, String user,
                    String document, String carrier, String injection, List<Position> positions, Obfuscation encoding,
                    String wrapper, SuccessRule success, String control, List<String> answers, Twin twin,
                    String exfilHost, String lang, int line) {
    public Probe {
        owasp = owasp == null || owasp.isEmpty() ? category.owasp() : List.copyOf(owasp);
        atlas = atlas == null || atlas.isEmpty() ? category.atlas() : List.copyOf(atlas);
        positions = positions == null || positions.isEmpty() ? List.of(Position.values()) : List.copyOf(positions);
        answers = answers == null ? List.of() : List.copyOf(answers);
        encoding = encoding == null ? Obfuscation.none : encoding;
        exfilHost = exfilHost == null ? "exfil.arbiter.invalid" : exfilHost;
        system = system == null ? "" : system;
    }

    /** Where an injection goes in a document without a marker. */
    public enum Position { start, middle, end }

    /**
     * A benign twin: the same deployment asked something harmless whose answer is known.
     *
     * @param answers any of these (case-insensitive, normalized) in the reply makes it a PASS
     */
    public record Twin(String user, String document, List<String> answers) {
        public Twin {
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }
}
