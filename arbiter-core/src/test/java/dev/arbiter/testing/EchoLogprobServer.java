package dev.arbiter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Endpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A completions server on 127.0.0.1 that answers {@code echo: true} requests as vLLM does: the prompt's tokens with
 * their logprobs (the first null), {@code text_offset} in code points, then one generated token. Its tokenizer is
 * known to the test: each token is a run of non-space characters with the whitespace before it ("\n\nAnswer:", " A").
 * The logprob of every prompt token is chosen by the test ({@code logprob(promptSoFar, token)}); the generated token
 * gets {@link #GENERATED_LOGPROB}, a value that would change every argmax if a client counted it.
 * {@link Mode#NO_ECHO} answers as a server that ignores echo (llama.cpp, Ollama's /v1): the generated token alone.
 */
public final class EchoLogprobServer implements AutoCloseable {
    public enum Mode { ECHO, NO_ECHO, ECHO_WITHOUT_OFFSETS }

    public static final double GENERATED_LOGPROB = -1000.0;
    private static final ObjectMapper M = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+|\\s+");

    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final Mode mode;
    private final BiFunction<String, String, Double> logprob;

    private EchoLogprobServer(Mode mode, BiFunction<String, String, Double> logprob) throws IOException {
        this.mode = mode;
        this.logprob = logprob;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    /** @param logprob (text before the token, token) → the token's logprob; never asked for the first token */
    public static EchoLogprobServer start(Mode mode, BiFunction<String, String, Double> logprob) {
        try {
            return new EchoLogprobServer(mode, logprob);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            HttpConnection c = new HttpConnection(s);
            HttpConnection.Raw raw;
            while ((raw = c.read()) != null) {
                if (!raw.path().equals("/v1/completions")) {
                    c.respond(404, "application/json", Map.of(), "{\"error\":\"not found\"}");
                    continue;
                }
                JsonNode body = M.readTree(raw.body());
                requests.add(body);
                c.respond(200, "application/json", Map.of(), M.writeValueAsString(answer(body.path("prompt").asText(), mode, logprob)));
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or the test closed the server
        }
    }

    public Endpoint endpoint() {
        return Endpoint.of(URI.create("http://127.0.0.1:" + socket.getLocalPort()), ApiFlavor.openai, "echo-model");
    }

    /** Every request body, in arrival order. */
    public List<JsonNode> requests() { return List.copyOf(requests); }

    /** The test's tokenizer. */
    public static List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static ObjectNode answer(String prompt, Mode mode, BiFunction<String, String, Double> logprob) {
        ObjectNode o = M.createObjectNode().put("object", "text_completion").put("model", "echo-model");
        ObjectNode choice = o.putArray("choices").addObject().put("index", 0).put("finish_reason", "length");
        ObjectNode lp = choice.putObject("logprobs");
        ArrayNode tokens = lp.putArray("tokens");
        ArrayNode lps = lp.putArray("token_logprobs");
        ArrayNode tops = lp.putArray("top_logprobs");
        ArrayNode offsets = mode == Mode.ECHO_WITHOUT_OFFSETS ? M.createArrayNode() : lp.putArray("text_offset");
        List<String> toks = tokenize(prompt);
        String generated = " Z";
        if (mode == Mode.NO_ECHO) {
            choice.put("text", generated);
            tokens.add(generated);
            lps.add(GENERATED_LOGPROB);
            tops.addObject().put(generated, GENERATED_LOGPROB);
            offsets.add(0);
        } else {
            choice.put("text", prompt + generated);
            StringBuilder before = new StringBuilder();
            for (int i = 0; i < toks.size(); i++) {
                String t = toks.get(i);
                tokens.add(t);
                offsets.add(before.codePointCount(0, before.length()));
                if (i == 0) {
                    lps.addNull();
                    tops.addNull();
                } else {
                    double v = logprob.apply(before.toString(), t);
                    lps.add(v);
                    tops.addObject().put(t, v);
                }
                before.append(t);
            }
            tokens.add(generated);
            lps.add(GENERATED_LOGPROB);
            tops.addObject().put(generated, GENERATED_LOGPROB);
            offsets.add(prompt.codePointCount(0, prompt.length()));
        }
        o.putObject("usage").put("prompt_tokens", toks.size()).put("completion_tokens", 1).put("total_tokens", toks.size() + 1);
        return o;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        pool.shutdownNow();
    }
}
