package dev.arbiter.client;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * An image in a chat turn. Records and logs keep only its media type and sha256 (the bytes are stored once per run,
 * by hash, beside the run's log); {@code data} is what is sent, and is null in a record read back from storage.
 *
 * @param mediaType {@code image/png}, {@code image/jpeg}, {@code image/webp} or {@code image/gif}
 * @param sha256    lower-case hex digest of {@code data}
 * @param data      the encoded image file, or null when only the reference is known
 */
public record ImagePart(String mediaType, String sha256, @JsonIgnore byte[] data) {
    private static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/webp", "image/gif");

    public ImagePart {
        if (mediaType == null || !TYPES.contains(mediaType)) {
            throw new IllegalArgumentException("image media type must be one of " + TYPES + ", got " + mediaType);
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("image sha256 must be 64 hex digits, got " + sha256);
        if (data != null && data.length == 0) throw new IllegalArgumentException("image data is empty");
    }

    /** An image with its digest computed from {@code data}. */
    public static ImagePart of(String mediaType, byte[] data) {
        if (data == null || data.length == 0) throw new IllegalArgumentException("image data is empty");
        return new ImagePart(mediaType, sha256(data), data);
    }

    /** The image's bytes in base64 (no line breaks), as both OpenAI data URLs and Ollama's {@code images} carry them. */
    public String base64() {
        if (data == null) throw new IllegalStateException("image " + sha256 + " has no bytes (read back from a record?)");
        return Base64.getEncoder().encodeToString(data);
    }

    /** {@code data:image/png;base64,…}: the OpenAI-compatible {@code image_url} form. */
    public String dataUrl() {
        return "data:" + mediaType + ";base64," + base64();
    }

    /** File extension for storing the image by hash. */
    public String extension() {
        return mediaType.substring("image/".length()).replace("jpeg", "jpg");
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    // Records compare arrays by identity; two parts are the same image when their digests match.
    @Override
    public boolean equals(Object o) {
        return o instanceof ImagePart p && p.mediaType.equals(mediaType) && p.sha256.equals(sha256);
    }

    @Override
    public int hashCode() { return sha256.hashCode(); }

    @Override
    public String toString() { return "ImagePart[" + mediaType + ", " + sha256 + "]"; }
}
