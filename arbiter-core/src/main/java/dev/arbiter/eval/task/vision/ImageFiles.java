package dev.arbiter.eval.task.vision;

import dev.arbiter.client.ImagePart;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the images a benchmark's annotations point at, once per file (DocVQA asks several questions about one page),
 * refusing paths that leave the dataset's folder and naming the annotation that pointed at a missing file.
 */
final class ImageFiles {
    private final Path root;
    private final Map<Path, ImagePart> read = new HashMap<>();

    ImageFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** @param where the annotation file, entry and field, for the error message */
    ImagePart load(String relative, String where) {
        if (relative == null || relative.isBlank()) throw new InvalidInputException(where + ": the image path is missing");
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root)) throw new InvalidInputException(where + ": image path '" + relative + "' leaves " + root);
        ImagePart cached = read.get(file);
        if (cached != null) return cached;
        if (!Files.isRegularFile(file)) throw new InvalidInputException(where + ": image " + file + " does not exist");
        try {
            ImagePart part = ImagePart.of(mediaType(file, where), Files.readAllBytes(file));
            read.put(file, part);
            return part;
        } catch (IOException e) {
            throw new UnavailableException(where + ": cannot read image " + file + ": " + e.getMessage(), e);
        }
    }

    static String mediaType(Path file, String where) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) return "image/png";
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) return "image/jpeg";
        if (name.endsWith(".webp")) return "image/webp";
        throw new InvalidInputException(where + ": image " + file + " is not PNG, JPEG or WebP");
    }
}
