package dev.arbiter.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.ModelException;
import dev.arbiter.client.http.ArrivalStamped;
import dev.arbiter.client.http.Http1Body;
import dev.arbiter.client.http.StreamingHttp;
import dev.arbiter.client.http.LineReader;
import dev.arbiter.client.http.SseEvent;
import dev.arbiter.client.http.SseParser;
import dev.arbiter.client.http.WireJson;
import dev.arbiter.client.openai.OpenAiClient;
import dev.arbiter.util.Ticker;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.List;

/**
 * One timed streaming chat request over {@link StreamingHttp} (blocking keep-alive HTTP/1.1 with the shared error
 * mapping and key handling), read with the shared SSE / NDJSON parsers. The only additions for timing are the send
 * stamp taken just before the request is written and the arrival stamp of each socket read. Never throws for a
 * failed request: every failure becomes a {@link RequestRecord} with its {@link FailureKind} and reason. A reason
 * quotes the server (its error body, an error event, a broken event), which may echo the Authorization header: the
 * server's words are put in the transport's {@link dev.arbiter.client.ErrorMapper} messages, and every reason is
 * redacted by that mapper before a record holds it, so no log, store or output of the benchmark holds the key.
 */
public final class StreamingCall {
    /** Bytes read after the end marker so the connection goes back to the keep-alive pool instead of being cut. */
    private static final int DRAIN_LIMIT = 64 << 10;

    private final StreamingHttp http;
    private final ApiFlavor api;
    private final URI uri;
    private final RequestBodies bodies;

    public StreamingCall(StreamingHttp http, ApiFlavor api, URI chatUri, String model, boolean forceOutput,
                         Double temperature) {
        this.http = http;
        this.api = api;
        this.uri = chatUri;
        this.bodies = new RequestBodies(api, model, forceOutput, temperature);
    }

    /**
     * The call for an endpoint: its chat route ({@code /v1/chat/completions} under the API root, Ollama's
     * {@code /api/chat}) over the shared transport.
     */
    public static StreamingCall forEndpoint(Endpoint endpoint, StreamingHttp http, boolean forceOutput, Double temperature) {
        URI chat = endpoint.api() == ApiFlavor.ollama
                ? URI.create(endpoint.baseUrl().toString().replaceAll("/+$", "") + "/api/chat")
                : URI.create(OpenAiClient.apiRoot(endpoint.baseUrl()) + "/chat/completions");
        return new StreamingCall(http, endpoint.api(), chat, endpoint.requireModel(), forceOutput, temperature);
    }

    Ticker ticker() { return http.ticker(); }

    /** Cuts every request in flight (Ctrl-C); they end as {@link FailureKind#CANCELLED}. */
    void abort() { http.abort(); }

    /**
     * Sends {@code messages} and reads the whole stream.
     *
     * @param scheduledAbs intended send time (ticker reading)
     * @param levelStart   ticker reading the record's send and scheduled times are relative to
     * @param keepText     keep the answer text (a later turn of the conversation needs it)
     */
    RequestRecord run(int conversation, int turn, List<ChatMessage> messages, Turn t, int promptEstimate,
                      long scheduledAbs, long levelStart, boolean keepText) {
        Ticker ticker = http.ticker();
        long dispatch = ticker.nanos();
        StreamingHttp.Response x;
        try {
            x = http.post(uri, WireJson.MAPPER.writeValueAsBytes(bodies.chat(messages, t.outputTokens())));
        } catch (ModelException e) {
            return failed(conversation, turn, scheduledAbs - levelStart, dispatch - levelStart,
                    ticker.nanos() - dispatch, http.aborted() ? FailureKind.CANCELLED : kindOf(e), e.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a benchmark request", e);
        }
        Stream s = new Stream(keepText);
        FailureKind kind = null;
        String reason = null;
        try (Http1Body in = x.body()) {
            try {
                if (api == ApiFlavor.ollama) readNdjson(in, s, x.what());
                else readSse(in, s, x.what());
                if (s.ended) drain(in);
            } catch (StreamFailure f) {
                kind = f.kind;
                reason = f.getMessage();
            } catch (HttpTimeoutException e) {
                kind = FailureKind.TIMEOUT;
                reason = x.what() + ": timed out: " + e.getMessage();
            } catch (LineReader.LineTooLongException e) {
                kind = FailureKind.MALFORMED;
                reason = x.what() + ": " + e.getMessage();
            } catch (IOException e) {
                kind = http.aborted() ? FailureKind.CANCELLED : FailureKind.STREAM_CLOSED;
                reason = x.what() + ": stream closed after " + s.textEvents + " text events: "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        long sentRel = x.sentNanos() - levelStart;
        if (kind == null && !s.ended) {
            kind = FailureKind.STREAM_CLOSED;
            reason = x.what() + ": stream ended after " + s.textEvents + " text events without its end marker";
        }
        if (kind == null && s.firstText < 0) {
            kind = FailureKind.EMPTY;
            reason = x.what() + ": the answer was empty (no generated text)";
        }
        if (kind != null) {
            long elapsed = (s.lastEvent >= 0 ? s.lastEvent : ticker.nanos()) - x.sentNanos();
            return failed(conversation, turn, scheduledAbs - levelStart, sentRel, elapsed, kind, reason);
        }
        int out = s.usageOut > 0 ? s.usageOut : s.textEvents;
        String source = s.usageOut > 0 ? "usage" : "chunks";
        boolean multi = s.usageOut > 0 && s.usageOut - s.textEvents >= 2 && s.usageOut > 1.5 * s.textEvents;
        int prompt = s.usagePrompt > 0 ? s.usagePrompt : promptEstimate;
        return new RequestRecord(conversation, turn, scheduledAbs - levelStart, sentRel, s.firstText - x.sentNanos(),
                s.lastEvent - x.sentNanos(), s.gaps.toArray(), out, source, s.textEvents, prompt, multi, null, null,
                keepText ? s.text.toString() : null);
    }

    /** The one way a failure becomes a record: its reason redacted, whatever built it. */
    private RequestRecord failed(int conversation, int turn, long scheduled, long sent, long elapsedNanos,
                                 FailureKind kind, String reason) {
        return RequestRecord.failed(conversation, turn, scheduled, sent, elapsedNanos, kind, http.errors().redact(reason));
    }

    private <B extends InputStream & ArrivalStamped> void readSse(B in, Stream s, String what) throws IOException {
        SseParser sse = new SseParser(in);
        SseEvent ev;
        while ((ev = sse.next()) != null) {
            long at = in.arrivalNanos();
            String data = ev.data().strip();
            if (data.equals("[DONE]")) {
                s.ended = true;
                return;
            }
            if (data.isEmpty()) continue;
            JsonNode n = parse(data, what);
            s.lastEvent = at;
            if (n.hasNonNull("error")) throw streamError(n, what);
            JsonNode usage = n.path("usage");
            if (usage.path("completion_tokens").canConvertToInt()) s.usageOut = usage.path("completion_tokens").asInt();
            if (usage.path("prompt_tokens").canConvertToInt()) s.usagePrompt = usage.path("prompt_tokens").asInt();
            JsonNode c = n.path("choices").path(0);
            if (c.isMissingNode()) continue;
            JsonNode delta = c.has("delta") ? c.path("delta") : c;
            s.text(at, text(delta, "content", "text"), text(delta, "reasoning_content", "reasoning"));
            if (c.hasNonNull("finish_reason")) s.finished = true;
        }
        // a stream that gave a finish reason and then closed without [DONE] is complete (as the eval client takes it)
        s.ended = s.finished;
    }

    private <B extends InputStream & ArrivalStamped> void readNdjson(B in, Stream s, String what) throws IOException {
        LineReader lines = new LineReader(in);
        String line;
        while ((line = lines.readLine()) != null) {
            long at = in.arrivalNanos();
            if (line.isBlank()) continue;
            JsonNode n = parse(line, what);
            s.lastEvent = at;
            if (n.hasNonNull("error")) throw streamError(n, what);
            JsonNode m = n.has("message") ? n.path("message") : n;
            s.text(at, text(m, "content", "response"), text(m, "thinking", "thinking"));
            if (n.path("done").asBoolean(false)) {
                if (n.path("eval_count").canConvertToInt()) s.usageOut = n.path("eval_count").asInt();
                if (n.path("prompt_eval_count").canConvertToInt()) s.usagePrompt = n.path("prompt_eval_count").asInt();
                s.ended = true;
                return;
            }
        }
    }

    /** An error object sent inside the 200 stream, worded as the model clients word it (the server's message). */
    private StreamFailure streamError(JsonNode event, String what) {
        return new StreamFailure(FailureKind.STREAM_ERROR, http.errors().fromStreamError(event, what).getMessage());
    }

    /** The event's JSON object; else a failure quoting the event, cut by the mapper after the key is redacted. */
    private JsonNode parse(String data, String what) {
        try {
            JsonNode n = WireJson.MAPPER.readTree(data);
            if (n == null || !n.isObject()) {
                throw new StreamFailure(FailureKind.MALFORMED,
                        http.errors().malformed(what, "stream event is not a JSON object: " + data, null).getMessage());
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new StreamFailure(FailureKind.MALFORMED,
                    http.errors().malformed(what, "bad stream event: " + e.getOriginalMessage() + " in " + data, e).getMessage());
        }
    }

    private static String text(JsonNode n, String field, String alt) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) v = n.get(alt);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static void drain(InputStream in) throws IOException {
        int total = 0;
        int r;
        byte[] buf = new byte[4096];
        while (total < DRAIN_LIMIT && (r = in.read(buf)) > 0) total += r;
    }

    static FailureKind kindOf(ModelException e) {
        return switch (e.kind()) {
            case TIMEOUT -> FailureKind.TIMEOUT;
            case CONNECTION, REFUSED -> FailureKind.CONNECTION;
            case PROTOCOL, ANSWER_TOO_LONG -> FailureKind.MALFORMED;
            default -> FailureKind.HTTP_ERROR;
        };
    }

    /** What has been read of one stream; ticker readings are absolute. */
    private static final class Stream {
        final StringBuilder text;
        final LongList gaps = new LongList();
        long firstText = -1;
        long lastText = -1;
        long lastEvent = -1;
        int textEvents;
        int usageOut = -1;
        int usagePrompt = -1;
        boolean finished;
        boolean ended;

        Stream(boolean keepText) {
            this.text = keepText ? new StringBuilder() : null;
        }

        void text(long at, String content, String reasoning) {
            boolean any = content != null && !content.isEmpty() || reasoning != null && !reasoning.isEmpty();
            if (!any) return;  // a role-only or empty chunk is not a token
            if (firstText < 0) firstText = at;
            else gaps.add(at - lastText);
            lastText = at;
            textEvents++;
            if (text != null && content != null) text.append(content);
        }
    }

    /** A stream that breaks the protocol; carries its kind to the one place records are built. */
    private static final class StreamFailure extends RuntimeException {
        final FailureKind kind;

        StreamFailure(FailureKind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }
    }
}
