package dev.arbiter.eval.task.mtbench;

import java.util.List;

/** One MT-Bench question: two user turns in a category (writing, roleplay, reasoning, math, coding, …). */
public record MtBenchQuestion(int id, String category, List<String> turns) {
    public MtBenchQuestion {
        if (category == null || category.isBlank()) throw new IllegalArgumentException("category is required");
        turns = List.copyOf(turns);
        if (turns.size() != 2) throw new IllegalArgumentException("MT-Bench questions have 2 turns, question " + id + " has " + turns.size());
    }
}
