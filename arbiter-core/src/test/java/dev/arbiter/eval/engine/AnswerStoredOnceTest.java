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
}
