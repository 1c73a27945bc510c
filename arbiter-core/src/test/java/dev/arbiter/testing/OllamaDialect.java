package dev.arbiter.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes answers the way Ollama's /api/chat and /api/generate do: one JSON object, or NDJSON ending in done:true. */
final class OllamaDialect {
    private static final ObjectMapper M = new ObjectMapper();

    private OllamaDialect() {}

    static void answer(HttpConnection c, Plan p, boolean chat) throws IOException, InterruptedException {
        Reply reply = p.reply();
        if (!p.stream()) {
            if (reply.dropAfter() >= 0) {
                c.reset();
                return;
            }
            Plan.pause(reply.delayMillis());
            if (reply.isMalformed()) {
                c.respond(200, "application/json", Map.of(), "{\"model\":\"x\",\"message\":{");
                return;
            }
            ObjectNode body = line(p, chat, p.text(), reply.reasoningField(), p.tokens());
            done(body, p);
            c.respond(200, "application/json", Map.of(), M.writeValueAsString(body));
            return;
        }
        c.startChunked("application/x-ndjson");
        if (reply.reasoningField() != null) c.chunk(M.writeValueAsString(line(p, chat, "", reply.reasoningField(), List.of())) + "\n");
        List<ScriptedToken> tokens = p.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (reply.dropAfter() == i || !p.beforeChunk()) {
                c.reset();
                return;
            }
            c.chunk(M.writeValueAsString(line(p, chat, tokens.get(i).token(), null, List.of(tokens.get(i)))) + "\n");
            if (reply.isMalformed() && i == 0) c.chunk("{\"model\": \"x\", \"message\": {\n");
            if (reply.streamEvent() != null && i == 0) c.chunk(reply.streamEvent() + "\n");
        }
        if (reply.dropAfter() >= tokens.size()) {
            c.reset();
            return;
        }
        if (!reply.isWithoutEnd()) {
            ObjectNode last = line(p, chat, "", null, List.of());
            done(last, p);
            c.chunk(M.writeValueAsString(last) + "\n");
        }
        c.endChunked();
    }

    private static ObjectNode line(Plan p, boolean chat, String content, String thinking, List<ScriptedToken> tokens) {
        ObjectNode o = M.createObjectNode().put("model", p.model()).put("created_at", "2025-01-01T00:00:00Z");
        if (chat) {
            ObjectNode m = o.putObject("message").put("role", "assistant").put("content", content);
            if (thinking != null) m.put("thinking", thinking);
        } else {
            o.put("response", content);
            if (thinking != null) o.put("thinking", thinking);
        }
        o.put("done", false);
        if (p.topK() != null && !tokens.isEmpty()) {
            ArrayNode lps = o.putArray("logprobs");
            for (ScriptedToken t : tokens) {
                ObjectNode e = lps.addObject().put("token", t.token()).put("logprob", t.logprob());
                ArrayNode top = e.putArray("top_logprobs");
                t.top().entrySet().stream().limit(p.topK()).forEach(a -> top.addObject().put("token", a.getKey()).put("logprob", a.getValue()));
            }
        }
        return o;
    }

    private static void done(ObjectNode o, Plan p) {
        o.put("done", true).put("done_reason", p.finishReason()).put("total_duration", 1_000_000L)
                .put("prompt_eval_count", p.promptTokens()).put("eval_count", p.completionTokens());
    }
}
