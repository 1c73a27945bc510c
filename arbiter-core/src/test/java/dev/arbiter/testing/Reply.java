package dev.arbiter.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the scripted server sends back for one request. Immutable; each {@code with…} returns a changed copy.
 * A text reply is split into chunks at word boundaries (each chunk keeps its leading space), and each chunk is
 * one generated token: one SSE event / NDJSON line when streaming, one logprobs entry when logprobs are asked.
 */
public final class Reply {
    private List<ScriptedToken> tokens = List.of();
    private int status = 200;
    private String errorBody;
    private Map<String, String> headers = Map.of();
    private String think;
    private String reasoningField;
    private long delayMillis;
    private int dropAfter = -1;
    private boolean withoutEnd;
    private boolean malformed;
    private String streamEvent;
    private String finishReason = "stop";
    private Integer promptTokens;
    private Integer completionTokens;
    private String lineEnding = "\n";
    private java.util.concurrent.Semaphore gate;

    private Reply() {}

    private Reply copy() {
        Reply r = new Reply();
        r.tokens = tokens;
        r.status = status;
        r.errorBody = errorBody;
        r.headers = headers;
        r.think = think;
        r.reasoningField = reasoningField;
        r.delayMillis = delayMillis;
        r.dropAfter = dropAfter;
        r.withoutEnd = withoutEnd;
        r.malformed = malformed;
        r.streamEvent = streamEvent;
        r.finishReason = finishReason;
        r.promptTokens = promptTokens;
        r.completionTokens = completionTokens;
        r.lineEnding = lineEnding;
        r.gate = gate;
        return r;
    }

    /** Text split into word chunks: "a b c" → "a", " b", " c". */
    public static Reply text(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' && !cur.toString().isBlank()) {
                parts.add(cur.toString());
                cur.setLength(0);
            }
            cur.append(c);
        }
        if (!cur.isEmpty()) parts.add(cur.toString());
        return chunks(parts.toArray(String[]::new));
    }

    /** Exactly these chunks, each with logprob 0 (probability 1). */
    public static Reply chunks(String... chunks) {
        List<ScriptedToken> t = new ArrayList<>();
        for (String c : chunks) t.add(ScriptedToken.of(c, 0.0));
        return tokens(t.toArray(ScriptedToken[]::new));
    }

    /** These tokens, with the logprobs and alternatives reported when the client asks for logprobs. */
    public static Reply tokens(ScriptedToken... tokens) {
        Reply r = new Reply();
        r.tokens = List.of(tokens);
        return r;
    }

    /** An HTTP error with this JSON (or plain) body. */
    public static Reply status(int status, String body) {
        Reply r = new Reply();
        r.status = status;
        r.errorBody = body;
        return r;
    }

    /** 429 with {@code Retry-After: retryAfter} (seconds or an HTTP date). */
    public static Reply rateLimited(String retryAfter) {
        return status(429, "{\"error\":{\"message\":\"Rate limit reached, slow down\",\"type\":\"rate_limit_error\",\"code\":429}}")
                .withHeader("Retry-After", retryAfter);
    }

    public Reply withHeader(String name, String value) {
        Reply r = copy();
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        r.headers = Map.copyOf(h);
        return r;
    }

    /** Puts {@code <think>reasoning</think>} before the content, in the content itself (as many servers do). */
    public Reply withThink(String reasoning) {
        Reply r = copy();
        r.think = reasoning;
        return r;
    }

    /** Sends reasoning in the separate field: {@code reasoning_content} (OpenAI dialect) or {@code thinking} (Ollama). */
    public Reply withReasoningField(String reasoning) {
        Reply r = copy();
        r.reasoningField = reasoning;
        return r;
    }

    /** Waits this long before each streamed chunk (or before a whole non-streamed answer). */
    public Reply withDelayMillis(long millis) {
        Reply r = copy();
        r.delayMillis = millis;
        return r;
    }

    /** Resets the TCP connection after {@code n} content chunks (0: before any response byte). */
    public Reply droppingAfter(int n) {
        Reply r = copy();
        r.dropAfter = n;
        return r;
    }

    /** Streams the content, then ends the body cleanly with no finish reason, no [DONE], no done:true. */
    public Reply withoutEnd() {
        Reply r = copy();
        r.withoutEnd = true;
        return r;
    }

    /** Sends a body (or, streaming, one chunk after the first) that is not valid JSON. */
    public Reply malformed() {
        Reply r = copy();
        r.malformed = true;
        return r;
    }

    /**
     * Streaming, sends {@code data} as one more event after the first content chunk (SSE: a {@code data:} line;
     * NDJSON: a line), verbatim: an error object inside a 200 stream, or any text.
     */
    public Reply withStreamEvent(String data) {
        Reply r = copy();
        r.streamEvent = data;
        return r;
    }

    public Reply withFinishReason(String reason) {
        Reply r = copy();
        r.finishReason = reason;
        return r;
    }

    public Reply withUsage(int prompt, int completion) {
        Reply r = copy();
        r.promptTokens = prompt;
        r.completionTokens = completion;
        return r;
    }

    /** SSE line terminator: "\n" (default), "\r" or "\r\n". */
    public Reply withLineEnding(String ending) {
        Reply r = copy();
        r.lineEnding = ending;
        return r;
    }

    /**
     * Before each streamed content chunk the server takes a permit from {@code gate} (giving up, and resetting the
     * connection, after 5 s). Lets a test pace the stream by what the client does instead of by the wall clock.
     */
    public Reply gatedBy(java.util.concurrent.Semaphore gate) {
        Reply r = copy();
        r.gate = gate;
        return r;
    }

    /** The tokens as generated: the think block (if any) first, as one token. */
    List<ScriptedToken> generated() {
        if (think == null) return tokens;
        List<ScriptedToken> all = new ArrayList<>();
        all.add(ScriptedToken.of("<think>" + think + "</think>", 0.0));
        all.addAll(tokens);
        return all;
    }

    /** The content a client should see after stripping the think block. */
    public String content() {
        StringBuilder sb = new StringBuilder();
        for (ScriptedToken t : tokens) sb.append(t.token());
        return sb.toString();
    }

    int status() { return status; }
    String errorBody() { return errorBody; }
    Map<String, String> headers() { return headers; }
    String reasoningField() { return reasoningField; }
    long delayMillis() { return delayMillis; }
    int dropAfter() { return dropAfter; }
    boolean isWithoutEnd() { return withoutEnd; }
    boolean isMalformed() { return malformed; }
    String streamEvent() { return streamEvent; }
    String finishReason() { return finishReason; }
    Integer promptTokens() { return promptTokens; }
    Integer completionTokens() { return completionTokens; }
    String lineEnding() { return lineEnding; }
    java.util.concurrent.Semaphore gate() { return gate; }
}
