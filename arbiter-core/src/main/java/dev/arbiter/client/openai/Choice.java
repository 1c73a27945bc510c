package dev.arbiter.client.openai;

/** {@code choices[i]}: {@code message} (chat), {@code delta} (chat stream) or {@code text} (completions). */
record Choice(Integer index, WireMessage message, WireMessage delta, String text, String finishReason,
              WireLogprobs logprobs) {
    String contentText() {
        if (message != null) return message.content();
        if (delta != null) return delta.content();
        return text;
    }

    String reasoningText() {
        if (message != null) return message.reasoningText();
        if (delta != null) return delta.reasoningText();
        return null;
    }
}
