package dev.arbiter.eval.dataset;

import dev.arbiter.error.InvalidInputException;

import java.nio.file.Path;
import java.util.Locale;

/** File formats of a custom dataset, chosen by extension unless given. */
public enum DataFormat {
    JSONL, CSV, TSV;

    public static DataFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) return JSONL;
        if (name.endsWith(".csv")) return CSV;
        if (name.endsWith(".tsv")) return TSV;
        throw new InvalidInputException(file + ": cannot tell the format from the extension (expected .jsonl, .ndjson, .csv or .tsv)");
    }
}
