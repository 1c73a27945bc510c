package dev.arbiter.bench;

/** TTFT of the k-th turn of the conversations: with history resent, later turns show the prefix cache at work. */
public record TurnStats(int turn, int completed, Distribution ttftMs, Double meanPromptTokens) {}
