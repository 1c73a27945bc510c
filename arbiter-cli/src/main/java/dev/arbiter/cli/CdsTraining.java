package dev.arbiter.cli;

import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.SqliteNative;

/**
 * The class-data archive's training run (the {@code arbiter} launcher runs it once per jar with
 * {@code -XX:ArchiveClassesAtExit}): the offline commands one after another in one JVM, then a short eval against a
 * stand-in server on 127.0.0.1 ({@link CdsTrainingServer}), so the archive holds the classes of each, and of the run
 * store and the model client, not only those of one command. Run in a throw-away
 * {@code ARBITER_HOME} the launcher makes; the commands' output is not read. A command that fails only leaves its
 * classes out of the archive, which is never required; {@code CdsTrainingTest} holds that none fails.
 */
public final class CdsTraining {
    private CdsTraining() {}

    public static void main(String[] args) {
        run();
    }

    /** Runs the training commands; returns those that did not exit 0 (their classes may be missing from the archive). */
    static java.util.List<String> run() {
        // The launcher's main class, which this run never calls (it exits): archived, it is not read from the jar.
        Main.class.getName();
        // A store in the throw-away home, so fit and recommend load what they load for a user who has run an eval.
        SqliteNative.useCacheIn(Home.dir().resolve("native"));
        try (RunStore ignored = RunStore.open(Home.dir().resolve("arbiter.db"))) {
            // created and closed
        }
        String[][] commands = {
                {"models"},
                {"show", "qwen2.5-7b"},
                {"fit", "qwen2.5-7b", "--hardware", "rtx-4090"},
                {"recommend", "--use-case", "code", "--hardware", "rtx-4090"},
                {"models", "--format", "json"},
        };
        java.util.List<String> failed = new java.util.ArrayList<>();
        for (String[] c : commands) {
            if (Arbiter.execute(c) != 0) failed.add(String.join(" ", c));
        }
        // An eval against a stand-in server on 127.0.0.1: the client, SSE, chunk reading, scoring and store classes,
        // about a third of a short eval's CPU when they are loaded and verified from the jar.
        try (CdsTrainingServer server = new CdsTrainingServer()) {
            java.nio.file.Path data = Home.dir().resolve("cds-training.jsonl");
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < 32; i++) {
                rows.append("{\"id\":\"t").append(i).append("\",\"question\":\"Which letter, ").append(i)
                        .append("?\",\"answer\":\"The answer is A\"}\n");
            }
            java.nio.file.Files.writeString(data, rows);
            String[] eval = {"eval", "--endpoint", server.url().toString(), "--model", CdsTrainingServer.MODEL,
                    "--task", "custom", "--data", data.toString(), "--field", "input=question", "--field", "target=answer",
                    "--scorer", "exact", "--concurrency", "4", "--no-cache", "--quiet", "--format", "json"};
            if (Arbiter.execute(eval) != 0) failed.add(String.join(" ", eval));
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            // No loopback or no jdk.httpserver in this runtime: the archive goes without the eval classes.
            failed.add("eval (" + e + ")");
        }
        return failed;
    }
}
