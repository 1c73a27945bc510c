package dev.arbiter.eval.stats;

import java.util.List;

/**
 * Two stored runs compared on their shared samples.
 *
 * @param notes sentences about the runs themselves (different data, scorer, unfinished run); the comparison's own
 *              warnings are in {@code comparison.warnings()}
 */
public record RunDiff(RunSide a, RunSide b, Comparison comparison, List<String> notes) {
    public RunDiff {
        notes = List.copyOf(notes);
    }
}
