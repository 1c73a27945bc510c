package dev.arbiter.report;

import dev.arbiter.eval.engine.SampleRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The drill-down tables: per task, each sample's answer from every run of that task (texts cut at maxChars). */
final class SampleTables {
    private SampleTables() {}

    static List<SampleTable> of(List<RunsReportBuilder.Read> reads, int maxChars) {
        Map<String, List<RunsReportBuilder.Read>> byTask = new LinkedHashMap<>();
        for (var r : reads) byTask.computeIfAbsent(r.run().task(), k -> new ArrayList<>()).add(r);
        List<SampleTable> out = new ArrayList<>();
        byTask.forEach((task, runs) -> {
            // sample id → run id → that run's answers (all epochs), ids in natural order (g2 before g10)
            Map<String, Map<String, List<SampleRecord>>> bySample = new TreeMap<>(RunReport::compareNatural);
            for (var r : runs) {
                for (SampleRecord s : r.samples()) {
                    bySample.computeIfAbsent(s.sampleId(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(r.run().runId(), k -> new ArrayList<>()).add(s);
                }
            }
            List<SampleTable.Row> rows = new ArrayList<>();
            bySample.forEach((id, answers) -> {
                SampleRecord any = answers.values().iterator().next().get(0);
                Map<String, SampleTable.Answer> byRun = new LinkedHashMap<>();
                answers.forEach((runId, list) -> {
                    SampleRecord s = list.stream().min(Comparator.comparingInt(SampleRecord::epoch)).orElseThrow();
                    String why = s.error() != null ? s.error().message() : s.explanation();
                    byRun.put(runId, new SampleTable.Answer(list.size(), s.outcome().jsonName(), s.score(),
                            RunReport.cut(s.response(), maxChars), RunReport.cut(s.answer(), maxChars), why == null ? null : RunReport.cut(why, maxChars)));
                });
                rows.add(new SampleTable.Row(id, RunReport.cut(RunReport.lastUser(any.input()), maxChars),
                        any.target().stream().map(t -> RunReport.cut(t, maxChars)).toList(), byRun));
            });
            out.add(new SampleTable(task, runs.stream().map(r -> r.run().runId()).toList(), rows));
        });
        return out;
    }
}
