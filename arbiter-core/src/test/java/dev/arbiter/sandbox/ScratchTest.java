package dev.arbiter.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/** A program owns its working directory while it runs; what it leaves there must not steer our clean-up. */
class ScratchTest {
    @TempDir Path dir;

    @Test
    void restoringPermissionsDoesNotFollowALinkOutOfTheWorkingDirectory() throws IOException {
        Path outside = Files.createDirectory(dir.resolve("outside"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path work = Scratch.create(dir.resolve("scratch"));
        Files.createSymbolicLink(work.resolve("link"), outside);

        Scratch.makeWritable(work);

        assertThat(Files.getPosixFilePermissions(outside)).isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void deletingRemovesALinkButNotWhatItPointsTo() throws IOException {
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Files.writeString(outside.resolve("keep"), "x");
        Path work = Scratch.create(dir.resolve("scratch"));
        Files.createSymbolicLink(work.resolve("link"), outside);

        assertThat(Scratch.delete(work)).isTrue();

        assertThat(work).doesNotExist();
        assertThat(outside.resolve("keep")).exists();
    }
}
