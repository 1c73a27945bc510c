package dev.arbiter.client.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The byte scanner reads the chunks servers send as the Jackson path reads the same bytes decoded to a String, and
 * gives up (null) rather than differ: checked on the usual shapes and on thousands of seeded mutations of them.
 */
class ChunkScannerTest {
    static final List<String> SHAPES = List.of(
            "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1733000000,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"logprobs\":null,\"finish_reason\":null}]}",
            "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" token\"},\"finish_reason\":null}]}",
            "{\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\",\"stop_reason\":null}],\"usage\":{\"prompt_tokens\":24,\"total_tokens\":40,\"completion_tokens\":16}}",
            "{\"model\":\"m\",\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"prompt_tokens_details\":{\"cached_tokens\":0}}}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"think \\\"hard\\\"\\n\",\"content\":null}}],\"system_fingerprint\":\"fp\"}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"reasoning\":\"é☃ \\u00e9\\ud83d\\ude00\",\"tool_calls\":[{\"id\":\"x\",\"function\":{\"arguments\":\"{}\"}}]}}]}",
            "{\"choices\":[{\"index\":0,\"text\":\"completion\\ttext\\/\\\\\",\"finish_reason\":\"length\"}],\"timings\":{\"predicted_ms\":1.5e2,\"n\":-0.25E-3}}",
            "{\"choices\":[null,{\"index\":1,\"delta\":{\"content\":\"b\"}},{\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
            "{\"choices\":null,\"usage\":null,\"error\":null,\"model\":null,\"done\":null,\"message\":null}",
            " \r\n\t{ \"choices\" : [ { \"index\" : 0 , \"message\" : { \"role\" : \"assistant\" , \"content\" : \"whole\" } , \"finish_reason\" : \"stop\" } ] } ",
            "{}");

    /** The reference: the Jackson path on the bytes decoded as UTF-8 (malformed sequences replaced). */
    private static CompletionBody reference(byte[] b) throws JsonProcessingException {
        return StreamChunks.parse(new String(b, StandardCharsets.UTF_8));
    }

    private static void agree(byte[] b) {
        CompletionBody scanned = ChunkScanner.scan(b, 0, b.length);
        if (scanned == null) return; // gave up: Jackson reads it
        CompletionBody ref;
        try {
            ref = reference(b);
        } catch (JsonProcessingException e) {
            fail("scanner read a chunk Jackson rejects: [%s]: %s", new String(b, StandardCharsets.UTF_8), e.getOriginalMessage());
            return;
        }
        String what = new String(b, StandardCharsets.UTF_8);
        assertThat(scanned.model()).as(what).isEqualTo(ref.model());
        assertThat(scanned.choices()).as(what).isEqualTo(ref.choices());
        assertThat(scanned.usage()).as(what).isEqualTo(ref.usage());
        assertThat(ref.ollamaShaped()).as(what).isFalse();
        assertThat(ref.error() == null || ref.error().isNull()).as(what).isTrue();
    }

    @Test
    void readsTheUsualShapesThemselvesAndAsJacksonDoes() {
        for (String s : SHAPES) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertThat(ChunkScanner.scan(b, 0, b.length)).as(s).isNotNull();
            agree(b);
        }
    }

    @Test
    void givesUpOnWhatOnlyJacksonShouldJudge() {
        for (String s : List.of(
                "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"logprobs\":{\"content\":[]}}]}",
                "{\"error\":{\"message\":\"overloaded\"}}", "{\"model\":\"m\",\"message\":{\"content\":\"hi\"},\"done\":false}",
                "{\"choices\":[{\"index\":01}]}", "{\"choices\":[{\"index\":1.0}]}", "{\"choices\":[{\"index\":2147483648}]}",
                "{\"usage\":{\"prompt_tokens\":NaN}}", "{\"x\":nul}", "{\"x\":truex}", "{\"x\":\"\\q\"}", "{\"x\":\"a\tb\"}",
                "{\"mod\\u0065l\":\"m\"}", "[1]", "", "{\"choices\":[{\"index\":0,", "{\"x\":-}", "{\"x\":1.}", "{\"x\":1e}")) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            assertThat(ChunkScanner.scan(b, 0, b.length)).as(s).isNull();
        }
    }

    @Test
    void agreesWithJacksonOnSeededMutations() {
        String[] values = {"0", "-0", "7", "01", "1.5", "-2e3", "1E+2", "2147483647", "-2147483648", "2147483648", "NaN", "true",
                "false", "null", "nul", "\"s\"", "\"\\u00e9\\n\"", "\"\\ud83d\"", "{}", "[]", "[1,[2,{\"a\":null}]]", "{\"k\":{\"k\":[true]}}", "\"",
                "1x", "-", ".5", "\"a\\\"b\"", "\"tab\\tend\""};
        String[] names = {"model", "choices", "usage", "index", "delta", "message", "text", "finish_reason", "logprobs", "content",
                "role", "reasoning", "reasoning_content", "prompt_tokens", "completion_tokens", "error", "done", "other"};
        SplittableRandom random = new SplittableRandom(19);
        int scanned = 0;
        for (int i = 0; i < 30_000; i++) {
            String s = SHAPES.get(random.nextInt(SHAPES.size()));
            switch (random.nextInt(6)) {
                case 0 -> { // a value replaced after some colon
                    int at = nthIndex(s, ':', random);
                    if (at >= 0) {
                        int stop = valueEnd(s, at + 1);
                        s = s.substring(0, at + 1) + values[random.nextInt(values.length)] + s.substring(stop);
                    }
                }
                case 1 -> { // a field inserted after some opening brace
                    int at = nthIndex(s, '{', random);
                    if (at >= 0) s = s.substring(0, at + 1) + "\"" + names[random.nextInt(names.length)] + "\":"
                            + values[random.nextInt(values.length)] + (s.charAt(at + 1) == '}' ? "" : ",") + s.substring(at + 1);
                }
                case 2 -> s = s.substring(0, random.nextInt(s.length() + 1)); // cut
                case 3 -> { // whitespace or junk inserted
                    int at = random.nextInt(s.length() + 1);
                    String[] junk = {" ", "\n", "\t", "\u000B", ",", "}", "]", "\\", "\"", "x", "\u00a0"};
                    s = s.substring(0, at) + junk[random.nextInt(junk.length)] + s.substring(at);
                }
                default -> { }
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(5) == 0 && b.length > 0) b[random.nextInt(b.length)] = (byte) (0x80 + random.nextInt(128)); // not UTF-8
            if (ChunkScanner.scan(b, 0, b.length) != null) scanned++;
            agree(b);
        }
        assertThat(scanned).as("chunks the scanner read itself").isGreaterThan(5_000);
    }

    @Test
    void readsASliceOfALargerArray() {
        byte[] chunk = SHAPES.get(1).getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[chunk.length + 20];
        java.util.Arrays.fill(framed, (byte) '{');
        System.arraycopy(chunk, 0, framed, 10, chunk.length);
        CompletionBody c = ChunkScanner.scan(framed, 10, chunk.length);
        assertThat(c).isNotNull();
        assertThat(c.choices().get(0).delta().content()).isEqualTo(" token");
    }

    private static int nthIndex(String s, char c, SplittableRandom random) {
        List<Integer> at = new ArrayList<>();
        for (int k = 0; k < s.length(); k++) if (s.charAt(k) == c) at.add(k);
        return at.isEmpty() ? -1 : at.get(random.nextInt(at.size()));
    }

    /** Where the value starting at {@code from} ends, roughly (a scalar or a bracketed value): good enough to mutate. */
    private static int valueEnd(String s, int from) {
        int depth = 0;
        boolean inString = false;
        for (int k = from; k < s.length(); k++) {
            char c = s.charAt(k);
            if (inString) {
                if (c == '\\') k++;
                else if (c == '"') {
                    inString = false;
                    if (depth == 0) return k + 1;
                }
                continue;
            }
            if (c == '"') inString = true;
            else if (c == '{' || c == '[') depth++;
            else if (c == '}' || c == ']') {
                if (depth == 0) return k;
                if (--depth == 0) return k + 1;
            } else if (c == ',' && depth == 0) return k;
        }
        return s.length();
    }
}
