package dev.arbiter.cli;

import java.nio.file.Path;

/** Arbiter's per-user directory: the arbiter.home system property (tests), $ARBITER_HOME, else ~/.arbiter. */
public final class Home {
    private Home() {}

    public static Path dir() {
        String prop = System.getProperty("arbiter.home");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("ARBITER_HOME");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".arbiter");
    }
}
