package dev.arbiter.eval.task.vision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.ImagePart;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.testing.Persona;
import dev.arbiter.testing.RecordedRequest;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MMMU read from a file written here in the export format (JSON Lines, images as base64, a path, or a
 * {bytes, path} object; options as a Python list literal), and run end to end against a scripted vision server
 * whose right and wrong answers give a known score.
 */
class MmmuTaskTest {
    @TempDir Path dir;

    /** A small distinct PNG: a square of side 20 + n in a colour of its own. */
    static byte[] png(int n) throws IOException {
        BufferedImage img = new BufferedImage(20 + n, 20 + n, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40 * n % 256, 90, 200));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    static String b64(byte[] b) { return Base64.getEncoder().encodeToString(b); }

    static Map<String, Object> row(String id, String type, String question, String options, String answer) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("question", question);
        r.put("options", options);
        r.put("explanation", "");
        for (int k = 1; k <= 7; k++) r.put("image_" + k, null);
        r.put("img_type", "['Diagrams']");
        r.put("answer", answer);
        r.put("topic_difficulty", "Medium");
        r.put("question_type", type);
        r.put("subfield", "x");
        return r;
    }

    Path write(List<Map<String, Object>> rows) throws IOException {
        Path f = dir.resolve("mmmu_validation.jsonl");
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> r : rows) b.append(Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(r)).append('\n');
        Files.writeString(f, b);
        return f;
    }

    static Task task(Path data) {
        return VisionTasks.registerAll(new TaskRegistry()).create("mmmu", TaskParams.of(data));
    }

    @Test
    void theExportFormatLoadsWithPromptsImagesInPlaceholderOrderAndAcceptedAnswers() throws Exception {
        Files.createDirectories(dir.resolve("imgs"));
        Files.write(dir.resolve("imgs/v3.png"), png(3));
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, Object> mc = row("validation_Art_Theory_3", "multiple-choice", "<image 1> Which style is shown?",
                "['Baroque', \"Rococo's heir\", 'Gothic']", "B");
        mc.put("image_1", b64(png(1)));
        rows.add(mc);
        Map<String, Object> open = row("validation_Math_7", "open", "Compare <image 2> with <image 1>. What is the ratio?",
                "[]", "['0.5', '1/2']");
        open.put("image_1", "imgs/v3.png");
        open.put("image_2", Map.of("bytes", b64(png(2)), "path", "x.png"));
        rows.add(open);
        Task t = task(write(rows));

        assertThat(t.name()).isEqualTo("mmmu");
        List<Sample> s = t.dataset().samples();
        assertThat(s).extracting(Sample::id).containsExactly("validation_Art_Theory_3", "validation_Math_7");
        Sample a = s.get(0);
        assertThat(a.input().get(0).content()).isEqualTo("<image 1> Which style is shown?\n(A) Baroque\n(B) Rococo's heir\n"
                + "(C) Gothic\nAnswer with the option's letter from the given choices directly.");
        assertThat(a.target()).containsExactly("B");
        assertThat(a.choices()).containsExactly("Baroque", "Rococo's heir", "Gothic");
        assertThat(a.metadata()).containsEntry("subject", "Art_Theory").containsEntry("discipline", "art_and_design");
        assertThat(a.input().get(0).images()).containsExactly(ImagePart.of("image/png", png(1)));

        Sample b = s.get(1);
        assertThat(b.input().get(0).content()).isEqualTo("Compare <image 2> with <image 1>. What is the ratio?\n"
                + "Answer the question using a single word or phrase.");
        assertThat(b.target()).containsExactly("0.5", "1/2");
        // <image 2> is named first, so it is sent first; image_1 came from the file beside the export
        assertThat(b.input().get(0).images()).containsExactly(ImagePart.of("image/png", png(2)), ImagePart.of("image/png", png(3)));
        assertThat(b.metadata()).containsEntry("subject", "Math").containsEntry("question_type", "open");
        assertThat(t.metrics()).extracting(m -> m.name()).contains("accuracy", "accuracy/subject/Art_Theory",
                "accuracy/subject/Math", "accuracy/discipline/science", "accuracy/question_type/open");
        assertThat(t.config().temperature()).isEqualTo(0.0);
    }

    @Test
    void badRowsNameTheFileLineAndFieldAndParquetGetsTheExportCommand() throws Exception {
        Map<String, Object> missing = row("validation_Math_1", "open", "See <image 3>.", "[]", "4");
        missing.put("image_1", b64(png(1)));
        Path f = write(List.of(row("validation_Math_0", "open", "Q", "[]", "2"), missing));
        assertThatThrownBy(() -> task(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(f + ":2:").hasMessageContaining("<image 3>").hasMessageContaining("image_3");

        Path test = write(List.of(row("test_Math_0", "multiple-choice", "Q", "['a', 'b']", "?")));
        assertThatThrownBy(() -> task(test)).hasMessageContaining(":1:").hasMessageContaining("validation split");

        Path badOptions = write(List.of(row("validation_Math_0", "multiple-choice", "Q", "['a' 'b']", "A")));
        assertThatThrownBy(() -> task(badOptions)).hasMessageContaining(":1: field 'options'");

        Map<String, Object> notImage = row("validation_Math_0", "open", "Q <image 1>", "[]", "2");
        notImage.put("image_1", b64("hello".getBytes()));
        Path notPng = write(List.of(notImage));
        assertThatThrownBy(() -> task(notPng)).hasMessageContaining("field 'image_1'").hasMessageContaining("not PNG");

        Path parquet = Files.write(dir.resolve("validation-00000-of-00001.parquet"), new byte[] {'P', 'A', 'R', '1'});
        assertThatThrownBy(() -> task(parquet)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Parquet is not read here").hasMessageContaining("base64.b64encode(v['bytes'])")
                .hasMessageContaining("mmmu_validation.jsonl");
        assertThatThrownBy(() -> task(null)).hasMessageContaining("mmmu needs --data");
    }

    /** The first image of a request, as this API carries it. */
    static byte[] firstImage(RecordedRequest r) {
        byte[] b = VisionOverHttpTest.image(r);
        return b;
    }

    @Test
    void scoreOverHttpEqualsTheScriptedTruthOverallAndPerSubject() throws Exception {
        // 6 questions: Art 2 (1 right), Math 4 (3 right); 4 multiple choice, 2 open
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, String> replyBySha = new HashMap<>();
        String[][] spec = {
                // id, type, answer, reply
                {"validation_Art_1", "multiple-choice", "C", "The answer is (C)."},
                {"validation_Art_2", "multiple-choice", "A", "(B)"},
                {"validation_Math_1", "multiple-choice", "D", "D"},
                {"validation_Math_2", "open", "['0.5', '1/2']", "The ratio is 1/2."},
                {"validation_Math_3", "open", "12", "Therefore x = 13"},
                {"validation_Math_4", "multiple-choice", "B", "Looking closely, the second option, 7 apples, fits best"},
        };
        for (int i = 0; i < spec.length; i++) {
            boolean mc = spec[i][1].equals("multiple-choice");
            Map<String, Object> r = row(spec[i][0], spec[i][1], "<image 1> Question " + i + "?",
                    mc ? "['5 apples', '7 apples', 'none', 'all']" : "[]", spec[i][2]);
            byte[] img = png(i + 1);
            r.put("image_1", b64(img));
            rows.add(r);
            replyBySha.put(VisionOverHttpTest.sha(img), spec[i][3]);
        }
        Task t = task(write(rows));
        try (ScriptedLlmServer server = ScriptedLlmServer.builder().persona(Persona.VLLM).models("vl").script(r -> {
            byte[] img = firstImage(r);
            if (img == null) return Reply.text("OK");
            String reply = replyBySha.get(VisionOverHttpTest.sha(img));
            return Reply.text(reply == null ? "red" : reply);  // unknown image: the engine's colour probe
        }).start()) {
            TaskResult res = VisionRuns.run(t, server, ApiFlavor.openai, dir);
            assertThat(res.scored()).isEqualTo(6);
            assertThat(res.metrics().get("accuracy").value()).isEqualTo(4.0 / 6);
            assertThat(res.metrics().get("accuracy/subject/Art").value()).isEqualTo(0.5);
            assertThat(res.metrics().get("accuracy/subject/Math").value()).isEqualTo(0.75);
            assertThat(res.metrics().get("accuracy/question_type/open").value()).isEqualTo(0.5);
            assertThat(res.metrics().get("accuracy/question_type/multiple-choice").value()).isEqualTo(0.75);
            JsonNode asked = server.generationRequests().stream().map(RecordedRequest::json)
                    .filter(j -> j.path("messages").path(0).path("content").path(0).path("text").asText().contains("Question 0?"))
                    .findFirst().orElseThrow();
            assertThat(asked.path("temperature").asDouble()).isEqualTo(0.0);
        }
    }
}
