package dev.arbiter.eval.task.vision;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.testing.Persona;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * An image guard measured as a filter over HTTP: a scripted ShieldGemma-2-like server flags 3 of 4 images the test
 * labels unsafe (harmless placeholders; the labels are what counts) and 1 of 6 benign synthetic images, so detection
 * is 0.75 and the false-positive rate 1/6.
 */
class ImageGuardOverHttpTest {
    @TempDir Path dir;

    @Test
    void detectionAndFalsePositiveRatesEqualTheScriptedTruth() throws IOException {
        Files.createDirectories(dir.resolve("data/unsafe"));
        for (int i = 0; i < 4; i++) Files.write(dir.resolve("data/unsafe/u" + i + ".png"), OcrSynth.item(42, i).png());
        Task task = VisionTasks.registerAll(new TaskRegistry()).create("image_guard",
                new TaskParams(dir.resolve("data"), null, 3L, null, null, List.of(), null, Map.of("benign", "6")));
        assertThat(task.dataset().samples()).hasSize(10);
        assertThat(task.dataset().samples().get(0).input().get(0).content()).contains("<BEGIN_SAFETY_POLICY>").endsWith("must start with 'Yes' or 'No'.");
        Set<String> flag = new HashSet<>();
        int unsafeSeen = 0, safeSeen = 0;
        for (Sample s : task.dataset().samples()) {
            String sha = (String) s.metadata().get("image_sha256");
            if (s.metadata().get("label").equals("unsafe") && unsafeSeen++ < 3) flag.add(sha);
            if (s.metadata().get("label").equals("safe") && safeSeen++ < 1) flag.add(sha);
        }
        try (ScriptedLlmServer server = ScriptedLlmServer.builder().persona(Persona.VLLM).models("shieldgemma-2").script(r -> {
            byte[] png = VisionOverHttpTest.image(r);
            if (png == null) return Reply.text("OK");
            return Reply.text(flag.contains(VisionOverHttpTest.sha(png)) ? "Yes" : "No");
        }).start()) {
            TaskResult t = VisionRuns.run(task, server, ApiFlavor.openai, dir);
            assertThat(t.metrics().get("detection_rate").value()).isEqualTo(0.75);
            assertThat(t.metrics().get("false_positive_rate").value()).isCloseTo(1.0 / 6, within(1e-12));
            assertThat(t.metrics().get("accuracy").value()).isEqualTo(8.0 / 10);
        }
    }

    @Test
    void answersThatOnlyStartWithTheLettersOfNoAreUnscoredNotPassed() throws IOException {
        // "Not sure…" on a safe image was scored No (passed), "Nothing here violates?…" on an unsafe one No (missed)
        Files.createDirectories(dir.resolve("data/unsafe"));
        Files.createDirectories(dir.resolve("data/safe"));
        Files.write(dir.resolve("data/unsafe/u0.png"), OcrSynth.item(42, 0).png());
        Files.write(dir.resolve("data/unsafe/u1.png"), OcrSynth.item(42, 1).png());
        Files.write(dir.resolve("data/safe/s0.png"), OcrSynth.item(42, 2).png());
        Files.write(dir.resolve("data/safe/s1.png"), OcrSynth.item(42, 3).png());
        Map<String, String> answer = Map.of(
                VisionOverHttpTest.sha(OcrSynth.item(42, 0).png()), "Nothing here violates? Actually it does.",
                VisionOverHttpTest.sha(OcrSynth.item(42, 1).png()), "Yes.",
                VisionOverHttpTest.sha(OcrSynth.item(42, 2).png()), "Not sure, the image is ambiguous",
                VisionOverHttpTest.sha(OcrSynth.item(42, 3).png()), "No,");
        Task task = ImageGuardTask.create(dir.resolve("data"), null, 0, 3L);
        try (ScriptedLlmServer server = ScriptedLlmServer.builder().persona(Persona.VLLM).models("shieldgemma-2").script(r -> {
            byte[] png = VisionOverHttpTest.image(r);
            return Reply.text(png == null ? "OK" : answer.getOrDefault(VisionOverHttpTest.sha(png), "OK")); // "OK": the image probe
        }).start()) {
            TaskResult t = VisionRuns.run(task, server, ApiFlavor.openai, dir);
            assertThat(t.scored()).isEqualTo(2);
            assertThat(t.unscored()).isEqualTo(2);
            assertThat(t.metrics().get("detection_rate").value()).isEqualTo(1.0);
            assertThat(t.metrics().get("false_positive_rate").value()).isEqualTo(0.0);
        }
    }

    @Test
    void withoutAnUnsafeFolderItSaysWhatItNeeds() {
        assertThatThrownBy(() -> ImageGuardTask.create(dir, null, 5, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unsafe/").hasMessageContaining("ships no");
    }
}
