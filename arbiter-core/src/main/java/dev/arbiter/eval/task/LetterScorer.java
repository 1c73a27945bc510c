package dev.arbiter.eval.task;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Multiple choice graded by a benchmark's own letter extraction. No letter found is a wrong answer (score 0, flagged
 * {@code extracted: false}), never unscored: leaving such questions out would raise the accuracy of a model that
 * fails to answer. The sample metadata entries named in {@code groups} are copied into the score for per-group
 * metrics.
 */
public final class LetterScorer implements Scorer {
    private final String name;
    private final Function<String, String> extractor;
    private final List<String> groups;

    public LetterScorer(String name, Function<String, String> extractor, List<String> groups) {
        this.name = name;
        this.extractor = extractor;
        this.groups = List.copyOf(groups);
    }

    @Override
    public String name() { return name; }

    @Override
    public Score score(TaskState state) {
        String target = state.sample().firstTarget();
        Map<String, Object> meta = new HashMap<>();
        for (String g : groups) {
            Object v = state.sample().metadata().get(g);
            if (v != null) meta.put(g, v);
        }
        String letter = extractor.apply(state.completion() == null ? "" : state.completion());
        meta.put("extracted", letter != null);
        if (letter == null) return new Score(0.0, null, "no option letter found in the answer", meta);
        boolean ok = letter.equals(target);
        return new Score(ok ? 1.0 : 0.0, letter, "chose " + letter + ", target " + target, meta);
    }
}
