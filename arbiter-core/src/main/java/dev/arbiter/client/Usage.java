package dev.arbiter.client;

/** Token counts as the server reports them; -1 when the server did not say. */
public record Usage(int promptTokens, int completionTokens) {
    public static final Usage UNKNOWN = new Usage(-1, -1);
}
