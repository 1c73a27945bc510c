package dev.arbiter.cli;

import picocli.CommandLine.Option;

/** {@code --format text|markdown|csv|json|html} (and {@code --json}): the renderings compare offers. */
public final class CompareFormat {
    public enum Format { text, markdown, csv, json, html }

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
    Format format = Format.text;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    public Format format() { return json ? Format.json : format; }
}
