package dev.arbiter.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Writes answers the way vLLM and friends do: chat/completions JSON, or SSE chunks ending in {@code data: [DONE]}. */
final class OpenAiDialect {
    private static final ObjectMapper M = new ObjectMapper();

    private OpenAiDialect() {}

    static void answer(HttpConnection c, Plan p, boolean chat) throws IOException, InterruptedException {
        Reply reply = p.reply();
        if (!p.stream()) {
            if (reply.dropAfter() >= 0) {
                c.reset();
                return;
            }
            Plan.pause(reply.delayMillis());
            if (reply.isMalformed()) {
                c.respond(200, "application/json", Map.of(), "{\"id\":\"cmpl-1\",\"choices\":[{\"message\":");
                return;
            }
            ObjectNode body = envelope(p, chat);
            ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
            if (chat) {
                ObjectNode msg = choice.putObject("message").put("role", "assistant").put("content", p.text());
                if (reply.reasoningField() != null) msg.put("reasoning_content", reply.reasoningField());
            } else {
                choice.put("text", p.text());
            }
            if (p.topK() != null) choice.set("logprobs", logprobs(p.tokens(), p.topK(), chat));
            choice.put("finish_reason", p.finishReason());
            body.set("usage", usage(p));
            c.respond(200, "application/json", Map.of(), M.writeValueAsString(body));
            return;
        }
        String nl = reply.lineEnding();
        c.startChunked("text/event-stream");
        c.chunk(": keep-alive" + nl + nl);
        if (chat) {
            ObjectNode first = chunk(p, chat);
            ((ObjectNode) first.get("choices").get(0)).putObject("delta").put("role", "assistant").put("content", "");
            event(c, first, nl);
            if (reply.reasoningField() != null) {
                ObjectNode r = chunk(p, chat);
                ((ObjectNode) r.get("choices").get(0)).putObject("delta").put("reasoning_content", reply.reasoningField());
                event(c, r, nl);
            }
        }
        List<ScriptedToken> tokens = p.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (reply.dropAfter() == i || !p.beforeChunk()) {
                c.reset();
                return;
            }
            ObjectNode ch = chunk(p, chat);
            ObjectNode choice = (ObjectNode) ch.get("choices").get(0);
            if (chat) choice.putObject("delta").put("content", tokens.get(i).token());
            else choice.put("text", tokens.get(i).token());
            if (p.topK() != null) choice.set("logprobs", logprobs(List.of(tokens.get(i)), p.topK(), chat));
            event(c, ch, nl);
            if (reply.isMalformed() && i == 0) c.chunk("data: {\"choices\": [ {\"delta\"" + nl + nl);
            if (reply.streamEvent() != null && i == 0) c.chunk("data: " + reply.streamEvent() + nl + nl);
        }
        if (reply.dropAfter() >= tokens.size()) {
            c.reset();
            return;
        }
        if (!reply.isWithoutEnd()) {
            ObjectNode last = chunk(p, chat);
            ObjectNode choice = (ObjectNode) last.get("choices").get(0);
            if (chat) choice.putObject("delta");
            else choice.put("text", "");
            choice.put("finish_reason", p.finishReason());
            event(c, last, nl);
            if (p.includeUsage()) {
                ObjectNode u = envelope(p, chat);
                u.putArray("choices");
                u.set("usage", usage(p));
                event(c, u, nl);
            }
            c.chunk("data: [DONE]" + nl + nl);
        }
        c.endChunked();
    }

    private static void event(HttpConnection c, ObjectNode data, String nl) throws IOException {
        c.chunk("data: " + M.writeValueAsString(data) + nl + nl);
    }

    private static ObjectNode envelope(Plan p, boolean chat) {
        ObjectNode o = M.createObjectNode();
        o.put("id", "cmpl-scripted");
        o.put("object", chat ? (p.stream() ? "chat.completion.chunk" : "chat.completion") : "text_completion");
        o.put("created", 1_700_000_000L);
        o.put("model", p.model());
        return o;
    }

    private static ObjectNode chunk(Plan p, boolean chat) {
        ObjectNode o = envelope(p, chat);
        o.putArray("choices").addObject().put("index", 0).putNull("finish_reason");
        return o;
    }

    private static ObjectNode usage(Plan p) {
        return M.createObjectNode().put("prompt_tokens", p.promptTokens()).put("completion_tokens", p.completionTokens())
                .put("total_tokens", p.promptTokens() + p.completionTokens());
    }

    /** Chat: {@code {content: [{token, logprob, bytes, top_logprobs}]}}; completions: the legacy parallel arrays. */
    static ObjectNode logprobs(List<ScriptedToken> tokens, int k, boolean chat) {
        ObjectNode lp = M.createObjectNode();
        if (chat) {
            ArrayNode content = lp.putArray("content");
            for (ScriptedToken t : tokens) {
                ObjectNode e = content.addObject().put("token", t.token()).put("logprob", t.logprob());
                ArrayNode bytes = e.putArray("bytes");
                for (byte b : t.token().getBytes(StandardCharsets.UTF_8)) bytes.add(b & 0xff);
                ArrayNode top = e.putArray("top_logprobs");
                t.top().entrySet().stream().limit(k).forEach(a -> top.addObject().put("token", a.getKey()).put("logprob", a.getValue()));
            }
            return lp;
        }
        ArrayNode toks = lp.putArray("tokens");
        ArrayNode lps = lp.putArray("token_logprobs");
        ArrayNode tops = lp.putArray("top_logprobs");
        for (ScriptedToken t : tokens) {
            toks.add(t.token());
            lps.add(t.logprob());
            ObjectNode top = tops.addObject();
            t.top().entrySet().stream().limit(k).forEach(a -> top.put(a.getKey(), a.getValue()));
        }
        return lp;
    }
}
