package dev.arbiter.util;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A whole file's bytes, read in 64 KiB pieces straight into one array of the file's size.
 *
 * <p>Why not {@link Files#readAllBytes}: its channel read goes through a temporary direct buffer as large as the
 * file, allocated and first touched at each call, and copied from; on this project's machine, where a first touch of
 * memory costs ~3 ms per MB (docs/performance.md), that made reading a 3 MB dataset 27-38 ms against 12-17 ms here
 * (fresh JVMs, the launcher's flags). A piece of 64 KiB stays under the C library's threshold for a fresh mapping,
 * so the native buffer behind each read is the same memory every time.
 */
public final class FileBytes {
    private static final int PIECE = 64 * 1024;

    private FileBytes() {}

    /** The bytes of {@code file}; a file that grows or shrinks while read gives what was read. */
    public static byte[] read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) throw new IOException(file + ": " + size + " bytes, too large to read whole");
        byte[] bytes = new byte[(int) size];
        int off = 0;
        try (InputStream in = new FileInputStream(file.toFile())) {
            while (true) {
                if (off == bytes.length) {
                    int next = in.read();
                    if (next < 0) return bytes;
                    // grew since its size was read: keep going with more room
                    bytes = Arrays.copyOf(bytes, (int) Math.max(PIECE, Math.min(Integer.MAX_VALUE - 16, 2L * bytes.length)));
                    bytes[off++] = (byte) next;
                }
                int n = in.read(bytes, off, Math.min(PIECE, bytes.length - off));
                if (n < 0) return Arrays.copyOf(bytes, off);  // shrank
                off += n;
            }
        }
    }
}
