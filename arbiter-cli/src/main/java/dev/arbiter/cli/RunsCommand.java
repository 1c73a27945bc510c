package dev.arbiter.cli;

import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "runs", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "List stored evaluation runs, or show one run's record.",
        footer = {"", "Examples:",
                "  ./arbiter runs",
                "  ./arbiter runs --format json",
                "  ./arbiter runs 20250301-142233-7f3a9c --format json"})
final class RunsCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @Mixin StoreMixin store;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID", description = "Show this run's record instead of the list.")
    String runId;

    /** One line of the list. {@code samples} counts answers stored (sample × epoch), {@code planned} those intended. */
    record Row(String runId, String task, String model, String endpoint, String status, int samples, int planned,
               Double score, Instant startedAt, Instant endedAt) {
        static Row of(StoredRun r) {
            return new Row(r.runId(), r.task(), r.model(), r.endpoint(), r.status(), r.done(), r.planned(), r.score(),
                    r.startedAt(), r.endedAt());
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (runId == null && !store.explicit() && !store.exists()) {
            // A fresh machine: no store yet is zero runs, not an error (an explicit --store that is missing still is).
            return list(out, List.of());
        }
        try (RunStore runs = store.openExisting()) {
            if (runId != null) {
                var stored = runs.run(runId).orElse(null);
                if (stored != null && dev.arbiter.evidence.EvidenceStore.TASK.equals(stored.task())) {
                    return BenchRuns.show(stored, fmt.isJson(), out);
                }
                var record = new RunReader(runs).record(runId);
                if (fmt.isJson()) JsonOut.print(out, "run", record);
                else RunText.print(out, record);
                return ExitCode.OK;
            }
            return list(out, runs.runs().stream().map(Row::of).toList());
        }
    }

    private int list(PrintWriter out, List<Row> rows) {
        if (fmt.isJson()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("store", store.location());
            body.put("runs", rows);
            JsonOut.print(out, "runs", body);
            return ExitCode.OK;
        }
        int taskWidth = Math.max(12, rows.stream().mapToInt(r -> r.task().length()).max().orElse(0));
        int modelWidth = Math.max(24, rows.stream().mapToInt(r -> String.valueOf(r.model()).length()).max().orElse(0));
        String line = "%-24s %-" + taskWidth + "s %-" + modelWidth + "s %-11s %-11s %-7s %s%n";
        out.printf(Locale.US, line, "RUN_ID", "TASK", "MODEL", "STATUS", "SAMPLES", "SCORE", "STARTED");
        for (Row r : rows) {
            out.printf(Locale.US, line, r.runId(), r.task(), r.model(), r.status(), r.samples() + "/" + r.planned(),
                    Text.num(r.score(), 3), r.startedAt() == null ? "-" : r.startedAt().truncatedTo(ChronoUnit.SECONDS));
        }
        spec.commandLine().getErr().println(rows.size() + " runs in " + store.location()
                + ". './arbiter runs RUN_ID' for one run's record.");
        return ExitCode.OK;
    }
}
