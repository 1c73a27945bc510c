package dev.arbiter.probe.guard;

import dev.arbiter.client.TokenLogprob;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** P(positive class) from the first non-blank generated token's top logprobs, renormalised over the two labels. */
final class Logprobs {
    private Logprobs() {}

    /**
     * Each label's probability is the sum over the top-k tokens that are that label once trimmed and lower-cased
     * ("unsafe", " unsafe", "Unsafe" are three tokens of one answer); a label absent from the top-k counts 0. The rest
     * of the mass ("\n", "The"…) is neither label, so it is left out by renormalising over the two, not counted as
     * the other label. Null (unreadable) when neither label is in the top-k.
     */
    static Double twoWay(List<TokenLogprob> tokens, String positive, String negative) {
        for (TokenLogprob t : tokens) {
            if (t.token().isBlank()) continue;
            double pos = 0;
            double neg = 0;
            Map<String, Double> top = t.top().isEmpty() ? Map.of(t.token(), t.logprob()) : t.top();
            for (Map.Entry<String, Double> e : top.entrySet()) {
                if (Double.isNaN(e.getValue())) continue; // a server that gave no number for it
                String k = e.getKey().strip().toLowerCase(Locale.ROOT);
                if (k.equals(positive)) pos += Math.exp(e.getValue());
                else if (k.equals(negative)) neg += Math.exp(e.getValue());
            }
            if (!(pos + neg > 0)) return null;
            return pos / (pos + neg);
        }
        return null;
    }
}
