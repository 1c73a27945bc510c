package dev.arbiter.client;

import dev.arbiter.client.ModelException.Kind;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a served model supports by asking: one 1-token chat request and one 1-token completion request, each
 * asking for {@value #PROBE_TOP_LOGPROBS} top logprobs (the most any task asks for, and OpenAI's maximum). A request
 * refused with the server's own limit in its message (TGI: "`top_n_tokens` must be >= 0 and <= 5") is asked again at
 * that limit, which the run then keeps to; one refused otherwise is tried without logprobs, since some servers
 * reject the parameter rather than ignore it. Failures that say nothing about support (auth, network, 5xx, rate
 * limit) propagate; when neither mode works the chat error propagates.
 */
public final class CapabilityProbe {
    /** The most top logprobs a task asks for (MMLU's logprob scorer); OpenAI's API caps top_logprobs at 20 too. */
    public static final int PROBE_TOP_LOGPROBS = 20;
    /** Errors meaning "this mode is not offered here". */
    private static final Set<Kind> NOT_OFFERED = EnumSet.of(Kind.NOT_FOUND, Kind.UNSUPPORTED, Kind.BAD_REQUEST, Kind.PROTOCOL);
    private static final GenerationConfig ONE_TOKEN = new GenerationConfig(0.0, null, 1, null, null, PROBE_TOP_LOGPROBS, null);
    /**
     * A top-logprobs limit stated in a refusal: TGI "`top_n_tokens` must be >= 0 and <= 5", vLLM "… top logprobs … must
     * be less than or equal to 20" / "maximum allowed value of 20", OpenAI "top_logprobs … at most 20".
     */
    private static final Pattern LIMIT = Pattern.compile(
            "(?is)(?:top_n_tokens|top_logprobs|top logprobs|logprobs)\\W.{0,80}?(?:<=|less than or equal to|maximum allowed value of|at most|must be between 0 and)\\s*(\\d{1,3})");

    private CapabilityProbe() {}

    private record Outcome(GenerateResponse response, ModelException error, Integer topLogprobs) {
        boolean ok() { return response != null; }
        boolean logprobs() { return ok() && !response.logprobs().isEmpty(); }
    }

    /**
     * The server's name ({@code server}, a few GETs of discovery routes) is asked on its own thread while the two
     * requests and the context length are asked on this one: it was 0.4 s of an eval's start, alone on the critical
     * path. An interrupt of this thread while it waits for the name ends the probe with a {@link CancellationException}.
     */
    public static Capabilities probe(ModelClient client, Supplier<Integer> contextLength, Supplier<String> server) {
        FutureTask<String> name = new FutureTask<>(server::get);
        Thread t = new Thread(name, "arbiter-probe-server");
        t.setDaemon(true);
        t.start();
        try {
            Outcome chat = attempt(client, GenerateRequest.chat(List.of(ChatMessage.user("Reply with OK.")), ONE_TOKEN));
            Outcome completion = attempt(client, GenerateRequest.completion("The capital of France is", ONE_TOKEN));
            if (!chat.ok() && !completion.ok()) throw chat.error();
            String model = chat.ok() ? chat.response().model() : completion.response().model();
            Integer max = null;
            for (Outcome o : List.of(chat, completion)) {
                if (o.logprobs() && (max == null || o.topLogprobs() > max)) max = o.topLogprobs();
            }
            return new Capabilities(chat.ok(), completion.ok(), chat.logprobs() || completion.logprobs(), contextLength.get(),
                    model, join(name), max, null);
        } finally {
            name.cancel(true); // a no-op once done; else (the probe failed) the lookup is not waited for
        }
    }

    private static String join(FutureTask<String> name) {
        try {
            return name.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while asking the server's name");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The top-logprobs limit a refusal states, or null when it states none. */
    static Integer statedLimit(String message) {
        if (message == null) return null;
        Matcher m = LIMIT.matcher(message);
        if (!m.find()) return null;
        int n = Integer.parseInt(m.group(1));
        return n >= 1 && n < PROBE_TOP_LOGPROBS ? n : null;
    }

    private static Outcome attempt(ModelClient client, GenerateRequest withLogprobs) {
        ModelException refused;
        try {
            return new Outcome(client.generate(withLogprobs), null, withLogprobs.config().topLogprobs());
        } catch (ModelException e) {
            if (!NOT_OFFERED.contains(e.kind())) throw e;
            if (e.kind() != Kind.BAD_REQUEST) return new Outcome(null, e, null);
            refused = e;
        }
        Integer limit = statedLimit(refused.getMessage());
        if (limit != null) {
            try {
                return new Outcome(client.generate(with(withLogprobs, limit)), null, limit);
            } catch (ModelException e) {
                if (!NOT_OFFERED.contains(e.kind())) throw e;
                if (e.kind() != Kind.BAD_REQUEST) return new Outcome(null, e, null);
            }
        }
        try {
            return new Outcome(client.generate(with(withLogprobs, null)), null, null);
        } catch (ModelException e) {
            if (!NOT_OFFERED.contains(e.kind())) throw e;
            return new Outcome(null, e, null);
        }
    }

    private static GenerateRequest with(GenerateRequest r, Integer topLogprobs) {
        return new GenerateRequest(r.messages(), r.prompt(), r.config().withTopLogprobs(topLogprobs), false);
    }
}
