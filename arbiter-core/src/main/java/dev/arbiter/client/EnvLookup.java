package dev.arbiter.client;

/**
 * Reads an environment variable. Injected into clients so tests can supply a secret without touching the real
 * environment, and so that API keys are read in exactly one place.
 */
@FunctionalInterface
public interface EnvLookup {
    /** The variable's value, or null when unset. */
    String get(String name);

    static EnvLookup system() {
        return System::getenv;
    }
}
