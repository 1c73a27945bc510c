package dev.arbiter.bench;

import dev.arbiter.client.ImagePart;

import java.util.List;

/**
 * One user message of a benchmark conversation.
 *
 * @param user         the message text
 * @param inputTokens  estimated tokens of this message's text (words for synthetic prompts, chars ÷ 4 for files),
 *                     ≥ 1; images are not counted (their token cost depends on the model's vision encoder)
 * @param outputTokens tokens to ask for ({@code max_tokens}; also forced as the minimum when the server allows)
 * @param images       images sent with the text (OpenAI {@code image_url} parts, Ollama {@code images}); may be empty
 */
public record Turn(String user, int inputTokens, int outputTokens, List<ImagePart> images) {
    public Turn {
        if (user == null || user.isEmpty()) throw new IllegalArgumentException("a turn needs user text");
        if (inputTokens < 1) throw new IllegalArgumentException("input_tokens must be >= 1, got " + inputTokens);
        if (outputTokens < 1) throw new IllegalArgumentException("output_tokens must be >= 1, got " + outputTokens);
        images = images == null ? List.of() : List.copyOf(images);
        for (ImagePart p : images) {
            if (p.data() == null) throw new IllegalArgumentException("a benchmark image needs its bytes, got only " + p.sha256());
        }
    }

    /** A text-only turn. */
    public Turn(String user, int inputTokens, int outputTokens) {
        this(user, inputTokens, outputTokens, List.of());
    }

    /** This turn with {@code more} images after its own. */
    Turn withImages(List<ImagePart> more) {
        if (more.isEmpty()) return this;
        List<ImagePart> all = new java.util.ArrayList<>(images);
        all.addAll(more);
        return new Turn(user, inputTokens, outputTokens, all);
    }
}
