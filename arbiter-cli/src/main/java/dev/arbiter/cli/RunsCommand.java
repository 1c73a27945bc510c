package dev.arbiter.cli;

import dev.arbiter.compare.MeasuredRuns;
import dev.arbiter.error.InvalidInputException;
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

    /**
     * One line of the list. {@code samples} counts answers stored (sample × epoch), errors included; {@code answered}
     * those that are answers ({@link MeasuredRuns.Progress}: an error is not one), null for a bench run, a run with
     * no final record yet (running or stale: its stored count is its progress) or an unreadable record;
     * {@code planned} those intended. {@code status} as a reader should take it: {@code stale}
     * for a run stored as running that no process writes ({@link RunReader#status(StoredRun)}).
     */
    record Row(String runId, String task, String model, String endpoint, String status, int samples, Integer answered,
               int planned, Double score, Instant startedAt, Instant endedAt) {
        static Row of(StoredRun r, RunReader reader) {
            String status = reader.status(r);
            return new Row(r.runId(), r.task(), r.model(), r.endpoint(), status, r.done(), answered(r, status, reader),
                    r.planned(), r.score(), r.startedAt(), r.endedAt());
        }

        private static Integer answered(StoredRun r, String status, RunReader reader) {
            if (dev.arbiter.evidence.EvidenceStore.TASK.equals(r.task())) return null;  // a bench run's levels, not answers
            // A run without its final record (running, or stale) is counted from what it stored, as it is listed as
            // such: rebuilding its record from every stored answer, at each of the web UI's polls (every 2 s), cost a
            // running 16k eval ~0.5 s of CPU a poll on the cores the run itself needs.
            if (r.record() == null) return null;
            try {
                return reader.record(r).tasks().stream().mapToInt(t -> MeasuredRuns.Progress.of(status, t).answered()).sum();
            } catch (InvalidInputException unreadable) {
                return null;  // `runs RUN_ID` says what is wrong with it; the list still lists the others
            }
        }

        /** "26/40" answers of those planned; a bench run's stored count, as it has no answers. */
        String progress() {
            return (answered == null ? samples : answered) + "/" + planned;
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
                RunReader reader = new RunReader(runs);
                var record = reader.record(runId);
                if (fmt.isJson()) JsonOut.print(out, "run", record);
                else RunText.print(out, record);
                if (RunReader.STALE.equals(reader.status(record))) spec.commandLine().getErr().println("arbiter: " + RunReader.staleAdvice(runId));
                return ExitCode.OK;
            }
            RunReader reader = new RunReader(runs);
            return list(out, runs.runs().stream().map(r -> Row.of(r, reader)).toList());
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
        out.printf(Locale.US, line, "RUN_ID", "TASK", "MODEL", "STATUS", "ANSWERED", "SCORE", "STARTED");
        for (Row r : rows) {
            out.printf(Locale.US, line, r.runId(), r.task(), r.model(), r.status(), r.progress(),
                    Text.num(r.score(), 3), r.startedAt() == null ? "-" : r.startedAt().truncatedTo(ChronoUnit.SECONDS));
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println(rows.size() + " runs in " + store.location() + ". './arbiter runs RUN_ID' for one run's record.");
        for (Row r : rows) if (RunReader.STALE.equals(r.status())) err.println("arbiter: " + RunReader.staleAdvice(r.runId()));
        return ExitCode.OK;
    }
}
