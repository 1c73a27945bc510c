package dev.arbiter.client.openai;

import dev.arbiter.client.TokenLogprob;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code choices[].logprobs} in either shape: chat-style {@code content} (also what llama.cpp returns from
 * /v1/completions), or the legacy completions arrays {@code tokens}, {@code token_logprobs}, {@code top_logprobs}.
 */
record WireLogprobs(List<WireToken> content, List<String> tokens, List<Double> tokenLogprobs,
                    List<Map<String, Double>> topLogprobs) {

    /** As TokenLogprobs; a missing logprob is NaN, and when two alternatives decode to the same text the higher wins. */
    List<TokenLogprob> toTokens() {
        List<TokenLogprob> out = new ArrayList<>();
        if (content != null) {
            for (WireToken t : content) {
                Map<String, Double> top = new HashMap<>();
                if (t.topLogprobs() != null) {
                    for (WireToken alt : t.topLogprobs()) {
                        if (alt.token() != null && alt.logprob() != null) top.merge(alt.token(), alt.logprob(), Math::max);
                    }
                }
                out.add(new TokenLogprob(t.token() == null ? "" : t.token(), value(t.logprob()), top));
            }
            return out;
        }
        if (tokens == null) return out;
        for (int i = 0; i < tokens.size(); i++) {
            Double lp = tokenLogprobs != null && i < tokenLogprobs.size() ? tokenLogprobs.get(i) : null;
            Map<String, Double> top = new HashMap<>();
            if (topLogprobs != null && i < topLogprobs.size() && topLogprobs.get(i) != null) {
                topLogprobs.get(i).forEach((k, v) -> { if (k != null && v != null) top.merge(k, v, Math::max); });
            }
            out.add(new TokenLogprob(tokens.get(i), value(lp), top));
        }
        return out;
    }

    private static double value(Double d) {
        return d == null ? Double.NaN : d;
    }
}
