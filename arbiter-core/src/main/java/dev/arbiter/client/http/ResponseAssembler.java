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
 * nanoseconds since {@code sentNanos}. The answer (content plus reasoning) is bounded: text beyond
 * {@code maxAnswerBytes} (UTF-8) is dropped at a character boundary and the answer ends with finish reason
 * {@value #CAPPED_FINISH}, as if the server had stopped at its length limit; a streaming client stops reading once
 * {@link #full()}.
 */
public final class ResponseAssembler {
    private final Ticker ticker;
    private final long sentNanos;
    private final boolean streaming;
    private final long maxAnswerBytes;
    private long answerBytes;
    private boolean full;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoningField = new StringBuilder();
    private final List<TokenLogprob> logprobs = new ArrayList<>();
    private final List<Long> tokenNanos = new ArrayList<>();
    private String finishReason;
    private Integer promptTokens;
    private Integer completionTokens;
    private String model;

    /** The finish reason of an answer cut at the size cap: the one servers use for their own length limit. */
    public static final String CAPPED_FINISH = "length";

    public ResponseAssembler(Ticker ticker, long sentNanos, boolean streaming) {
        this(ticker, sentNanos, streaming, HttpTransport.DEFAULT_MAX_ANSWER_BYTES);
    }

    public ResponseAssembler(Ticker ticker, long sentNanos, boolean streaming, long maxAnswerBytes) {
        this.ticker = ticker;
        this.sentNanos = sentNanos;
        this.streaming = streaming;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /** True once the answer reached its size cap: nothing more is kept, and a stream need not be read further. */
    public boolean full() { return full; }

    /** Generated text of one chunk (or of the whole body); either may be null. */
    public void text(String content, String reasoning) {
        content = fit(content);
        reasoning = fit(reasoning);
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
        if (reason != null && !full) finishReason = reason;
    }

    /** The part of {@code s} that still fits under the cap; marks the answer full when something is cut. */
    private String fit(String s) {
        if (s == null || s.isEmpty()) return s;
        if (full) return "";
        long room = maxAnswerBytes - answerBytes;
        if (3L * s.length() <= room) {
            answerBytes += utf8Length(s); // fits whatever it holds: a char is at most 3 UTF-8 bytes, a surrogate pair 4
            return s;
        }
        int end = 0;
        long used = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int bytes = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (used + bytes > room) break;
            used += bytes;
            end += Character.charCount(cp);
        }
        answerBytes += used;
        if (end < s.length()) {
            full = true;
            finishReason = CAPPED_FINISH;
            return s.substring(0, end);
        }
        return s;
    }

    /** UTF-8 length of {@code s}, as the code-point loop of {@link #fit} counts it (a lone surrogate: 3 bytes). */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
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
