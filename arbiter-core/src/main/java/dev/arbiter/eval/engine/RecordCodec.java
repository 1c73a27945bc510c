package dev.arbiter.eval.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.store.StoredSample;
import dev.arbiter.util.Json;

import java.util.List;

/** Sample records, manifests and run records to and from JSON: one line for logs and the store, pretty for files. */
final class RecordCodec {
    private static final ObjectWriter LINE = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private RecordCodec() {}

    static String line(Object value) {
        try {
            return LINE.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** {@link #line} as UTF-8 bytes into {@code out} (left open). */
    static void writeLine(Object value, java.io.OutputStream out) {
        try {
            LINE.without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    static <T> T read(String json, Class<T> type, String where) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(where + ": not a readable " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Marks a field whose text is the record's {@code response}, stored once instead of again. */
    static final String SAME_AS_RESPONSE = "same_as_response";

    static StoredSample stored(String runId, String task, SampleRecord r) {
        return new StoredSample(runId, task, r.sampleId(), r.epoch(), sampleLine(r), r.score(), r.status());
    }

    /**
     * One answer as a line, the answer's text written once: the final assistant turn and the extracted answer, when
     * they equal {@code response}, are written as {@code "same_as_response": true} and restored on read — so a
     * multi-megabyte answer costs its size once in the log and once in the store, not three times.
     *
     * <p>Written in one pass by the record's own bean serializer, field by field (the same fields, order and
     * inclusion as {@link #line}), with the two substitutions made on the way: building a tree first and editing it
     * was 12% of an eval worker's CPU. {@code AnswerStoredOnceTest} checks the bytes against the tree version.
     */
    static String sampleLine(SampleRecord r) {
        // Jackson's own recycled-buffer writer, as writeValueAsString uses it (the recycler goes back to its pool), not
        // StringWriter's synchronized StringBuffer
        com.fasterxml.jackson.core.util.BufferRecycler recycler = Json.mapper().getFactory()._getBufferRecycler();
        try {
            com.fasterxml.jackson.core.io.SegmentedStringWriter out = new com.fasterxml.jackson.core.io.SegmentedStringWriter(recycler);
            try (com.fasterxml.jackson.core.JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
                writeSample(r, g);
            }
            return out.getAndClear();
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("cannot serialise sample " + r.sampleId(), e);
        } finally {
            recycler.releaseToPool();
        }
    }

    /**
     * The record's fields in its component order, named and included as the mapper would (snake_case, nulls left
     * out but {@code score}, images only when there are some), written straight to the generator: the bean
     * serializer's per-property machinery was ~8% of an eval worker's CPU under C1. Maps and images, whose values
     * can be anything, still go through the mapper. {@code AnswerStoredOnceTest} holds random records to the bytes
     * of the tree-built line.
     */
    private static void writeSample(SampleRecord r, com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
        String response = r.response();
        boolean hasResponse = response != null && !response.isEmpty();
        boolean lastIsResponse = false;
        if (hasResponse && !r.messages().isEmpty()) {
            ChatMessage last = r.messages().get(r.messages().size() - 1);
            lastIsResponse = "assistant".equals(last.role()) && response.equals(last.content()) && last.images().isEmpty();
        }
        boolean answerIsResponse = hasResponse && response.equals(r.answer());
        com.fasterxml.jackson.databind.SerializerProvider provider = Json.mapper().getSerializerProviderInstance();
        g.writeStartObject();
        g.writeStringField("sample_id", r.sampleId());
        g.writeNumberField("epoch", r.epoch());
        g.writeStringField("status", r.status());
        g.writeFieldName("input");
        writeMessages(r.input(), r.input().size(), g, provider);
        writeStrings("target", r.target(), g);
        writeStrings("choices", r.choices(), g);
        writeMap("sample_metadata", r.sampleMetadata(), g, provider);
        g.writeFieldName("messages");
        if (lastIsResponse) {
            List<ChatMessage> ms = r.messages();
            g.writeStartArray();
            writeMessageItems(ms, ms.size() - 1, g, provider);
            g.writeStartObject();
            g.writeStringField("role", "assistant");
            g.writeBooleanField(SAME_AS_RESPONSE, true);
            g.writeEndObject();
            g.writeEndArray();
        } else {
            writeMessages(r.messages(), r.messages().size(), g, provider);
        }
        writeString("response", response, g);
        writeString("reasoning", r.reasoning(), g);
        writeString("finish_reason", r.finishReason(), g);
        writeString("response_model", r.responseModel(), g);
        writeString("scorer", r.scorer(), g);
        if (!answerIsResponse) writeString("answer", r.answer(), g);
        if (r.score() == null) g.writeNullField("score"); // always written (@JsonInclude ALWAYS)
        else g.writeNumberField("score", r.score().doubleValue());
        writeString("explanation", r.explanation(), g);
        writeMap("score_metadata", r.scoreMetadata(), g, provider);
        g.writeNumberField("latency_ms", r.latencyMs());
        g.writeNumberField("elapsed_ms", r.elapsedMs());
        if (r.tokensIn() != null) g.writeNumberField("tokens_in", r.tokensIn().intValue());
        if (r.tokensOut() != null) g.writeNumberField("tokens_out", r.tokensOut().intValue());
        g.writeNumberField("calls", r.calls());
        g.writeNumberField("attempts", r.attempts());
        g.writeNumberField("cached_calls", r.cachedCalls());
        if (r.error() != null) {
            g.writeObjectFieldStart("error");
            writeString("kind", r.error().kind(), g);
            if (r.error().httpStatus() != null) g.writeNumberField("http_status", r.error().httpStatus().intValue());
            writeString("message", r.error().message(), g);
            g.writeEndObject();
        }
        if (r.completedAt() != null) g.writeStringField("completed_at", dev.arbiter.util.IsoInstant.format(r.completedAt())); // ISO_INSTANT, as the time module writes it
        g.writeStringField("outcome", r.outcome().jsonName());
        if (r.ttftMs() != null) g.writeNumberField("ttft_ms", r.ttftMs().longValue());
        if (r.tokensPerSecond() != null) g.writeNumberField("tokens_per_second", r.tokensPerSecond().doubleValue());
        if (answerIsResponse) g.writeBooleanField("answer_" + SAME_AS_RESPONSE, true);
        g.writeEndObject();
    }

    private static void writeString(String name, String value, com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
        if (value != null) g.writeStringField(name, value);
    }

    private static void writeStrings(String name, List<String> values, com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
        g.writeFieldName(name);
        writeStringArray(values, g);
    }

    /** A list of strings as the mapper writes it (null items as null); also for {@link SettingsKey#questions}. */
    static void writeStringArray(List<String> values, com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
        g.writeStartArray();
        for (String v : values) {
            if (v == null) g.writeNull();
            else g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void writeMap(String name, java.util.Map<String, Object> map, com.fasterxml.jackson.core.JsonGenerator g,
                                 com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
        g.writeFieldName(name);
        if (map.isEmpty()) {
            g.writeStartObject();
            g.writeEndObject();
        } else {
            provider.defaultSerializeValue(map, g);
        }
    }

    /** The first {@code count} of {@code ms} as an array, as the mapper writes them; also for {@link SettingsKey#questions}. */
    static void writeMessages(List<ChatMessage> ms, int count, com.fasterxml.jackson.core.JsonGenerator g,
                              com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
        g.writeStartArray();
        writeMessageItems(ms, count, g, provider);
        g.writeEndArray();
    }

    /** The first {@code count} of {@code ms}; a turn with images goes through the mapper. */
    private static void writeMessageItems(List<ChatMessage> ms, int count, com.fasterxml.jackson.core.JsonGenerator g,
                                          com.fasterxml.jackson.databind.SerializerProvider provider) throws java.io.IOException {
        for (int i = 0; i < count; i++) {
            ChatMessage m = ms.get(i);
            if (m == null) {
                g.writeNull();
            } else if (m.hasImages()) {
                provider.defaultSerializeValue(m, g);
            } else {
                g.writeStartObject();
                writeString("role", m.role(), g);
                writeString("content", m.content(), g);
                g.writeEndObject();
            }
        }
    }

    /** A line written by {@link #sampleLine} (or an older full one) back to the record. */
    static SampleRecord sample(String json, String where) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(json);
            String response = node.path("response").asText(null);
            if (node.remove("answer_" + SAME_AS_RESPONSE) != null) node.put("answer", response);
            com.fasterxml.jackson.databind.JsonNode messages = node.get("messages");
            if (messages != null && messages.isArray()) {
                for (com.fasterxml.jackson.databind.JsonNode m : messages) {
                    if (m instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.remove(SAME_AS_RESPONSE) != null) o.put("content", response);
                }
            }
            return Json.mapper().treeToValue(node, SampleRecord.class);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new InvalidInputException(where + ": not a readable SampleRecord: " + e.getMessage(), e);
        }
    }

    static SampleRecord sample(StoredSample s) {
        return sample(s.record(), "run " + s.runId() + " sample " + s.sampleId() + " epoch " + s.epoch());
    }
}
