package dev.arbiter.bench;

/**
 * The prompts of a benchmark: conversation {@code i} is a pure function of the workload's seed and {@code i}, so a
 * run is reproducible and every level of a sweep sends the same prompts in the same order.
 */
public interface Workload {
    Conversation conversation(int index);

    /** For the run record, e.g. {@code synthetic input 512 output 128}. */
    String describe();
}
