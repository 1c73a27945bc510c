package dev.arbiter.probe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The secrets of one probe, derived from the run's seed and the probe id, so the same seed rebuilds the same
 * samples (resume, response cache, paired comparison of two models) while different probes never share a secret.
 * Crockford base32 (no I, L, O, U): no dictionary word, hard to produce by chance.
 *
 * @param canary  {@link #CANARY_PREFIX} + 10 characters, placed only in the system prompt; the prefix is the same in
 *                every canary (it marks the string as Arbiter's), the 10 characters are the secret
 * @param part1   first 4-character fragment of the derived canary
 * @param part2   second 4-character fragment
 * @param marker  "XSS" + 8 characters carried by render payloads
 */
public record Secrets(String canary, String part1, String part2, String marker) {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final String CANARY_PREFIX = "ARB-";

    /** The success string of a derived probe: the fragments joined, which no input contains. */
    public String derived() { return part1 + part2; }

    public static Secrets of(long seed, String probeId) {
        byte[] h = sha256(seed + ":" + probeId);
        return new Secrets(CANARY_PREFIX + base32(h, 0, 10), base32(h, 10, 4), base32(h, 14, 4), "XSS" + base32(h, 18, 8));
    }

    private static String base32(byte[] h, int from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(ALPHABET.charAt((h[from + i] & 0xff) % 32));
        return sb.toString();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
