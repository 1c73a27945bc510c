package dev.arbiter.client.openai;

import dev.arbiter.client.ModelException;
import dev.arbiter.client.PromptLogprobs;
import dev.arbiter.client.PromptToken;
import dev.arbiter.client.Usage;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the prompt's own tokens out of an echoed completions answer, or says why it cannot. Token starts come from
 * {@code text_offset} (vLLM, OpenAI's legacy API: code points of the echoed text); without it, from the lengths of the
 * token strings when they spell the prompt. A server that ignored {@code echo} (llama.cpp, Ollama's /v1, a proxy)
 * answers with the generated token alone; that is refused, never scored, since a loglikelihood read from the wrong
 * tokens is a silent chance-level score (ggml-org/llama.cpp#27174).
 */
final class EchoReader {
    private EchoReader() {}

    static PromptLogprobs read(String prompt, EchoBody body, String what) {
        EchoBody.EchoChoice c = body.first();
        if (c == null) throw refused(what, "no choices in the answer");
        EchoBody.EchoLogprobs lp = c.logprobs();
        if (lp == null || lp.tokens() == null || lp.tokenLogprobs() == null || lp.tokens().isEmpty()) {
            throw refused(what, "the answer has no token logprobs");
        }
        if (c.text() == null || !c.text().startsWith(prompt)) {
            throw refused(what, "the answer's text does not begin with the prompt, so the prompt was not echoed");
        }
        int[] starts = starts(prompt, c.text(), lp, what);
        List<PromptToken> kept = new ArrayList<>();
        for (int i = 0; i < starts.length && starts[i] < prompt.length(); i++) {
            Double v = i < lp.tokenLogprobs().size() ? lp.tokenLogprobs().get(i) : null;
            if (v == null && i > 0) throw refused(what, "prompt token " + i + " has no logprob");
            kept.add(new PromptToken(lp.tokens().get(i), starts[i], v == null ? Double.NaN : v));
        }
        if (kept.isEmpty() || kept.get(0).offset() != 0) {
            throw refused(what, "the logprobs cover the generated token only, not the prompt's");
        }
        Usage usage = body.usage() == null ? Usage.UNKNOWN : new Usage(
                body.usage().promptTokens() == null ? -1 : body.usage().promptTokens(),
                body.usage().completionTokens() == null ? -1 : body.usage().completionTokens());
        try {
            return new PromptLogprobs(prompt, kept, usage);
        } catch (IllegalArgumentException e) {
            throw refused(what, e.getMessage());
        }
    }

    /** Each token's start in Java chars of the echoed text. */
    private static int[] starts(String prompt, String text, EchoBody.EchoLogprobs lp, String what) {
        int n = lp.tokens().size();
        int[] out = new int[n];
        if (lp.textOffset() != null && lp.textOffset().size() == n) {
            int points = text.codePointCount(0, text.length());
            for (int i = 0; i < n; i++) {
                Integer cp = lp.textOffset().get(i);
                if (cp == null || cp < 0 || cp > points) throw refused(what, "text_offset " + cp + " of token " + i + " is outside the text");
                out[i] = text.offsetByCodePoints(0, cp);
            }
            return out;
        }
        StringBuilder spelled = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out[i] = spelled.length();
            spelled.append(lp.tokens().get(i) == null ? "" : lp.tokens().get(i));
        }
        if (!spelled.toString().startsWith(prompt)) {
            throw refused(what, "no text_offset, and the tokens do not spell the prompt, so the prompt's tokens cannot be told apart");
        }
        return out;
    }

    private static ModelException refused(String what, String why) {
        return new ModelException(ModelException.Kind.UNSUPPORTED, 0, what + ": the server did not return the prompt's"
                + " logprobs for echo: true (" + why + "); loglikelihood scoring (--harness lm-eval for mmlu) needs a"
                + " completions server that echoes prompt logprobs, such as vLLM", null, null);
    }
}
