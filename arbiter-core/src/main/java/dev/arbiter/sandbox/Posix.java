package dev.arbiter.sandbox;

import dev.arbiter.error.UnavailableException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about our own process that Java does not expose; Linux only, like the sandbox. */
final class Posix {
    private Posix() {}

    /** Effective uid from /proc/self/status ("Uid: real effective saved fs"). */
    static int effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) return Integer.parseInt(line.substring(4).trim().split("\\s+")[1]);
            }
        } catch (IOException | RuntimeException e) {
            throw new UnavailableException("sandbox: cannot read /proc/self/status (the sandbox needs Linux)", e);
        }
        throw new UnavailableException("sandbox: no Uid line in /proc/self/status");
    }
}
