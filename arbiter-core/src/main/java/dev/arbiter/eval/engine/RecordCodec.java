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
        com.fasterxml.jackson.databind.JsonSerializer<Object> bean = provider.findTypedValueSerializer(SampleRecord.class, true, null);
        g.writeStartObject();
        for (java.util.Iterator<com.fasterxml.jackson.databind.ser.PropertyWriter> it = bean.properties(); it.hasNext(); ) {
            com.fasterxml.jackson.databind.ser.PropertyWriter p = it.next();
            if (answerIsResponse && p.getName().equals("answer")) continue;
            if (lastIsResponse && p.getName().equals("messages")) {
                g.writeArrayFieldStart("messages");
                List<ChatMessage> ms = r.messages();
                for (int i = 0; i < ms.size() - 1; i++) provider.defaultSerializeValue(ms.get(i), g);
                g.writeStartObject();
                g.writeStringField("role", "assistant");
                g.writeBooleanField(SAME_AS_RESPONSE, true);
                g.writeEndObject();
                g.writeEndArray();
                continue;
            }
            try {
                p.serializeAsField(r, g, provider);
            } catch (Exception e) {
                throw new IllegalStateException("cannot serialise field " + p.getName(), e);
            }
        }
        if (answerIsResponse) g.writeBooleanField("answer_" + SAME_AS_RESPONSE, true);
        g.writeEndObject();
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
