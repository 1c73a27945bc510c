package dev.arbiter.report;

import java.util.List;
import java.util.Map;

/**
 * One task across the report's runs: each run's counts and overall metrics, and the breakdowns the task recorded
 * (metric names {@code group/key}, e.g. {@code subject/anatomy}, {@code category/coding}, {@code level/5}).
 */
public record TaskTable(String task, List<Row> rows, List<Group> breakdowns) {
    public TaskTable {
        rows = List.copyOf(rows);
        breakdowns = List.copyOf(breakdowns);
    }

    /** @param metrics the overall metrics (names without a '/'), in the task's order */
    public record Row(String runId, String model, String status, int planned, int scored, int unscored, int errors,
                      int missing, Map<String, ReportMetric> metrics) {}

    /** One breakdown line: {@code group/key} for every run that has it, by run id. */
    public record Group(String group, String key, Map<String, ReportMetric> byRun) {}
}
