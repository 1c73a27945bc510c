package dev.arbiter.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.eval.stats.RunDiff;
import dev.arbiter.probe.ProbeReport;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Several stored runs read together: the document {@code report RUN RUN… --format json} prints, that the HTML page
 * embeds and renders, and that Markdown and CSV are written from. Built only from the stored records
 * ({@link RunsReportBuilder}); every string in it that a model wrote is untrusted and escaped by each renderer.
 *
 * @param generatedAt from the injected clock (tests fix it)
 * @param runs        the runs in the order given, with their manifests
 * @param summary     the decision summary shown first
 * @param comparison  published figure vs measured figure, one line per (run, benchmark) that fills a catalogue column
 * @param radar       Chart.js radar data (labels, one dataset per catalogue model) over the six axes; null when no run
 *                    maps to a catalogue model
 * @param tasks       per task: each run's metrics and its per-subject/category breakdown
 * @param paired      paired comparisons of every two eval runs of the same task (McNemar or paired bootstrap)
 * @param probes      probe runs by category and OWASP id
 * @param bench       bench runs' stored records, as bench printed them
 * @param samples     per task: every sample with each run's answer, for the drill-down
 * @param notes       what could not be read or compared, for people
 */
public record RunsReport(Instant generatedAt, List<ReportRun> runs, DecisionSummary summary,
                         List<MeasuredClaim> comparison, Map<String, Object> radar, List<TaskTable> tasks,
                         List<RunDiff> paired, List<ProbeReport> probes, List<JsonNode> bench, List<SampleTable> samples,
                         List<String> notes) {
    public RunsReport {
        if (generatedAt == null) throw new IllegalArgumentException("generated_at is required");
        if (runs == null || runs.isEmpty()) throw new IllegalArgumentException("a report needs at least one run");
        comparison = List.copyOf(comparison);
        tasks = List.copyOf(tasks);
        paired = List.copyOf(paired);
        probes = List.copyOf(probes);
        bench = List.copyOf(bench);
        samples = List.copyOf(samples);
        notes = List.copyOf(notes);
    }
}
