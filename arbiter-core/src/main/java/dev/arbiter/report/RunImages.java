package dev.arbiter.report;

import dev.arbiter.client.ImagePart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The images a run stored beside its log ({@code images/<sha256>.<ext>}), as {@code data:} URLs to inline in a
 * self-contained page. A file whose bytes no longer match its name is not shown: the page must show what the model
 * was sent or nothing. The media type comes from the validated {@link ImagePart}, never from the file.
 */
public final class RunImages {
    /** Largest image inlined, in bytes; bigger ones are named but not embedded, to keep the page openable. */
    static final long MAX_BYTES = 4L << 20;
    private final Path dir;

    public RunImages(Path dir) {
        this.dir = dir;
    }

    public Optional<String> dataUrl(ImagePart ref) {
        if (dir == null) return Optional.empty();
        Path file = dir.resolve(ref.sha256() + "." + ref.extension());
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) return Optional.empty();
            byte[] bytes = Files.readAllBytes(file);
            if (!HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).equals(ref.sha256())) return Optional.empty();
            return Optional.of("data:" + ref.mediaType() + ";base64," + Base64.getEncoder().encodeToString(bytes));
        } catch (IOException e) {
            return Optional.empty();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
