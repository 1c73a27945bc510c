package dev.arbiter.catalog;

/** Which serving stacks run the model (as of the catalogue's last review), with a source. */
public record Serving(boolean vllm, boolean tgi, boolean ollama, boolean llamaCpp, String note) {}
