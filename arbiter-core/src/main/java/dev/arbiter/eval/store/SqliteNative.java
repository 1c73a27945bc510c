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
            String folder = LibraryLoaderUtil.getNativeLibResourcePath();  // e.g. /org/sqlite/native/Linux/x86_64
            String name = LibraryLoaderUtil.getNativeLibName();
            if (version == null || version.isBlank() || "unknown".equals(version)) return null;
            Path dir = cacheDir.resolve("sqlite-jdbc-" + version).resolve(folder.replaceFirst("^/org/sqlite/native/", ""));
            Path lib = dir.resolve(name);
            if (!Files.isRegularFile(lib)) {
                try (InputStream in = SqliteNative.class.getResourceAsStream(folder + "/" + name)) {
                    if (in == null) return null;  // no bundled library for this platform: the driver decides
                    Files.createDirectories(dir);
                    // Written beside and moved into place: a concurrent start never loads half a file.
                    Path tmp = Files.createTempFile(dir, name, ".tmp");
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            System.setProperty(PATH, dir.toString());
            System.setProperty(NAME, name);
            return lib;
        } catch (IOException | RuntimeException e) {
            return null;  // the driver extracts to the temporary directory as it always did
        }
    }
}
