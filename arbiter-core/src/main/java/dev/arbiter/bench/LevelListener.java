package dev.arbiter.bench;

/** Told as each level of a run starts and ends (the CLI prints progress to stderr). */
public interface LevelListener {
    LevelListener NONE = new LevelListener() {};

    default void levelStarted(LoadLevel level, int index, int of) {}

    default void levelEnded(LevelResult result, java.util.List<RequestRecord> records) {}
}
