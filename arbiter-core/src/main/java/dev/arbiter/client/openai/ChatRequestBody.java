package dev.arbiter.client.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.http.WireBody;

import java.io.IOException;
import java.util.List;

/**
 * Body of POST /v1/chat/completions. Null fields are not sent, so the server's defaults apply. A message is a
 * {@link WireMessage} (text) or a {@link PartsMessage} (text and images). Sent once per sample, so it writes itself
 * ({@link WireBody}; {@code WireBodyTest} holds the bytes to the mapper's).
 */
record ChatRequestBody(String model, List<Object> messages, Double temperature, Double topP, Integer maxTokens,
                       Long seed, List<String> stop, Boolean logprobs, Integer topLogprobs, Boolean stream,
                       StreamOptions streamOptions) implements WireBody {
    static ChatRequestBody of(String model, GenerateRequest r) {
        GenerationConfig c = r.config();
        boolean lp = c.topLogprobs() != null;
        return new ChatRequestBody(model, r.messages().stream().map(PartsMessage::of).toList(), c.temperature(), c.topP(),
                c.maxTokens(), c.seed(), c.stop(), lp ? Boolean.TRUE : null, lp ? c.topLogprobs() : null,
                r.stream() ? Boolean.TRUE : null, r.stream() ? new StreamOptions(true) : null);
    }

    @Override
    public void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        if (model != null) g.writeStringField("model", model);
        if (messages != null) {
            g.writeArrayFieldStart("messages");
            for (Object m : messages) {
                if (m instanceof WireMessage w) w.write(g);
                else if (m instanceof PartsMessage p) p.write(g);
                else g.writeObject(m); // not made by PartsMessage.of; the mapper decides
            }
            g.writeEndArray();
        }
        if (temperature != null) g.writeNumberField("temperature", temperature);
        if (topP != null) g.writeNumberField("top_p", topP);
        if (maxTokens != null) g.writeNumberField("max_tokens", maxTokens);
        if (seed != null) g.writeNumberField("seed", seed);
        if (stop != null) {
            g.writeArrayFieldStart("stop");
            for (String s : stop) g.writeString(s);
            g.writeEndArray();
        }
        if (logprobs != null) g.writeBooleanField("logprobs", logprobs);
        if (topLogprobs != null) g.writeNumberField("top_logprobs", topLogprobs);
        if (stream != null) g.writeBooleanField("stream", stream);
        if (streamOptions != null) {
            g.writeObjectFieldStart("stream_options");
            g.writeBooleanField("include_usage", streamOptions.includeUsage());
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
