package dev.arbiter.eval.task.vision;

import java.util.List;
import java.util.Map;

/**
 * One generated question about one generated image, its answer known by construction.
 *
 * @param id        stable for (seed, index): the key for resume and paired comparison
 * @param png       the image, PNG-encoded
 * @param question  what the model is asked
 * @param answers   accepted answers (the first is canonical)
 * @param params    the generator's parameters (kind, values, font, rotation…), kept so a failure can be looked at
 */
public record SynthItem(String id, byte[] png, String question, List<String> answers, Map<String, Object> params) {
    public SynthItem {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("item id is required");
        if (png == null || png.length == 0) throw new IllegalArgumentException("item " + id + " has no image");
        if (question == null || question.isBlank()) throw new IllegalArgumentException("item " + id + " has no question");
        answers = List.copyOf(answers);
        if (answers.isEmpty()) throw new IllegalArgumentException("item " + id + " has no answer");
        params = Map.copyOf(params);
    }
}
