package dev.arbiter.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CdsTrainingTest {
    @TempDir Path home;

    @Test
    void everyTrainingCommandSucceedsInAFreshHomeWithAStoreAndTheEvalCompletes() throws Exception {
        String before = System.getProperty("arbiter.home");
        String path = System.getProperty("org.sqlite.lib.path");
        String name = System.getProperty("org.sqlite.lib.name");
        System.setProperty("arbiter.home", home.toString());
        // An earlier test in this JVM may have pointed the driver at its own cache: start as a new process does.
        System.clearProperty("org.sqlite.lib.path");
        System.clearProperty("org.sqlite.lib.name");
        try {
            assertThat(CdsTraining.run()).as("commands that failed in training").isEmpty();
            assertThat(home.resolve("arbiter.db")).isRegularFile();
            // the training eval ran against the stand-in server and completed every sample
            try (dev.arbiter.eval.store.RunStore store = dev.arbiter.eval.store.RunStore.open(home.resolve("arbiter.db"))) {
                assertThat(store.runs("custom")).singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo("completed");
                    assertThat(r.done()).isEqualTo(32);
                    assertThat(r.score()).isEqualTo(1.0);
                });
            }
            try (var files = Files.walk(home.resolve("native"))) {
                assertThat(files.filter(Files::isRegularFile)).isNotEmpty();
            }
        } finally {
            restore("arbiter.home", before);
            restore("org.sqlite.lib.path", path);
            restore("org.sqlite.lib.name", name);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key); else System.setProperty(key, value);
    }
}
