package dev.arbiter.report;

import java.util.List;
import java.util.Map;

/**
 * The drill-down of one task: every sample with each run's answer to it, so two models' answers to the same question
 * sit side by side. Texts are cut at the report's --max-chars; the full text stays in the store.
 *
 * @param runs the runs of this task, in report order (the columns)
 */
public record SampleTable(String task, List<String> runs, List<Row> rows) {
    public SampleTable {
        runs = List.copyOf(runs);
        rows = List.copyOf(rows);
    }

    /** @param input the sample's last user turn; @param answers by run id (epoch 0, or the first epoch stored) */
    public record Row(String sampleId, String input, List<String> target, Map<String, Answer> answers) {}

    /**
     * @param epochs  answers this run stored for the sample (one per epoch)
     * @param outcome scored, unscored, truncated, context_overflow or error
     * @param score   null when unscored
     */
    public record Answer(int epochs, String outcome, Double score, String response, String answer, String explanation) {}
}
