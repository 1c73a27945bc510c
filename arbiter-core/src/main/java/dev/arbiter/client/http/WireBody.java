package dev.arbiter.client.http;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * A request body that writes itself to a JSON generator, field by field, instead of through {@link WireJson}'s bean
 * serializers: for the body sent once per sample, whose bean serialisation was 14% of the client's CPU under C1
 * (a 16k-request loop at --concurrency 64, docs/performance.md). It must write exactly the bytes
 * {@code WireJson.MAPPER.writeValueAsBytes(this)} writes (snake_case names, record order, nulls left out); a test
 * holds each implementation to that.
 */
public interface WireBody {
    void write(JsonGenerator g) throws IOException;
}
