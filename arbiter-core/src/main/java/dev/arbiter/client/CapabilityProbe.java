package dev.arbiter.client;

import dev.arbiter.client.ModelException.Kind;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds what a served model supports by asking: one 1-token chat request and one 1-token completion request, each
 * asking for the top logprob. A request refused as bad is tried again without logprobs, since some servers reject
 * the logprobs parameter rather than ignore it. Failures that say nothing about support (auth, network, 5xx,
 * rate limit) propagate; when neither mode works the chat error propagates.
 */
public final class CapabilityProbe {
    /** Errors meaning "this mode is not offered here". */
    private static final Set<Kind> NOT_OFFERED = EnumSet.of(Kind.NOT_FOUND, Kind.UNSUPPORTED, Kind.BAD_REQUEST, Kind.PROTOCOL);
    private static final GenerationConfig ONE_TOKEN = new GenerationConfig(0.0, null, 1, null, null, 1, null);

    private CapabilityProbe() {}

    private record Outcome(GenerateResponse response, ModelException error) {
        boolean ok() { return response != null; }
        boolean logprobs() { return ok() && !response.logprobs().isEmpty(); }
    }

    public static Capabilities probe(ModelClient client, Supplier<Integer> contextLength, Supplier<String> server) {
        Outcome chat = attempt(client, GenerateRequest.chat(List.of(ChatMessage.user("Reply with OK.")), ONE_TOKEN));
        Outcome completion = attempt(client, GenerateRequest.completion("The capital of France is", ONE_TOKEN));
        if (!chat.ok() && !completion.ok()) throw chat.error();
        String model = chat.ok() ? chat.response().model() : completion.response().model();
        return new Capabilities(chat.ok(), completion.ok(), chat.logprobs() || completion.logprobs(), contextLength.get(),
                model, server.get());
    }

    private static Outcome attempt(ModelClient client, GenerateRequest withLogprobs) {
        try {
            return new Outcome(client.generate(withLogprobs), null);
        } catch (ModelException e) {
            if (!NOT_OFFERED.contains(e.kind())) throw e;
            if (e.kind() != Kind.BAD_REQUEST) return new Outcome(null, e);
        }
        GenerateRequest plain = new GenerateRequest(withLogprobs.messages(), withLogprobs.prompt(),
                withLogprobs.config().withTopLogprobs(null), false);
        try {
            return new Outcome(client.generate(plain), null);
        } catch (ModelException e) {
            if (!NOT_OFFERED.contains(e.kind())) throw e;
            return new Outcome(null, e);
        }
    }
}
