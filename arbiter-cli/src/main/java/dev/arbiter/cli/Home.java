package dev.arbiter.cli;

import java.nio.file.Path;

/** Arbiter's per-user directory: $ARBITER_HOME, else ~/.arbiter. */
public final class Home {
    private Home() {}

    public static Path dir() {
        String env = System.getenv("ARBITER_HOME");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".arbiter");
    }
}
