package dev.arbiter.eval.store;

import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where sqlite-jdbc loads its native library from. Left alone, the driver copies the 1 MB library out of the jar
 * into a new uniquely named file under {@code java.io.tmpdir} at every start (and leaves it behind when the process
 * is killed): that copy and the directory scan that cleans up after it were most of the time {@code fit} and
 * {@code recommend} spend opening the store (docs/performance.md). Instead the library is copied once per
 * sqlite-jdbc version into a cache directory and the driver is pointed at it through its own
 * {@code org.sqlite.lib.path} / {@code org.sqlite.lib.name} properties. A path the user set is left alone, and any
 * failure here leaves the driver's default behaviour.
 */
public final class SqliteNative {
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";

    private SqliteNative() {}

    /**
     * Points the driver at {@code cacheDir/sqlite-jdbc-VERSION/PLATFORM/NAME}, copying the library there first when it
     * is not there yet. Call before the first SQLite connection of the process; later calls change nothing.
     *
     * @return the library file used, or null when the driver keeps its own way (user's choice, unknown version or
     *         platform, an unwritable directory)
     */
    public static synchronized Path useCacheIn(Path cacheDir) {
        if (System.getProperty(PATH) != null || System.getProperty(NAME) != null) return null;
        try {
            String version = SQLiteJDBCLoader.getVersion();
            if (version == null || version.isBlank() || "unknown".equals(version)) return null;
            Path versionDir = cacheDir.resolve("sqlite-jdbc-" + version);
            // The driver's platform probe (is this Android? musl?) starts a process and lists /proc/self/map_files: a
            // quarter of opening the store. Its answer is kept beside the library, per os.name and os.arch.
            Path platformFile = versionDir.resolve("platform-" + (System.getProperty("os.name") + "-"
                    + System.getProperty("os.arch")).replaceAll("[^A-Za-z0-9._-]", "_"));
            String folder = readPlatform(platformFile);  // e.g. Linux/x86_64
            boolean probed = folder == null;
            if (probed) folder = LibraryLoaderUtil.getNativeLibResourcePath().replaceFirst("^/org/sqlite/native/", "");
            String name = LibraryLoaderUtil.getNativeLibName();
            Path dir = versionDir.resolve(folder);
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                try (InputStream in = SqliteNative.class.getResourceAsStream("/org/sqlite/native/" + folder + "/" + name)) {
                    if (in == null) return null;  // no bundled library for this platform: the driver decides
                    Files.createDirectories(dir);
                    // Written beside and moved into place: a concurrent start never loads half a file.
                    Path tmp = Files.createTempFile(dir, name, ".tmp");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            if (probed) writePlatform(platformFile, folder);
            System.setProperty(PATH, dir.toString());
            System.setProperty(NAME, name);
            return lib;
        } catch (IOException | RuntimeException e) {
            return null;  // the driver extracts to the temporary directory as it always did
        }
    }

    /** The platform folder recorded by an earlier start, or null when there is none (or it is not one we wrote). */
    private static String readPlatform(Path file) {
        try {
            String folder = Files.readString(file).strip();
            return folder.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") && !folder.contains("..") ? folder : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void writePlatform(Path file, String folder) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "platform", ".tmp");
        Files.writeString(tmp, folder + "\n");
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
