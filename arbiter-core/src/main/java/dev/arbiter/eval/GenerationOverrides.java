package dev.arbiter.eval;

import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Generation settings given on the command line ({@code --max-tokens --temperature --top-p --stop}); each non-null
 * field replaces the task's (or its harness profile's) value in every request the task sends, as Inspect's and
 * lm-eval's generation flags do. An empty stop list is "none given", not "no stops".
 *
 * @param maxTokens   tokens the model may generate per request, > 0
 * @param temperature >= 0
 * @param topP        in (0, 1]
 * @param stop        stop sequences, each non-empty; null or empty when not given
 */
public record GenerationOverrides(Integer maxTokens, Double temperature, Double topP, List<String> stop) {
    public static final GenerationOverrides NONE = new GenerationOverrides(null, null, null, null);

    public GenerationOverrides {
        if (maxTokens != null && maxTokens <= 0) throw new InvalidInputException("--max-tokens must be > 0, got " + maxTokens);
        if (temperature != null && !(temperature >= 0)) throw new InvalidInputException("--temperature must be >= 0, got " + temperature);
        if (topP != null && !(topP > 0 && topP <= 1)) throw new InvalidInputException("--top-p must be in (0, 1], got " + topP);
        stop = stop == null || stop.isEmpty() ? null : List.copyOf(stop);
        if (stop != null) {
            for (String s : stop) if (s.isEmpty()) throw new InvalidInputException("--stop must not be empty");
        }
    }

    public boolean isEmpty() { return maxTokens == null && temperature == null && topP == null && stop == null; }

    /** The request settings with each given flag in place of the task's value. */
    public GenerationConfig apply(GenerationConfig c) {
        GenerationConfig base = c == null ? GenerationConfig.DEFAULT : c;
        return new GenerationConfig(temperature != null ? temperature : base.temperature(), topP != null ? topP : base.topP(),
                maxTokens != null ? maxTokens : base.maxTokens(), base.seed(), stop != null ? stop : base.stop(),
                base.topLogprobs(), base.numCtx());
    }

    /** The snake_case names of the settings given, for the manifest ("max_tokens", "temperature", "top_p", "stop"). */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        if (maxTokens != null) out.add("max_tokens");
        if (temperature != null) out.add("temperature");
        if (topP != null) out.add("top_p");
        if (stop != null) out.add("stop");
        return out;
    }
}
