package dev.arbiter.eval.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.store.StoredSample;
import dev.arbiter.util.Json;

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
     */
    static String sampleLine(SampleRecord r) {
        com.fasterxml.jackson.databind.node.ObjectNode node = Json.mapper().valueToTree(r);
        String response = r.response();
        if (response != null && !response.isEmpty()) {
            com.fasterxml.jackson.databind.JsonNode messages = node.get("messages");
            if (messages != null && messages.isArray() && !messages.isEmpty()) {
                com.fasterxml.jackson.databind.node.ObjectNode last = (com.fasterxml.jackson.databind.node.ObjectNode) messages.get(messages.size() - 1);
                if ("assistant".equals(last.path("role").asText()) && response.equals(last.path("content").asText(null))) {
                    last.remove("content");
                    last.put(SAME_AS_RESPONSE, true);
                }
            }
            if (response.equals(r.answer())) {
                node.remove("answer");
                node.put("answer_" + SAME_AS_RESPONSE, true);
            }
        }
        return line(node);
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
