package dev.arbiter.client.openai;

/** {@code stream_options}: ask for a final usage chunk when streaming. */
record StreamOptions(boolean includeUsage) {}
