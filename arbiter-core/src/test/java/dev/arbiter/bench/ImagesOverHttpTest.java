package dev.arbiter.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EnvLookup;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.client.ImagePart;
import dev.arbiter.client.ModelClients;
import dev.arbiter.eval.task.vision.ChartSynth;
import dev.arbiter.eval.task.vision.DocSynth;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests carrying generated images, received by a real server on 127.0.0.1 and checked byte for byte. */
class ImagesOverHttpTest {
    /** Charts and documents alternately, as {@code --image-kind mixed} makes them. */
    static final IntFunction<ImagePart> MIXED = i -> ImagePart.of("image/png",
            (i % 2 == 0 ? ChartSynth.item(7, i) : DocSynth.item(7, i)).png());

    static ImageWorkload workload(int turns, int perTurn, int pool) {
        return new ImageWorkload(new SyntheticWorkload(1, LengthSpec.fixed(8), LengthSpec.fixed(4), turns, 0), perTurn,
                MIXED, "mixed", pool);
    }

    static StreamingCall call(DelayStubServer s, ApiFlavor api) {
        Endpoint e = Endpoint.of(s.uri(), api, "m");
        return StreamingCall.forEndpoint(e, ModelClients.streaming(e, Ticker.system(), EnvLookup.system(), ErrorMapper.system()), true, null);
    }

    static LevelResult level(BenchRunner r, int concurrency, int requests) {
        BenchRunner.LevelRun run = r.run(LoadLevel.closed(concurrency), new BenchRunner.Bound(requests, null), 3);
        return LevelStats.summarise(run.level(), run.records(), run.durationNanos(), Slo.parse(null), run.client(), null, false);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** The conversation a request's user text belongs to: synthetic prompts start with {@code #c.k:}. */
    static int conversationOf(String text) {
        return Integer.parseInt(text.substring(1, text.indexOf('.')));
    }

    @Test
    void everyRequestCarriesItsGeneratedImagesAsDataUrlsAfterTheText() throws Exception {
        ImageWorkload w = workload(1, 2, 3);
        try (DelayStubServer s = DelayStubServer.start(1, 1)) {
            LevelResult l = level(new BenchRunner(call(s, ApiFlavor.openai), w), 2, 4);
            assertThat(l.completed()).as("%s", l.errorExamples()).isEqualTo(4);
            assertThat(s.requests).hasSize(4);
            List<String> seen = new ArrayList<>();
            for (JsonNode req : s.requests) {
                JsonNode parts = req.path("messages").get(0).path("content");
                assertThat(parts.isArray()).isTrue();
                assertThat(parts).hasSize(3);
                assertThat(parts.get(0).path("type").asText()).isEqualTo("text");
                int c = conversationOf(parts.get(0).path("text").asText());
                List<String> expected = w.conversation(c).turns().get(0).images().stream().map(ImagePart::sha256).toList();
                List<String> got = new ArrayList<>();
                for (int j = 1; j < parts.size(); j++) {
                    assertThat(parts.get(j).path("type").asText()).isEqualTo("image_url");
                    String url = parts.get(j).path("image_url").path("url").asText();
                    assertThat(url).startsWith("data:image/png;base64,");
                    byte[] png = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
                    assertThat(ImageIO.read(new ByteArrayInputStream(png))).as("a decodable PNG").isNotNull();
                    got.add(sha256(png));
                }
                assertThat(got).containsExactlyElementsOf(expected).doesNotHaveDuplicates();
                seen.addAll(got);
            }
            // 4 requests × 2 images from a pool of 3: every pool image was sent, and only pool images
            assertThat(seen).containsOnlyElementsOf(w.pool().stream().map(ImagePart::sha256).toList())
                    .containsAll(w.pool().stream().map(ImagePart::sha256).toList());
        }
    }

    @Test
    void ollamaGetsTheSameImagesAsBareBase64() throws Exception {
        ImageWorkload w = workload(1, 1, 2);
        try (DelayStubServer s = DelayStubServer.start(1, 1)) {
            LevelResult l = level(new BenchRunner(call(s, ApiFlavor.ollama), w), 1, 2);
            assertThat(l.completed()).as("%s", l.errorExamples()).isEqualTo(2);
            for (JsonNode req : s.requests) {
                JsonNode m = req.path("messages").get(0);
                assertThat(m.path("content").isTextual()).isTrue();
                int c = conversationOf(m.path("content").asText());
                assertThat(m.path("images")).hasSize(1);
                byte[] png = Base64.getDecoder().decode(m.path("images").get(0).asText());
                assertThat(sha256(png)).isEqualTo(w.conversation(c).turns().get(0).images().get(0).sha256());
            }
        }
    }

    @Test
    void laterTurnsResendTheEarlierTurnsImagesInTheHistory() throws Exception {
        ImageWorkload w = workload(2, 1, 4);
        try (DelayStubServer s = DelayStubServer.start(1, 1)) {
            level(new BenchRunner(call(s, ApiFlavor.openai), w), 1, 2);
            JsonNode second = s.requests.stream().toList().get(1).path("messages");
            assertThat(second).hasSize(3);
            Conversation c = w.conversation(conversationOf(second.get(0).path("content").get(0).path("text").asText()));
            for (int k : new int[] {0, 2}) {
                String url = second.get(k).path("content").get(1).path("image_url").path("url").asText();
                byte[] png = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
                assertThat(sha256(png)).isEqualTo(c.turns().get(k / 2).images().get(0).sha256());
            }
            assertThat(second.get(1).path("content").isTextual()).as("the assistant turn stays text").isTrue();
        }
    }

    @Test
    void imagesAreSeededAndWarmUpImagesStayOutOfThePool() {
        ImageWorkload a = workload(1, 1, 2);
        ImageWorkload b = workload(1, 1, 2);
        assertThat(a.pool()).isEqualTo(b.pool());
        assertThat(a.pool().get(0)).isNotEqualTo(a.pool().get(1));
        ImagePart warm = a.conversation(Workload.Slot.warmup(0)).turns().get(0).images().get(0);
        assertThat(a.pool()).doesNotContain(warm);
        assertThat(a.describe()).contains("images 1×mixed per turn (pool 2");
    }
}
