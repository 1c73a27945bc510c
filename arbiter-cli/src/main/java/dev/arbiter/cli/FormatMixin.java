package dev.arbiter.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json} (and {@code --json}) shared by every command; compare has its own with more formats. */
public final class FormatMixin {
    public enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES} (default: text).")
    Format format = Format.text;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    public Format format() { return json ? Format.json : format; }

    public boolean isJson() { return format() == Format.json; }
}
