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
                "m", "exact", "4", 1.0, null, null, 3, 3, 10, 1, 1, 1, 0, null, Instant.parse("2026-01-01T00:00:00Z"), null, null, null);
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

    @Test
    void linesAppendedAtOnceByManyWorkersAreAllWrittenWholeBeforeTheLastWorkerReturns() throws Exception {
        int workers = 8, each = 1000;
        try (RunFiles files = new RunFiles(dir)) {
            files.openLog(List.of());
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Thread> threads = new java.util.ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                Thread t = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < each; i++) files.append("{\"w\":" + worker + ",\"i\":" + i + "}");
                });
                threads.add(t);
                t.start();
            }
            go.countDown();
            for (Thread t : threads) t.join();
            // read before close: each append has written its line by the time it returns
            List<String> lines = Files.readAllLines(dir.resolve(RunFiles.LOG));
            assertThat(lines).hasSize(workers * each).doesNotHaveDuplicates()
                    .allMatch(l -> l.matches("\\{\"w\":\\d,\"i\":\\d+}"));
            for (int w = 0; w < workers; w++) {
                String prefix = "{\"w\":" + w + ",";
                // one worker's lines keep its order
                assertThat(lines.stream().filter(l -> l.startsWith(prefix)).toList())
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, each).mapToObj(i -> prefix + "\"i\":" + i + "}").toList());
            }
        }
    }
}
