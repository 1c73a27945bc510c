package dev.arbiter.client.openai;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ImagePart;
import dev.arbiter.client.http.HttpTransport;
import dev.arbiter.client.http.WireJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat body writes itself ({@link dev.arbiter.client.http.WireBody}) for speed; the mapper's bean serialisation
 * stays the reference, byte for byte: what a server receives (and what a reference harness's request is compared
 * with) must not depend on which path wrote it.
 */
class WireBodyTest {
    private static final String[] TEXTS = {"", "Question 1: which option fits best?", "quotes \" and \\ backslash",
            "lines\nand\ttabs\r\n", "control \u0001\u001f", "unicode é ü 中文 \uD83D\uDE00 \u2028 \u2029", "</script>"};
    private static final Double[] NUMBERS = {null, 0.0, -0.0, 1.0, 0.7, 1e-7, 123456.789, 0.1 + 0.2};

    @Test
    void everyChatBodyIsWrittenAsTheMapperWritesIt() throws Exception {
        Random r = new Random(7);
        ImagePart png = ImagePart.of("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        int checked = 0;
        for (int i = 0; i < 2_000; i++) {
            List<ChatMessage> messages = new ArrayList<>();
            int turns = 1 + r.nextInt(4);
            for (int t = 0; t < turns; t++) {
                String text = TEXTS[r.nextInt(TEXTS.length)] + (r.nextBoolean() ? "" : " #" + r.nextInt());
                messages.add(switch (r.nextInt(4)) {
                    case 0 -> ChatMessage.system(text);
                    case 1 -> ChatMessage.assistant(text);
                    case 2 -> ChatMessage.user(text, List.of(png));
                    default -> ChatMessage.user(text);
                });
            }
            List<String> stop = switch (r.nextInt(3)) {
                case 0 -> null;
                case 1 -> List.of();
                default -> Arrays.asList("\n\n", TEXTS[r.nextInt(TEXTS.length)] + "x");
            };
            GenerationConfig c = new GenerationConfig(NUMBERS[r.nextInt(NUMBERS.length)], NUMBERS[r.nextInt(NUMBERS.length)],
                    r.nextBoolean() ? null : r.nextInt(100_000), r.nextBoolean() ? null : r.nextLong(), stop,
                    r.nextBoolean() ? null : r.nextInt(20), r.nextBoolean() ? null : 4096);
            GenerateRequest req = new GenerateRequest(messages, null, c, r.nextBoolean());
            ChatRequestBody body = ChatRequestBody.of(r.nextBoolean() ? "qwen2.5-7b" : "m \"odd\" name", req);
            String expected = new String(WireJson.MAPPER.writeValueAsBytes(body), StandardCharsets.UTF_8);
            assertThat(new String(HttpTransport.bytes(body), StandardCharsets.UTF_8)).as("request %d", i).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).isEqualTo(2_000);
    }

    @Test
    void aStreamedRequestSaysSoAndAsksForUsage() {
        GenerateRequest req = new GenerateRequest(List.of(ChatMessage.user("hi")), null, GenerationConfig.DEFAULT, true);
        assertThat(new String(HttpTransport.bytes(ChatRequestBody.of("m", req)), StandardCharsets.UTF_8)).isEqualTo(
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"temperature\":0.0,\"max_tokens\":1024,"
                        + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    }
}
