package dev.arbiter.client.http;

import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.ThinkSplitter;
import dev.arbiter.client.Timing;
import dev.arbiter.client.TokenLogprob;
import dev.arbiter.client.Usage;
import dev.arbiter.util.Ticker;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds one {@link GenerateResponse} from a whole body or from stream chunks. Reads the ticker exactly once per
 * streamed chunk that carries generated text (content or reasoning) and once in {@link #build()}; times are
 * nanoseconds since {@code sentNanos}.
 */
public final class ResponseAssembler {
    private final Ticker ticker;
    private final long sentNanos;
    private final boolean streaming;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoningField = new StringBuilder();
    private final List<TokenLogprob> logprobs = new ArrayList<>();
    private final List<Long> tokenNanos = new ArrayList<>();
    private String finishReason;
    private Integer promptTokens;
    private Integer completionTokens;
    private String model;

    public ResponseAssembler(Ticker ticker, long sentNanos, boolean streaming) {
        this.ticker = ticker;
        this.sentNanos = sentNanos;
        this.streaming = streaming;
    }

    /** Generated text of one chunk (or of the whole body); either may be null. */
    public void text(String content, String reasoning) {
        boolean any = false;
        if (content != null && !content.isEmpty()) {
            text.append(content);
            any = true;
        }
        if (reasoning != null && !reasoning.isEmpty()) {
            reasoningField.append(reasoning);
            any = true;
        }
        if (any && streaming) tokenNanos.add(ticker.nanos() - sentNanos);
    }

    public void logprobs(List<TokenLogprob> more) {
        if (more != null) logprobs.addAll(more);
    }

    public void finish(String reason) {
        if (reason != null) finishReason = reason;
    }

    public boolean finished() { return finishReason != null; }

    public void usage(Integer prompt, Integer completion) {
        if (prompt != null) promptTokens = prompt;
        if (completion != null) completionTokens = completion;
    }

    public void model(String m) {
        if (m != null && !m.isEmpty()) model = m;
    }

    public GenerateResponse build() {
        long total = ticker.nanos() - sentNanos;
        ThinkSplitter.Split split = ThinkSplitter.split(text.toString());
        String reasoning = join(reasoningField.isEmpty() ? null : reasoningField.toString().strip(), split.reasoning());
        long first = streaming && !tokenNanos.isEmpty() ? tokenNanos.get(0) : total;
        Usage usage = new Usage(promptTokens == null ? -1 : promptTokens, completionTokens == null ? -1 : completionTokens);
        return new GenerateResponse(split.content(), reasoning, finishReason, usage, logprobs,
                new Timing(first, total, streaming ? tokenNanos : List.of()), model);
    }

    private static String join(String a, String b) {
        if (a == null || a.isEmpty()) return b;
        if (b == null) return a;
        return a + "\n" + b;
    }
}
