package dev.arbiter.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileBytesTest {
    @TempDir Path dir;

    @Test
    void readsEveryByteOfFilesOfEverySizeAroundThePieces() throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        int piece = 64 * 1024;
        for (int size : new int[] {0, 1, 100, piece - 1, piece, piece + 1, 3 * piece + 17, 1_000_003}) {
            byte[] data = new byte[size];
            rnd.nextBytes(data);
            Path f = dir.resolve("f" + size);
            Files.write(f, data);
            assertThat(FileBytes.read(f)).as("%d bytes", size).isEqualTo(data).isEqualTo(Files.readAllBytes(f));
        }
    }

    @Test
    void aMissingFileIsTheSameErrorAsTheJdksRead() {
        assertThatThrownBy(() -> FileBytes.read(dir.resolve("absent"))).isInstanceOf(NoSuchFileException.class);
    }
}
