package dev.arbiter.eval.task.mmlu;

import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.task.DatasetCache;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Hendrycks MMLU {@code data.tar}, downloaded once into the dataset cache and extracted beside it as
 * {@code hendrycks-<first 16 hex of its sha256>/data/{dev,val,test}/<subject>_<split>.csv}, the layout
 * {@link MmluLoader} reads. The archive's {@code auxiliary_train/} (most of its 166 MB) and anything else are skipped.
 * Extraction goes to a temporary directory renamed into place only when complete, so an interrupted or rejected
 * extraction never leaves a partial copy under the final name.
 *
 * @param dataDir the extracted {@code data/} directory
 * @param sha256  the archive's digest (the pinned one, or of the bytes downloaded when the source pins none)
 */
public record HendrycksArchive(Path dataDir, String sha256) {
    /** The three splits' CSVs; subject names are lower-case words joined by underscores. */
    private static final Pattern WANTED = Pattern.compile("data/(dev|val|test)/[A-Za-z0-9_]+_(dev|val|test)\\.csv");
    /** The real dev+val+test CSVs total about 8 MB; this bounds what a wrong archive can write. */
    static final long MAX_EXTRACTED_BYTES = 256L << 20;

    public HendrycksArchive {
        if (dataDir == null) throw new IllegalArgumentException("dataDir is required");
        if (sha256 == null || sha256.length() != 64) throw new IllegalArgumentException("sha256 must be 64 hex digits, got " + sha256);
    }

    /** The extracted archive, downloading and extracting it first when the cache has no complete copy. */
    public static HendrycksArchive fetch(DatasetCache cache, DatasetCache.Source source) {
        Path tar = cache.fetch(source);
        String sha = source.sha256() != null ? source.sha256() : DatasetCache.sha256(tar);
        Path dir = tar.getParent().resolve("hendrycks-" + sha.substring(0, 16));
        if (Files.isDirectory(dir.resolve("data"))) return new HendrycksArchive(dir.resolve("data"), sha);
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory(tar.getParent(), ".hendrycks-part-");
            int files = SafeTarExtractor.extract(tar, tmp, name -> WANTED.matcher(name).matches(), MAX_EXTRACTED_BYTES);
            if (files == 0 || !Files.isDirectory(tmp.resolve("data/test"))) {
                throw new UnavailableException(tar + " (from " + source.url() + ") holds no data/test/<subject>_test.csv files; "
                        + "it is not the Hendrycks MMLU archive");
            }
            try {
                Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
                tmp = null;
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
                // another run finished the same extraction first; its copy is complete (it was renamed into place whole)
            }
            return new HendrycksArchive(dir.resolve("data"), sha);
        } catch (UnavailableException e) {
            deleteQuietly(tar);
            throw new UnavailableException(e.getMessage() + " (the cached download " + tar.getFileName()
                    + " was removed; pass --data with a local copy of the Hendrycks data/ directory instead)", e);
        } catch (IOException e) {
            throw new UnavailableException("cannot extract " + tar + " into " + tar.getParent() + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) deleteTree(tmp);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(HendrycksArchive::deleteQuietly);
        } catch (IOException ignored) {
            // a leftover temporary directory is never read: only the renamed hendrycks-<sha> directory is
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // see deleteTree
        }
    }
}
