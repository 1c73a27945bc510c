package dev.arbiter.eval.task.mmlu;

import dev.arbiter.error.UnavailableException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Extracts an uncompressed tar without trusting its entry names. Every entry is checked before anything is written:
 * an absolute name, a {@code ..} segment, a backslash or NUL, a symbolic or hard link, or a device/FIFO rejects the
 * whole archive. Only regular files whose (normalised) name {@code wanted} accepts are written, beneath {@code into};
 * the rest are read past. Directories are created as needed, never from the archive's own directory entries.
 */
final class SafeTarExtractor {
    private SafeTarExtractor() {}

    /** @return regular files written; {@code maxBytes} bounds the bytes written (a declared size past it rejects the archive) */
    static int extract(Path tar, Path into, Predicate<String> wanted, long maxBytes) {
        Path root = into.toAbsolutePath().normalize();
        int files = 0;
        long written = 0;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(tar));
             TarArchiveInputStream in = new TarArchiveInputStream(raw)) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                String name = safeName(tar, e.getName());
                if (e.isSymbolicLink() || e.isLink()) throw reject(tar, e.getName(), "is a link (to '" + e.getLinkName() + "')");
                if (e.isDirectory()) continue;
                if (!e.isFile() || e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
                    throw reject(tar, e.getName(), "is not a regular file");
                }
                if (!wanted.test(name)) continue;
                if (e.getSize() < 0 || written + e.getSize() > maxBytes) {
                    throw reject(tar, e.getName(), "would take the extracted size past " + maxBytes + " bytes");
                }
                Path target = root.resolve(name).normalize();
                if (!target.startsWith(root) || target.equals(root)) throw reject(tar, e.getName(), "resolves outside " + root);
                Files.createDirectories(target.getParent());
                // no REPLACE_EXISTING: a name repeated in the archive never overwrites (or follows) what is already there
                written += Files.copy(in, target);
                files++;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new UnavailableException("cannot extract " + tar + ": " + e.getMessage(), e);
        }
        return files;
    }

    /** The entry name without leading {@code ./} segments, or a rejection naming why it is unsafe. */
    static String safeName(Path tar, String name) {
        if (name == null || name.isEmpty()) throw reject(tar, String.valueOf(name), "has an empty name");
        if (name.indexOf('\0') >= 0) throw reject(tar, name, "contains a NUL character");
        if (name.indexOf('\\') >= 0) throw reject(tar, name, "contains a backslash");
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) throw reject(tar, name, "is an absolute path");
        String n = name;
        while (n.startsWith("./")) n = n.substring(2);
        for (String segment : n.split("/")) {
            if (segment.equals("..")) throw reject(tar, name, "contains a '..' segment");
        }
        return n;
    }

    private static UnavailableException reject(Path tar, String entry, String why) {
        return new UnavailableException("unsafe archive " + tar + ": entry '" + entry + "' " + why + "; nothing was extracted");
    }
}
