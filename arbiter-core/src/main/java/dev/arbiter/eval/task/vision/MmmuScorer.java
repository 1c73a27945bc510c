package dev.arbiter.eval.task.vision;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Grades an MMMU answer as the authors' script does ({@link MmmuAnswers}): a multiple-choice answer by the letter it
 * picks (a random letter when it points at none — the authors' rule, seeded here by the sample id and reported as
 * {@code random_pick}), an open answer by its parsed predictions against the accepted answers. The sample's subject,
 * discipline and question type go into the score so the per-group accuracies need nothing else.
 */
final class MmmuScorer implements Scorer {
    @Override
    public String name() { return "mmmu"; }

    @Override
    public Score score(TaskState state) {
        var sample = state.sample();
        String completion = state.completion() == null ? "" : state.completion();
        Map<String, Object> meta = new HashMap<>();
        for (String key : List.of("subject", "discipline", "question_type")) {
            Object v = sample.metadata().get(key);
            if (v != null) meta.put(key, v);
        }
        if ("multiple-choice".equals(sample.metadata().get("question_type"))) {
            MmmuAnswers.Choice c = MmmuAnswers.multipleChoice(completion, sample.choices(), sample.id());
            boolean ok = c.letter() != null && sample.target().contains(c.letter());
            meta.put("random_pick", c.random());
            return new Score(ok ? 1.0 : 0.0, c.letter(), (c.random() ? "no option named; random pick " : "picked ")
                    + c.letter() + (ok ? " = " : " ≠ ") + sample.firstTarget(), meta);
        }
        Set<Object> predictions = MmmuAnswers.open(completion);
        boolean ok = MmmuAnswers.openMatches(sample.target(), predictions);
        return new Score(ok ? 1.0 : 0.0, predictions.toString(), (ok ? "matches " : "does not match ") + sample.target(), meta);
    }
}
