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

    static <T> T read(String json, Class<T> type, String where) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(where + ": not a readable " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    static StoredSample stored(String runId, String task, SampleRecord r) {
        return new StoredSample(runId, task, r.sampleId(), r.epoch(), line(r), r.score(), r.status());
    }

    static SampleRecord sample(StoredSample s) {
        return read(s.record(), SampleRecord.class, "run " + s.runId() + " sample " + s.sampleId() + " epoch " + s.epoch());
    }
}
