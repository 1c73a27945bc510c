package dev.arbiter.probe;

/** The template markers of probe packs. */
final class Placeholders {
    static final String CANARY = "{{CANARY}}";
    static final String PART1 = "{{PART1}}";
    static final String PART2 = "{{PART2}}";
    static final String MARKER = "{{MARKER}}";
    static final String EXFIL_URL = "{{EXFIL_URL}}";
    static final String DOCUMENT = "{{DOCUMENT}}";
    static final String INJECTION = "{{INJECTION}}";
    static final String ENCODED = "{{ENCODED}}";

    private Placeholders() {}
}
