package dev.arbiter.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token the scripted server generates, with its logprob and the top alternatives it reports (in order; the
 * token itself should usually be among them, as real servers do).
 */
public record ScriptedToken(String token, double logprob, Map<String, Double> top) {
    public ScriptedToken {
        top = top == null ? Map.of() : new LinkedHashMap<>(top);
    }

    public static ScriptedToken of(String token, double logprob) {
        return new ScriptedToken(token, logprob, Map.of(token, logprob));
    }
}
