package dev.arbiter.eval.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunFilesTest {
    @TempDir Path dir;

    static SampleRecord answered(String id) {
        return new SampleRecord(id, 0, SampleRecord.SCORED, null, List.of("4"), null, null, null, "4", null, "stop",
                "m", "exact", "4", 1.0, null, null, 3, 3, 10, 1, 1, 1, 0, null, Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void openingTheLogDropsAHalfWrittenLineAndKeepsTheStoredAnswers() throws Exception {
        Files.writeString(dir.resolve(RunFiles.LOG), "{\"sample_id\":\"q1\"}\n{\"sample_id\":\"q2\",\"sco",
                StandardCharsets.UTF_8);
        try (RunFiles files = new RunFiles(dir)) {
            files.openLog(List.of(answered("q1")));
            files.append(answered("q2"));
        }
        List<String> lines = Files.readAllLines(dir.resolve(RunFiles.LOG));
        assertThat(lines).hasSize(2).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
        assertThat(lines.get(1)).contains("\"sample_id\":\"q2\"");
    }

    @Test
    void aSecondOpeningNeverTruncatesTheFileAnEarlierWriterStillAppendsTo() throws Exception {
        try (RunFiles first = new RunFiles(dir); RunFiles second = new RunFiles(dir)) {
            first.openLog(List.of());
            for (int i = 0; i < 5; i++) first.append(answered("a" + i));
            second.openLog(List.of(answered("a0"), answered("a1")));
            for (int i = 5; i < 9; i++) first.append(answered("a" + i)); // the stale writer goes on
            second.append(answered("b0"));
        }
        List<String> lines = Files.readAllLines(dir.resolve(RunFiles.LOG));
        assertThat(lines).hasSize(3).allMatch(l -> l.startsWith("{\"") && l.endsWith("}"));
        assertThat(lines.get(2)).contains("\"sample_id\":\"b0\"");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly(RunFiles.LOG);
    }
}
