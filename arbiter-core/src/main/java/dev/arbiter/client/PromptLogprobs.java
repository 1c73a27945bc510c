package dev.arbiter.client;

import java.util.ArrayList;
import java.util.List;

/**
 * The log-probabilities of a prompt's own tokens, as a completions server returns them with {@code echo: true}:
 * what lm-eval's loglikelihood requests read. Only the prompt's tokens are kept (the token generated after it is
 * dropped). Invariant: offsets ascend and lie inside the prompt, the first token starts at 0.
 *
 * @param prompt the text that was scored
 * @param tokens its tokens in order
 * @param usage  token counts the server reported
 */
public record PromptLogprobs(String prompt, List<PromptToken> tokens, Usage usage) {
    public PromptLogprobs {
        if (prompt == null) throw new IllegalArgumentException("prompt is required");
        tokens = List.copyOf(tokens);
        usage = usage == null ? Usage.UNKNOWN : usage;
        if (tokens.isEmpty()) throw new IllegalArgumentException("tokens: a scored prompt has at least one token");
        if (tokens.get(0).offset() != 0) throw new IllegalArgumentException("tokens: the first starts at " + tokens.get(0).offset() + ", not 0");
        for (int i = 1; i < tokens.size(); i++) {
            int o = tokens.get(i).offset();
            if (o < tokens.get(i - 1).offset() || o >= prompt.length()) {
                throw new IllegalArgumentException("tokens: offset " + o + " of token " + i + " is out of order or outside the "
                        + prompt.length() + "-char prompt");
            }
        }
    }

    /**
     * The log-likelihood of the prompt's tail from char {@code from} (a continuation after its context): the sum over
     * the tokens that end after {@code from}. lm-eval tokenises context and continuation apart, so its continuation
     * always starts on a token boundary; here the server tokenised the whole text, and {@code aligned} says whether a
     * token starts exactly at {@code from} (false: a token spans the boundary and is counted with the continuation).
     */
    public Continuation continuation(int from) {
        if (from <= 0 || from >= prompt.length()) {
            throw new IllegalArgumentException("continuation start " + from + " must lie inside the " + prompt.length() + "-char prompt");
        }
        List<PromptToken> in = new ArrayList<>();
        boolean aligned = false;
        for (int i = 0; i < tokens.size(); i++) {
            PromptToken t = tokens.get(i);
            int end = i + 1 < tokens.size() ? tokens.get(i + 1).offset() : prompt.length();
            if (end <= from) continue;
            if (t.offset() == from) aligned = true;
            in.add(t);
        }
        double sum = 0;
        for (PromptToken t : in) sum += t.logprob();
        return new Continuation(prompt.substring(from), sum, in, aligned);
    }

    /**
     * @param text    the continuation's text
     * @param logprob the sum of its tokens' logprobs (NaN if any was missing)
     * @param tokens  the tokens summed
     * @param aligned whether the continuation starts on a token boundary
     */
    public record Continuation(String text, double logprob, List<PromptToken> tokens, boolean aligned) {
        public Continuation {
            tokens = List.copyOf(tokens);
        }
    }
}
