package dev.arbiter.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * What one generation request will get, after applying the request's limits to the script's reply: at most
 * max_tokens / num_predict tokens (then the finish reason is "length"), logprobs only when asked and offered.
 *
 * @param topK alternatives per token to report, or null when logprobs are not returned
 */
record Plan(Reply reply, List<ScriptedToken> tokens, String finishReason, int promptTokens, int completionTokens,
            Integer topK, String model, boolean stream, boolean includeUsage) {

    static Plan of(RecordedRequest r, Reply reply, boolean logprobsOffered) {
        JsonNode j = r.json();
        JsonNode max = j.has("options") ? j.path("options").path("num_predict")
                : j.has("max_completion_tokens") ? j.get("max_completion_tokens") : j.path("max_tokens");
        List<ScriptedToken> tokens = reply.generated();
        String finish = reply.finishReason();
        if (max.canConvertToInt() && max.asInt() > 0 && tokens.size() > max.asInt()) {
            tokens = tokens.subList(0, max.asInt());
            finish = "length";
        }
        Integer k = null;
        if (logprobsOffered) {
            JsonNode lp = j.path("logprobs");
            if (lp.isBoolean() && lp.asBoolean()) k = j.path("top_logprobs").asInt(0);
            else if (lp.isInt()) k = lp.asInt();
        }
        int prompt = reply.promptTokens() != null ? reply.promptTokens() : words(r);
        int completion = reply.completionTokens() != null ? reply.completionTokens() : tokens.size();
        return new Plan(reply, tokens, finish, prompt, completion, k, j.path("model").asText(""), r.stream(),
                j.path("stream_options").path("include_usage").asBoolean(false));
    }

    /** Whitespace-separated words of every message (or the prompt): the scripted server's "tokenizer". */
    private static int words(RecordedRequest r) {
        JsonNode j = r.json();
        StringBuilder all = new StringBuilder();
        for (JsonNode m : j.path("messages")) all.append(m.path("content").asText()).append(' ');
        all.append(j.path("prompt").asText(""));
        String s = all.toString().trim();
        return s.isEmpty() ? 0 : s.split("\\s+").length;
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (ScriptedToken t : tokens) sb.append(t.token());
        return sb.toString();
    }

    static void pause(long millis) throws InterruptedException {
        if (millis > 0) Thread.sleep(millis);
    }

    /** Waits before a streamed chunk: the reply's delay, then its gate if it has one; false when the gate timed out. */
    boolean beforeChunk() throws InterruptedException {
        pause(reply.delayMillis());
        return reply.gate() == null || reply.gate().tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS);
    }
}
