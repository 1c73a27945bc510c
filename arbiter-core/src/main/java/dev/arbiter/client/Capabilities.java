package dev.arbiter.client;

/**
 * What a served model supports, found by probing before a run.
 *
 * @param contextLength context size the server reports, or null when it does not say
 */
public record Capabilities(boolean chat, boolean completions, boolean logprobs, Integer contextLength, String serverModel,
                           String server) {}
