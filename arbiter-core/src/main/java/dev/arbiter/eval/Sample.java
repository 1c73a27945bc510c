package dev.arbiter.eval;

import dev.arbiter.client.ChatMessage;

import java.util.List;
import java.util.Map;

/**
 * One dataset item (Inspect's Sample).
 *
 * @param id       stable within the dataset; the key for resume, caching and paired comparison
 * @param input    the conversation to send (a plain-text input becomes one user message)
 * @param target   the reference answer(s); empty when the scorer needs none
 * @param choices  option texts for multiple choice, in order (A, B, …); empty otherwise
 * @param metadata anything the solver or scorer needs (subject, level, test code, …)
 */
public record Sample(String id, List<ChatMessage> input, List<String> target, List<String> choices,
                     Map<String, Object> metadata) {
    public Sample {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("sample id is required");
        input = List.copyOf(input);
        target = target == null ? List.of() : List.copyOf(target);
        choices = choices == null ? List.of() : List.copyOf(choices);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public String firstTarget() { return target.isEmpty() ? "" : target.get(0); }
}
