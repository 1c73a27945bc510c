package dev.arbiter.eval.task.vision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.EngineEnvironment;
import dev.arbiter.eval.engine.EvalRunner;
import dev.arbiter.eval.engine.RunOptions;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.report.RunReport;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.testing.Persona;
import dev.arbiter.testing.RecordedRequest;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A scripted vision server on 127.0.0.1 that decodes the PNG each request carries, in the API's own field (an
 * OpenAI {@code image_url} data URL, or Ollama's {@code images}), checks it is the size the generator draws, finds
 * the item by the image's digest and answers from the generator's truth — wrongly for every fourth item. The
 * reported score must equal that truth exactly.
 */
class VisionOverHttpTest {
    @TempDir Path dir;

    private static TaskParams params(int count) {
        return new TaskParams(null, null, 5L, null, null, List.of(), null, Map.of("count", Integer.toString(count)));
    }

    private static Task task(String name, int count) {
        return VisionTasks.registerAll(new TaskRegistry()).create(name, params(count));
    }

    /** The PNG bytes in a generation request, wherever this API puts them; null when it carries none. */
    static byte[] image(RecordedRequest r) {
        JsonNode j = r.json();
        for (JsonNode m : j.path("messages")) {
            if (m.path("content").isArray()) {
                for (JsonNode part : m.path("content")) {
                    if ("image_url".equals(part.path("type").asText())) {
                        String url = part.path("image_url").path("url").asText();
                        assertThat(url).startsWith("data:image/png;base64,");
                        return Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
                    }
                }
            }
            if (m.path("images").isArray() && !m.path("images").isEmpty()) return Base64.getDecoder().decode(m.path("images").get(0).asText());
        }
        return null;
    }

    static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(img).as("a decodable PNG").isNotNull();
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers each image from the truth, wrong for items whose index is a multiple of 4. */
    private ScriptedLlmServer truthServer(Persona persona, Task task, int width, int height, Map<String, Integer> seen) {
        Map<String, Sample> bySha = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        List<Sample> samples = task.dataset().samples();
        for (int i = 0; i < samples.size(); i++) {
            String digest = (String) samples.get(i).metadata().get("image_sha256");
            bySha.put(digest, samples.get(i));
            index.put(digest, i);
        }
        return ScriptedLlmServer.builder().persona(persona).models("vl").script(r -> {
            byte[] png = image(r);
            if (png == null) return Reply.text("OK");
            BufferedImage img = decode(png);
            String digest = sha(png);
            Sample s = bySha.get(digest);
            if (s == null) return Reply.text("red"); // the image probe's square
            assertThat(img.getWidth()).isEqualTo(width);
            if (height > 0) assertThat(img.getHeight()).isEqualTo(height);
            seen.merge(digest, 1, Integer::sum);
            return Reply.text(index.get(digest) % 4 == 0 ? "I cannot tell zzzzzzzzzzzzzzzzzz" : "Answer: " + s.firstTarget() + ".");
        }).start();
    }

    private RunRecord run(Task task, ScriptedLlmServer server, ApiFlavor api, Path runs) {
        try (RunStore store = RunStore.open(dir.resolve("arbiter.db"));
             ModelClient client = ModelClients.create(server.endpoint(api), Ticker.system())) {
            EvalRunner runner = new EvalRunner(store, new EngineEnvironment(Clock.systemUTC(), Ticker.system(), n -> {},
                    new SplittableRandom(1), () -> "run-" + task.name() + "-" + api), null);
            return runner.run(task, server.endpoint(api), client, RunOptions.builder(runs).cache(false).concurrency(4).build());
        }
    }

    @Test
    void chartScoreOverTheOpenAiApiEqualsTheScriptedTruth() {
        Task task = task("chart_qa_synth", 20);
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        try (ScriptedLlmServer server = truthServer(Persona.VLLM, task, ChartSynth.WIDTH, ChartSynth.HEIGHT, seen)) {
            TaskResult t = run(task, server, ApiFlavor.openai, dir.resolve("runs")).tasks().get(0);
            assertThat(t.scored()).isEqualTo(20);
            assertThat(t.metrics().get("relaxed_accuracy").value()).isEqualTo(15.0 / 20);
            assertThat(seen).hasSize(20);
        }
    }

    @Test
    void documentScoreOverOllamasImagesFieldEqualsTheScriptedTruth() {
        Task task = task("doc_qa_synth", 16);
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        try (ScriptedLlmServer server = truthServer(Persona.OLLAMA, task, DocSynth.WIDTH, DocSynth.HEIGHT, seen)) {
            TaskResult t = run(task, server, ApiFlavor.ollama, dir.resolve("runs")).tasks().get(0);
            assertThat(t.scored()).isEqualTo(16);
            assertThat(t.metrics().get("anls").value()).isEqualTo(12.0 / 16);
            assertThat(seen).hasSize(16);
            assertThat(server.generationRequests()).anyMatch(r -> r.path().equals("/api/chat") && image(r) != null);
        }
    }

    @Test
    void eachImageIsStoredOnceByHashAndTheLogHoldsOnlyItsDigest() throws IOException {
        Task charts = task("chart_qa_synth", 6);
        try (ScriptedLlmServer server = truthServer(Persona.VLLM, charts, ChartSynth.WIDTH, ChartSynth.HEIGHT, new ConcurrentHashMap<>())) {
            RunRecord r = run(charts, server, ApiFlavor.openai, dir.resolve("runs"));
            Path runDir = dir.resolve("runs").resolve(r.runId());
            try (Stream<Path> files = Files.list(runDir.resolve("images"))) {
                List<Path> images = files.toList();
                assertThat(images).hasSize(6);
                for (Path p : images) assertThat(p.getFileName().toString()).isEqualTo(sha(Files.readAllBytes(p)) + ".png");
            }
            String log = Files.readString(runDir.resolve("samples.jsonl"));
            assertThat(log).contains("image_sha256").doesNotContain("base64").doesNotContain("iVBOR");
            try (RunStore store = RunStore.open(dir.resolve("arbiter.db"))) {
                RunReader reader = new RunReader(store);
                String html = RunReport.html(reader.record(r.runId()), reader.samples(r.runId()), 2000);
                assertThat(html.split("<img class=\"sample\"", -1)).hasSize(7);
                assertThat(html).contains("src=\"data:image/png;base64,iVBOR");
            }
            // An image file changed after the run is not shown as if it were what the model saw.
            try (Stream<Path> files = Files.list(runDir.resolve("images"))) {
                Files.write(files.findFirst().orElseThrow(), new byte[]{1, 2, 3});
            }
            try (RunStore store = RunStore.open(dir.resolve("arbiter.db"))) {
                RunReader reader = new RunReader(store);
                String html = RunReport.html(reader.record(r.runId()), reader.samples(r.runId()), 2000);
                assertThat(html.split("<img class=\"sample\"", -1)).hasSize(6);
                assertThat(html).contains("not stored");
            }
        }
    }

    @Test
    void aTextOnlyModelIsRefusedBeforeAnySampleIsAsked() {
        Task task = task("chart_qa_synth", 4);
        try (ScriptedLlmServer server = ScriptedLlmServer.builder().persona(Persona.VLLM).models("text").script(r ->
                image(r) != null ? Reply.status(400, "{\"object\":\"error\",\"message\":\"text is not a multimodal model\",\"type\":\"BadRequestError\",\"code\":400}")
                        : Reply.text("OK")).start();
             RunStore store = RunStore.open(dir.resolve("arbiter.db"));
             ModelClient client = ModelClients.create(server.endpoint(), Ticker.system())) {
            EvalRunner runner = new EvalRunner(store, new EngineEnvironment(Clock.systemUTC(), Ticker.system(), n -> {},
                    new SplittableRandom(1), () -> "run-1"), null);
            assertThatThrownBy(() -> runner.run(task, server.endpoint(), client, RunOptions.builder(dir.resolve("runs")).cache(false).build()))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("does not accept images")
                    .hasMessageContaining("not a multimodal model");
            assertThat(store.runs()).isEmpty();
            assertThat(server.generationRequests().stream().filter(r -> image(r) != null)).hasSize(1);
        }
    }
}
