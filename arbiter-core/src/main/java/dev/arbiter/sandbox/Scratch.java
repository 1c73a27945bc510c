package dev.arbiter.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Per-run working directories for process-only isolation (namespaced runs use a tmpfs that dies with them). */
final class Scratch {
    private Scratch() {}

    static Path create(Path root) throws IOException {
        Files.createDirectories(root);
        return Files.createTempDirectory(root, "arbiter-sandbox-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }

    /**
     * Deletes the tree; a program may have removed its own permissions, so directories are made writable again
     * before a second attempt. Returns false if something is left.
     */
    static boolean delete(Path dir) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return true;
                if (attempt == 1) makeWritable(dir);
                List<Path> all;
                try (Stream<Path> s = Files.walk(dir)) {
                    all = s.sorted(Comparator.reverseOrder()).toList();
                }
                for (Path p : all) Files.deleteIfExists(p);
                return true;
            } catch (IOException | java.io.UncheckedIOException e) {
                // retry once after fixing permissions
            }
        }
        return !Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }

    /** Never follows a link: a program could plant one to, say, /etc and have us chmod it. */
    static void makeWritable(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(p -> Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)).toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
