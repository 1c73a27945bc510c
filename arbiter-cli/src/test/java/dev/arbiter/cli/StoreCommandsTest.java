package dev.arbiter.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StoreCommandsTest {
    @TempDir Path dir;

    @Test
    void readingCommandsRefuseAMissingStoreWithExitThreeAndCreateNothing() {
        Path db = dir.resolve("none.db");
        for (String[] args : new String[][]{{"runs", "--store", db.toString()},
                {"rescore", "run-1", "--scorer", "exact", "--store", db.toString()},
                {"diff", "a", "b", "--store", db.toString()}}) {
            CliRun r = CliRun.of(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(ExitCode.UNAVAILABLE);
            assertThat(r.err()).contains("not found");
        }
        assertThat(Files.exists(db)).isFalse();
    }

    @Test
    void runsOnAFreshMachineListsZeroRunsAndExitsZero() {
        String before = System.getProperty("arbiter.home");
        System.setProperty("arbiter.home", dir.resolve("fresh-home").toString());
        try {
            CliRun text = CliRun.of("runs");
            assertThat(text.exit()).as(text.err()).isEqualTo(ExitCode.OK);
            assertThat(text.err()).contains("0 runs");
            CliRun json = CliRun.of("runs", "--format", "json");
            assertThat(json.json().get("runs").size()).isZero();
            assertThat(Files.exists(dir.resolve("fresh-home"))).isFalse();
        } finally {
            if (before == null) System.clearProperty("arbiter.home"); else System.setProperty("arbiter.home", before);
        }
    }
}
