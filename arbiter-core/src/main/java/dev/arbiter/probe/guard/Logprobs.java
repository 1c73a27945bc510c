package dev.arbiter.probe.guard;

import dev.arbiter.client.TokenLogprob;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** P(positive class) from the first non-blank generated token's top logprobs, renormalised over the two labels. */
final class Logprobs {
    private Logprobs() {}

    static Double twoWay(List<TokenLogprob> tokens, String positive, String negative) {
        for (TokenLogprob t : tokens) {
            if (t.token().isBlank()) continue;
            Double pos = null;
            Double neg = null;
            Map<String, Double> top = t.top().isEmpty() ? Map.of(t.token(), t.logprob()) : t.top();
            for (Map.Entry<String, Double> e : top.entrySet()) {
                String k = e.getKey().strip().toLowerCase(Locale.ROOT);
                if (k.equals(positive) && (pos == null || e.getValue() > pos)) pos = e.getValue();
                if (k.equals(negative) && (neg == null || e.getValue() > neg)) neg = e.getValue();
            }
            if (pos == null && neg == null) return null;
            double p = pos == null ? 0 : Math.exp(pos);
            double n = neg == null ? 0 : Math.exp(neg);
            if (pos == null) return Math.max(0, 1 - n);
            if (neg == null) return Math.min(1, p);
            return p / (p + n);
        }
        return null;
    }
}
