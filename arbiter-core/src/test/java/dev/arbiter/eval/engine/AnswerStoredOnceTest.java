package dev.arbiter.eval.engine;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.eval.store.StoredSample;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A long answer is written once per line (log and store), and every field comes back as it was. */
class AnswerStoredOnceTest {
    static SampleRecord record(String response, String answer) {
        return new SampleRecord("q1", 0, SampleRecord.SCORED, List.of(ChatMessage.user("say it")), List.of("x"), null, null,
                List.of(ChatMessage.user("say it"), ChatMessage.assistant(response)), response, null, "stop", "m", "exact", answer,
                1.0, "ok", null, 3, 3, 10, 1, 1, 1, 0, null, Instant.parse("2026-01-01T00:00:00Z"), null, null, null);
    }

    @Test
    void aMegabyteAnswerTakesItsSizeOnceAndRoundTrips() {
        String big = "y".repeat(1 << 20);
        SampleRecord r = record(big, big);
        String line = RecordCodec.sampleLine(r);
        assertThat(line.length()).isBetween(big.length(), big.length() + 4096);
        assertThat(line).contains("\"same_as_response\":true").contains("\"answer_same_as_response\":true");
        SampleRecord back = RecordCodec.sample(new StoredSample("run", "t", "q1", 0, line, 1.0, "scored"));
        assertThat(back).isEqualTo(r);
    }

    @Test
    void fieldsThatDifferFromTheResponseAreWrittenAsTheyAre() {
        SampleRecord r = record("The answer is 42.", "42");
        String line = RecordCodec.sampleLine(r);
        assertThat(line).contains("\"answer\":\"42\"").contains("\"same_as_response\":true").doesNotContain("answer_same_as_response");
        assertThat(RecordCodec.sample(new StoredSample("run", "t", "q1", 0, line, 1.0, "scored"))).isEqualTo(r);
    }

    @Test
    void aLineWrittenBeforeThisChangeStillReads() {
        SampleRecord r = record("hi", "hi");
        String old = RecordCodec.line(r);
        assertThat(RecordCodec.sample(new StoredSample("run", "t", "q1", 0, old, 1.0, "scored"))).isEqualTo(r);
    }

    /** The line as it was built before it was streamed: the whole record as a tree, then edited. */
    private static String byTree(SampleRecord r) {
        com.fasterxml.jackson.databind.node.ObjectNode node = dev.arbiter.util.Json.mapper().valueToTree(r);
        String response = r.response();
        if (response != null && !response.isEmpty()) {
            com.fasterxml.jackson.databind.JsonNode messages = node.get("messages");
            if (messages != null && messages.isArray() && !messages.isEmpty()) {
                com.fasterxml.jackson.databind.node.ObjectNode last = (com.fasterxml.jackson.databind.node.ObjectNode) messages.get(messages.size() - 1);
                if ("assistant".equals(last.path("role").asText()) && response.equals(last.path("content").asText(null))) {
                    last.remove("content");
                    last.put(RecordCodec.SAME_AS_RESPONSE, true);
                }
            }
            if (response.equals(r.answer())) {
                node.remove("answer");
                node.put("answer_" + RecordCodec.SAME_AS_RESPONSE, true);
            }
        }
        return RecordCodec.line(node);
    }

    @Test
    void theStreamedLineHasTheSameBytesAsTheTreeBuiltOne() {
        java.util.Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("subject", "math");
        meta.put("nested", java.util.Map.of("k", List.of(1, 2.5, "x")));
        List<SampleRecord> records = List.of(
                record("hi", "hi"),
                record("The answer is 42.", "42"),
                record("", ""),
                record("quote \" and \u00e9 and \ud83d\ude00", "quote"),
                new SampleRecord("q2", 1, SampleRecord.UNSCORED, List.of(ChatMessage.system("s"), ChatMessage.user("u")), List.of("a", "b"),
                        List.of("A", "B"), meta, List.of(ChatMessage.user("u"), ChatMessage.assistant("other"), ChatMessage.user("again")),
                        "resp", "thinking", "length", null, "exact", null, null, null, java.util.Map.of("why", "none"), 0, 5, null, null,
                        1, 2, 0, null, Instant.parse("2026-01-01T00:00:00.123Z"), SampleOutcome.TRUNCATED, 12L, 33.5),
                new SampleRecord("q3", 0, SampleRecord.ERROR, List.of(ChatMessage.user("u")), List.of(), null, null, null, null, null,
                        null, null, "exact", null, null, null, null, 0, 9, null, null, 1, 3, 0,
                        new SampleError("server_error", 500, "boom"), Instant.parse("2026-01-01T00:00:00Z"), null, null, null));
        for (SampleRecord r : records) {
            assertThat(RecordCodec.sampleLine(r)).as(r.sampleId()).isEqualTo(byTree(r));
            assertThat(RecordCodec.sample(new StoredSample("run", "t", r.sampleId(), r.epoch(), RecordCodec.sampleLine(r), r.score(), r.status())))
                    .isEqualTo(r);
        }
    }

    private static final String[] TEXTS = {"", "4", "The answer is 42.", "quote \" back \\ slash", "lines\nand\ttabs\r",
            "control \u0001", "unicode \u00e9 \ud83d\ude00 \u2028", "</script><b>"};

    private static <T> T pick(java.util.Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String text(java.util.Random r) {
        return r.nextInt(5) == 0 ? null : pick(r, TEXTS);
    }

    private static List<ChatMessage> turns(java.util.Random r, dev.arbiter.client.ImagePart image) {
        List<ChatMessage> out = new java.util.ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            String content = pick(r, TEXTS);
            out.add(switch (r.nextInt(4)) {
                case 0 -> ChatMessage.system(content);
                case 1 -> ChatMessage.assistant(content);
                case 2 -> ChatMessage.user(content, List.of(image));
                default -> ChatMessage.user(content);
            });
        }
        return out;
    }

    private static java.util.Map<String, Object> metadata(java.util.Random r) {
        if (r.nextBoolean()) return r.nextBoolean() ? null : java.util.Map.of();
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("subject", pick(r, TEXTS));
        if (r.nextBoolean()) m.put("missing", null);
        m.put("n", r.nextInt(100));
        m.put("x", r.nextDouble());
        m.put("nested", java.util.Map.of("list", List.of(1, 2.5, "y", true)));
        return m;
    }

    @Test
    void randomRecordsAreWrittenAsTheMapperWritesThemAndReadBack() {
        java.util.Random r = new java.util.Random(11);
        dev.arbiter.client.ImagePart image = dev.arbiter.client.ImagePart.of("image/png", new byte[] {1, 2, 3, 4});
        Instant[] instants = {Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00.100Z"),
                Instant.parse("2026-12-07T15:25:53.255080327Z"), Instant.parse("2026-12-07T15:25:53.255080Z"), null};
        Double[] doubles = {null, 0.0, 1.0, 5.0, 0.5, 8910.199445904398, 1e-5, 123456789.0};
        int checked = 0;
        for (int i = 0; i < 3_000; i++) {
            SampleOutcome outcome = pick(r, SampleOutcome.values());
            String status = SampleRecord.statusOf(outcome);
            Double score = SampleRecord.SCORED.equals(status) ? (r.nextBoolean() ? 1.0 : r.nextDouble()) : null;
            SampleError error = SampleRecord.ERROR.equals(status) || r.nextInt(6) == 0
                    ? new SampleError(pick(r, new String[] {"server_error", "timeout"}), r.nextBoolean() ? 500 : null, text(r)) : null;
            String response = text(r);
            List<ChatMessage> messages = turns(r, image);
            if (response != null && r.nextBoolean()) messages.add(ChatMessage.assistant(response)); // the answer's own turn
            String answer = r.nextBoolean() ? response : text(r);
            SampleRecord rec = new SampleRecord("q" + i, r.nextInt(3), status, turns(r, image),
                    r.nextBoolean() ? null : List.of(pick(r, TEXTS)), r.nextBoolean() ? null : List.of("A", "B"), metadata(r),
                    r.nextBoolean() ? null : messages, response, text(r), text(r), text(r), "exact", answer, score, text(r),
                    metadata(r), r.nextInt(10_000), r.nextInt(10_000), r.nextBoolean() ? null : r.nextInt(5000),
                    r.nextBoolean() ? null : r.nextInt(5000), 1 + r.nextInt(3), 1 + r.nextInt(5), r.nextInt(2), error,
                    pick(r, instants), outcome, r.nextBoolean() ? null : (long) r.nextInt(900), pick(r, doubles));
            assertThat(RecordCodec.sampleLine(rec)).as("record %d", i).isEqualTo(byTree(rec));
            checked++;
        }
        assertThat(checked).isEqualTo(3_000);
    }
}
