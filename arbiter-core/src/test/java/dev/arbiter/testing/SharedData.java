package dev.arbiter.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the workplace's real benchmark data ({@code shared/datasets}, beside the repository clone). Tests that need
 * it fail loudly when it is missing rather than skipping: CI always has it.
 */
public final class SharedData {
    private SharedData() {}

    /** {@code shared/datasets/<relative>}, found by walking up from the working directory. */
    public static Path path(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("datasets");
            if (Files.isDirectory(candidate)) return candidate.resolve(relative);
            dir = dir.getParent();
        }
        String env = System.getenv("ARBITER_SHARED_DATASETS");
        if (env != null) return Path.of(env).resolve(relative);
        throw new IllegalStateException("shared/datasets not found above " + Path.of("").toAbsolutePath()
                + " (set ARBITER_SHARED_DATASETS)");
    }
}
