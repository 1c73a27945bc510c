package dev.arbiter.eval.engine;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Capabilities;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.Sample;

import java.util.List;

/**
 * The context window a run asks of Ollama ({@code options.num_ctx}), which otherwise serves a default (4096 tokens
 * below 24 GiB of VRAM) whatever the model was trained for and cuts longer prompts silently: {@code --context} when
 * given, else the task's need, never more than the model's trained length. Other servers fix their context at
 * launch, so nothing is sent to them.
 */
final class ContextWindow {
    /** Characters per token assumed for the need: generous (English averages about 4), so the window is not short. */
    static final int CHARS_PER_TOKEN = 3;
    /** Smallest window asked for, in tokens: below this a reload costs more than it saves. */
    static final int MIN_TOKENS = 2048;
    /** Answer budget assumed when the task sets no max_tokens, in tokens. */
    static final int DEFAULT_ANSWER_TOKENS = 1024;

    private ContextWindow() {}

    /** num_ctx to send, in tokens, or null when the endpoint is not Ollama. */
    static Integer numCtx(ApiFlavor api, Integer requested, List<Sample> samples, GenerationConfig g, Capabilities server) {
        if (api != ApiFlavor.ollama) return null;
        int want = requested != null ? requested : need(samples, g);
        Integer trained = server == null ? null : server.trainedContextLength();
        return trained != null && trained > 0 ? Math.min(want, trained) : want;
    }

    /** The longest prompt's estimated tokens plus the answer budget, rounded up to a multiple of 1024, at least 2048. */
    static int need(List<Sample> samples, GenerationConfig g) {
        long chars = 0;
        for (Sample s : samples) {
            long c = 0;
            for (ChatMessage m : s.input()) c += m.content() == null ? 0 : m.content().length();
            chars = Math.max(chars, c);
        }
        long tokens = (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN
                + (g.maxTokens() == null ? DEFAULT_ANSWER_TOKENS : g.maxTokens());
        long rounded = (tokens + 1023) / 1024 * 1024;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(MIN_TOKENS, rounded));
    }
}
