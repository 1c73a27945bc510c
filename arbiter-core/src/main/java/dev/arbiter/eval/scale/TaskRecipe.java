package dev.arbiter.eval.scale;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a shard run's task was built from: the task name as given to {@code --task} and the parameters the command
 * line passed to its factory (the engine's {@code TaskParams}, as plain values). Recorded in a shard's manifest
 * ({@code scale.task}) so that {@code merge} builds the same task again and computes the task's own metrics (per-turn,
 * per-subject, instruction-level, …) over all the shards' answers, exactly as an unsharded run does. Holds no secret:
 * API keys never reach a task factory.
 *
 * @param name     the {@code --task} name
 * @param data     absolute path of {@code --data}; null for the task's own (cached or downloaded) data
 * @param subjects {@code --subject} filters; empty for all
 * @param options  {@code --option}s and the settings the command line folds into them (harness, system, scorer.*,
 *                 field.*, epochs)
 */
public record TaskRecipe(String name, String data, Integer limit, Long seed, Integer shots, String scorer,
                         List<String> subjects, String language, Map<String, String> options) {
    public TaskRecipe {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("task name is required");
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /**
     * Options the command line folds in from flags the manifest records elsewhere: {@code --harness} and
     * {@code --system} in the setting, {@code --epochs} in the run itself.
     */
    public static final Set<String> RECORDED_ELSEWHERE = Set.of("harness", "system", "epochs");

    /**
     * The options that decide what the task asks and how it grades beyond the flags recorded elsewhere: the
     * {@code --option}s, {@code --scorer-option}s ({@code scorer.KEY}), {@code --field}s ({@code field.FIELD}),
     * {@code skip_invalid}. Empty for a run given none, whose settings key is then the one earlier versions stored.
     */
    public Map<String, String> askingOptions() {
        Map<String, String> out = new LinkedHashMap<>(options);
        out.keySet().removeAll(RECORDED_ELSEWHERE);
        return out;
    }

    /**
     * This recipe without its data path: what shards of one evaluation must agree on (pods may mount one dataset at
     * different paths; the dataset digest compares its content).
     */
    public TaskRecipe withoutData() {
        return new TaskRecipe(name, null, limit, seed, shots, scorer, subjects, language, options);
    }
}
