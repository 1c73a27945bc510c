package dev.arbiter.report;

import dev.arbiter.eval.engine.TaskResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Per-task tables: overall metrics per run, and the {@code group/key} breakdowns side by side. */
final class TaskTables {
    private TaskTables() {}

    static List<TaskTable> of(List<RunsReportBuilder.Read> reads) {
        Map<String, List<TaskTable.Row>> rows = new LinkedHashMap<>();
        Map<String, Map<String, Map<String, ReportMetric>>> groups = new LinkedHashMap<>();  // task → "group/key" → run → metric
        for (var r : reads) {
            for (TaskResult t : r.record().tasks()) {
                Map<String, ReportMetric> overall = new LinkedHashMap<>();
                for (var e : t.metrics().entrySet()) {
                    int slash = e.getKey().indexOf('/');
                    ReportMetric m = ReportMetric.of(e.getKey(), e.getValue());
                    if (slash < 0) overall.put(e.getKey(), m);
                    else groups.computeIfAbsent(t.task(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).put(r.run().runId(), m);
                }
                rows.computeIfAbsent(t.task(), k -> new ArrayList<>()).add(new TaskTable.Row(r.run().runId(), r.run().model(),
                        r.run().status(), t.planned(), t.scored(), t.unscored(), t.errors(), t.missing(), overall));
            }
        }
        List<TaskTable> out = new ArrayList<>();
        rows.forEach((task, list) -> {
            List<TaskTable.Group> breakdowns = new ArrayList<>();
            List<String> names = new ArrayList<>(groups.getOrDefault(task, Map.of()).keySet());
            names.sort(RunReport::compareNatural);
            for (String name : names) {
                int slash = name.indexOf('/');
                breakdowns.add(new TaskTable.Group(name.substring(0, slash), name.substring(slash + 1), groups.get(task).get(name)));
            }
            out.add(new TaskTable(task, list, breakdowns));
        });
        return out;
    }
}
