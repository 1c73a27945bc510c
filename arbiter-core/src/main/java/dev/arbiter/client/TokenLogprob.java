package dev.arbiter.client;

import java.util.Map;

/** A generated token's log-probability (natural log) and its top alternatives (token → logprob). */
public record TokenLogprob(String token, double logprob, Map<String, Double> top) {
    public TokenLogprob {
        top = top == null ? Map.of() : Map.copyOf(top);
    }
}
