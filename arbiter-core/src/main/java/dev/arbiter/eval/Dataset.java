package dev.arbiter.eval;

import java.util.List;

/**
 * Samples loaded from a file, with the provenance the run manifest records.
 *
 * @param path   where the data came from (file, directory or URL)
 * @param sha256  hex digest of the file's bytes (of the concatenated files for a directory), for reproducibility
 * @param skipped rows of the file left out as invalid; null when none were
 */
public record Dataset(String name, String path, String sha256, List<Sample> samples, SkippedRows skipped) {
    public Dataset {
        samples = List.copyOf(samples);
    }

    /** A dataset of which every row became a sample. */
    public Dataset(String name, String path, String sha256, List<Sample> samples) {
        this(name, path, sha256, samples, null);
    }
}
