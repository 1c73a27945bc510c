package dev.arbiter.client;

import dev.arbiter.client.http.HttpTransport;
import dev.arbiter.client.http.StreamingHttp;
import dev.arbiter.client.ollama.OllamaClient;
import dev.arbiter.client.openai.OpenAiClient;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.util.Ticker;


/** Builds the client for an endpoint's protocol. */
public final class ModelClients {
    private ModelClients() {}

    public static ModelClient create(Endpoint endpoint, Ticker ticker) {
        return create(endpoint, ticker, EnvLookup.system(), ErrorMapper.system());
    }

    /**
     * @param env where the API key is read from (tests inject a secret here)
     * @throws InvalidInputException when the endpoint names a key variable that is not set, or holds a key shorter
     *         than {@value RedactingModelClient#MIN_KEY_CHARS} characters
     */
    public static ModelClient create(Endpoint endpoint, Ticker ticker, EnvLookup env, ErrorMapper errors) {
        return create(endpoint, ticker, env, errors, HttpTransport.DEFAULT_MAX_ANSWER_BYTES);
    }

    /**
     * @param maxAnswerBytes cap of one answer (content plus reasoning, UTF-8 bytes), streamed or not: an answer is cut
     *                       there with finish reason "length"
     */
    public static ModelClient create(Endpoint endpoint, Ticker ticker, EnvLookup env, ErrorMapper errors,
                                     long maxAnswerBytes) {
        String key = key(endpoint, env);
        HttpTransport transport = transport(endpoint, ticker, key, errors, maxAnswerBytes);
        ModelClient client = switch (endpoint.api()) {
            case openai -> new OpenAiClient(endpoint, transport);
            case ollama -> new OllamaClient(endpoint, transport);
        };
        return key == null || key.isEmpty() ? client : new RedactingModelClient(client, key);
    }

    /**
     * The HTTP layer the model clients use, for callers that read streams themselves (the serving benchmark): an
     * unbounded keep-alive pool of blocking HTTP/1.1 connections with TCP_NODELAY ({@link StreamingHttp}).
     *
     * @throws InvalidInputException when the endpoint names a key variable that is not set
     */
    public static HttpTransport transport(Endpoint endpoint, Ticker ticker, EnvLookup env, ErrorMapper errors) {
        String key = key(endpoint, env);
        return transport(endpoint, ticker, key, errors, HttpTransport.DEFAULT_MAX_ANSWER_BYTES);
    }

    /**
     * The blocking HTTP/1.1 client, for callers that time streams themselves (the serving benchmark): a POST whose
     * connection drops before the response is a failure, never sent again ({@link StreamingHttp.DroppedPost#FAIL}).
     */
    public static StreamingHttp streaming(Endpoint endpoint, Ticker ticker, EnvLookup env, ErrorMapper errors) {
        String key = key(endpoint, env);
        return new StreamingHttp(endpoint.connectTimeout(), endpoint.requestTimeout(), errors, key, ticker);
    }

    private static String key(Endpoint endpoint, EnvLookup env) {
        String key = endpoint.apiKey(env);
        if (endpoint.apiKeyEnv() != null && key == null) {
            throw new InvalidInputException("endpoint '" + endpoint.name() + "': environment variable "
                    + endpoint.apiKeyEnv() + " (its API key) is not set");
        }
        if (key != null && !key.isEmpty() && key.length() < RedactingModelClient.MIN_KEY_CHARS) {
            throw new InvalidInputException("endpoint '" + endpoint.name() + "': the API key in "
                    + endpoint.apiKeyEnv() + " is " + key.length() + " characters; Arbiter needs at least "
                    + RedactingModelClient.MIN_KEY_CHARS + " to keep it out of logs without altering answers "
                    + "(a shorter string occurs in ordinary text: a key '4' would turn an answer '42' into '"
                    + RedactingModelClient.REDACTED + "2'). Use a longer key on the server");
        }
        return key;
    }

    private static HttpTransport transport(Endpoint endpoint, Ticker ticker, String key, ErrorMapper errors, long maxAnswerBytes) {
        // A POST dropped on a reused connection is sent once more: an eval measures answers, not their timing, and a
        // chat request sent twice costs the server a second answer but changes no score (RetryPolicy would retry the
        // failure anyway, after a back-off and at the cost of an attempt). The bench's client (streaming) never does.
        StreamingHttp http = new StreamingHttp(endpoint.connectTimeout(), endpoint.requestTimeout(), errors, key, ticker,
                false, StreamingHttp.DroppedPost.RESEND);
        return new HttpTransport(http, endpoint.requestTimeout(), maxAnswerBytes);
    }
}
