package dev.arbiter.client.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.arbiter.client.http.WireJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one streamed chat/completions chunk. The common shape (model, choices with index, delta or text and
 * finish_reason, usage) is read with Jackson's streaming parser, without data binding: the profile of a 16k-sample
 * eval had record binding as the largest share of the client's CPU (18 chunks an answer). Anything else — logprobs,
 * an in-band error, an Ollama-shaped body, a field of an unexpected type, malformed JSON — goes to the data binder,
 * so the result (or the error message) is exactly what {@code readValue(data, CompletionBody.class)} gives.
 */
final class StreamChunks {
    private StreamChunks() {}

    /**
     * {@link #parse(String)} of the UTF-8 text in {@code data[from, from + length)}, read from the bytes without a
     * String on the common shape; anything else (and bytes that are not valid UTF-8) goes to the binder as a String
     * decoded as before, so results and messages are the same.
     */
    static CompletionBody parse(byte[] data, int from, int length) throws JsonProcessingException {
        CompletionBody fast = ChunkScanner.scan(data, from, length);
        if (fast != null) return fast;
        try (JsonParser p = WireJson.MAPPER.getFactory().createParser(data, from, length)) {
            fast = object(p);
        } catch (IOException | RuntimeException e) {
            fast = null;
        }
        return fast != null ? fast : WireJson.MAPPER.readValue(new String(data, from, length, StandardCharsets.UTF_8), CompletionBody.class);
    }

    static CompletionBody parse(String data) throws JsonProcessingException {
        CompletionBody fast = null;
        try (JsonParser p = WireJson.MAPPER.getFactory().createParser(data)) {
            fast = object(p);
        } catch (IOException | RuntimeException e) {
            fast = null; // not the common shape: the binder decides, and words any error
        }
        return fast != null ? fast : WireJson.MAPPER.readValue(data, CompletionBody.class);
    }

    /** The chunk, or null when it is not the common shape. */
    private static CompletionBody object(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) return null;
        String model = null;
        List<Choice> choices = null;
        WireUsage usage = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "model" -> {
                    if (v == JsonToken.VALUE_STRING) model = p.getText();
                    else if (v != JsonToken.VALUE_NULL) return null;
                }
                case "choices" -> {
                    if (v == JsonToken.VALUE_NULL) {
                        choices = null;
                        continue;
                    }
                    if (v != JsonToken.START_ARRAY) return null;
                    choices = new ArrayList<>(1);
                    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (v == JsonToken.VALUE_NULL) {
                            choices.add(null);
                            continue;
                        }
                        Choice c = choice(p, v);
                        if (c == null) return null;
                        choices.add(c);
                    }
                }
                case "usage" -> {
                    if (v == JsonToken.VALUE_NULL) {
                        usage = null;
                        continue;
                    }
                    usage = usage(p, v);
                    if (usage == null) return null;
                }
                case "error", "done", "message" -> {
                    if (v != JsonToken.VALUE_NULL) return null; // in-band error or Ollama shape: the binder's case
                }
                default -> p.skipChildren(); // ignored, as the binder ignores unknown fields
            }
        }
        return t == JsonToken.END_OBJECT ? new CompletionBody(model, choices, usage, null, null, null) : null;
    }

    private static Choice choice(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) return null;
        Integer index = null;
        WireMessage delta = null;
        WireMessage message = null;
        String text = null;
        String finish = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            switch (name) {
                case "index" -> {
                    if (v == JsonToken.VALUE_NUMBER_INT) index = p.getIntValue();
                    else if (v == JsonToken.VALUE_NULL) index = null;
                    else return null;
                }
                case "delta", "message" -> {
                    WireMessage m = null;
                    if (v != JsonToken.VALUE_NULL) {
                        m = message(p, v);
                        if (m == null) return null;
                    }
                    if (name.equals("delta")) delta = m;
                    else message = m;
                }
                case "text" -> {
                    if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) return null;
                    text = v == JsonToken.VALUE_NULL ? null : p.getText();
                }
                case "finish_reason" -> {
                    if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) return null;
                    finish = v == JsonToken.VALUE_NULL ? null : p.getText();
                }
                case "logprobs" -> {
                    if (v != JsonToken.VALUE_NULL) return null; // the binder reads logprobs
                }
                default -> p.skipChildren();
            }
        }
        return t == JsonToken.END_OBJECT ? new Choice(index, message, delta, text, finish, null) : null;
    }

    private static WireMessage message(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) return null;
        String role = null;
        String content = null;
        String reasoningContent = null;
        String reasoning = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            boolean known = name.equals("role") || name.equals("content") || name.equals("reasoning_content")
                    || name.equals("reasoning");
            if (!known) {
                p.skipChildren();
                continue;
            }
            if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) return null;
            String s = v == JsonToken.VALUE_NULL ? null : p.getText();
            switch (name) {
                case "role" -> role = s;
                case "content" -> content = s;
                case "reasoning_content" -> reasoningContent = s;
                default -> reasoning = s;
            }
        }
        return t == JsonToken.END_OBJECT ? new WireMessage(role, content, reasoningContent, reasoning) : null;
    }

    private static WireUsage usage(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) return null;
        Integer prompt = null;
        Integer completion = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            boolean known = name.equals("prompt_tokens") || name.equals("completion_tokens");
            if (!known) {
                p.skipChildren();
                continue;
            }
            Integer n;
            if (v == JsonToken.VALUE_NULL) n = null;
            else if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) n = p.getIntValue();
            else return null;
            if (name.equals("prompt_tokens")) prompt = n;
            else completion = n;
        }
        return t == JsonToken.END_OBJECT ? new WireUsage(prompt, completion) : null;
    }
}
