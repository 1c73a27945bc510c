package dev.arbiter.eval.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteNativeTest {
    @TempDir Path dir;
    private String path;
    private String name;

    @BeforeEach
    void keepProperties() {
        path = System.getProperty("org.sqlite.lib.path");
        name = System.getProperty("org.sqlite.lib.name");
        System.clearProperty("org.sqlite.lib.path");
        System.clearProperty("org.sqlite.lib.name");
    }

    @AfterEach
    void restoreProperties() {
        restore("org.sqlite.lib.path", path);
        restore("org.sqlite.lib.name", name);
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key); else System.setProperty(key, value);
    }

    @Test
    void theLibraryIsCopiedOnceWithTheDriversBytesAndTheDriverIsPointedAtIt() throws Exception {
        Path lib = SqliteNative.useCacheIn(dir);
        assertThat(lib).isNotNull().isRegularFile().startsWith(dir);
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = SqliteNative.class.getResourceAsStream(resource)) {
            assertThat(Files.readAllBytes(lib)).isEqualTo(in.readAllBytes());
        }
        assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(lib.getParent().toString());
        assertThat(System.getProperty("org.sqlite.lib.name")).isEqualTo(lib.getFileName().toString());
        try (var files = Files.list(lib.getParent())) {
            assertThat(files).containsExactly(lib);  // no temporary file left beside it
        }

        // The next start finds it: not copied again.
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(lib, old);
        System.clearProperty("org.sqlite.lib.path");
        System.clearProperty("org.sqlite.lib.name");
        assertThat(SqliteNative.useCacheIn(dir)).isEqualTo(lib);
        assertThat(Files.getLastModifiedTime(lib)).isEqualTo(old);

        // and a store opens (whichever copy this test JVM loaded first, the driver works).
        try (RunStore s = RunStore.open(dir.resolve("a.db"))) {
            assertThat(s.runs()).isEmpty();
        }
    }

    @Test
    void thePlatformIsProbedOnceAndRecordedBesideTheLibrary() throws Exception {
        Path lib = SqliteNative.useCacheIn(dir);
        Path versionDir = lib.getParent().getParent().getParent();  // sqlite-jdbc-VERSION/OS/ARCH/NAME
        Path platform;
        try (var files = Files.list(versionDir)) {
            platform = files.filter(f -> f.getFileName().toString().startsWith("platform-")).findFirst().orElseThrow();
        }
        assertThat(Files.readString(platform).strip())
                .isEqualTo(LibraryLoaderUtil.getNativeLibResourcePath().replaceFirst("^/org/sqlite/native/", ""));

        // The record is what the next start believes (no probe): pointed elsewhere, it finds the library there.
        Path other = Files.createDirectories(versionDir.resolve("Recorded/arch"));
        Files.writeString(other.resolve(lib.getFileName()), "x");
        Files.writeString(platform, "Recorded/arch\n");
        System.clearProperty("org.sqlite.lib.path");
        System.clearProperty("org.sqlite.lib.name");
        assertThat(SqliteNative.useCacheIn(dir)).isEqualTo(other.resolve(lib.getFileName()));

        // A record that is not a plain relative folder is ignored, probed again and rewritten.
        Files.writeString(platform, "../../etc\n");
        System.clearProperty("org.sqlite.lib.path");
        System.clearProperty("org.sqlite.lib.name");
        assertThat(SqliteNative.useCacheIn(dir)).isEqualTo(lib);
        assertThat(Files.readString(platform)).doesNotContain("..");
    }

    @Test
    void aPathTheUserSetIsLeftAlone() {
        System.setProperty("org.sqlite.lib.path", "/opt/mine");
        assertThat(SqliteNative.useCacheIn(dir)).isNull();
        assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo("/opt/mine");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anUnwritableCacheLeavesTheDriversDefault() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThat(SqliteNative.useCacheIn(file)).isNull();
        assertThat(System.getProperty("org.sqlite.lib.path")).isNull();
    }
}
