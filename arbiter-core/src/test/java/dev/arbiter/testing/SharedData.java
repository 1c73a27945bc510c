package dev.arbiter.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the real benchmark data bundled with the repository ({@code datasets/} at the checkout's root, each folder
 * with its LICENSE and SOURCE.md). Only the repository is searched: a clone anywhere, with nothing beside it and no
 * network, finds what its tests need. Tests that need it fail loudly when it is missing rather than skipping.
 */
public final class SharedData {
    private SharedData() {}

    /** {@code <repository>/datasets/<relative>}, the repository found by walking up to the folder with {@code mvnw}. */
    public static Path path(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("datasets"))) {
                return dir.resolve("datasets").resolve(relative);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("the repository's datasets/ folder was not found above " + Path.of("").toAbsolutePath());
    }
}
