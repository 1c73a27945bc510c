package dev.arbiter.cli;

import dev.arbiter.bench.BenchRecord;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.store.StoredRun;
import dev.arbiter.util.Json;

import java.io.PrintWriter;

/** {@code runs RUN_ID} for a bench run: its stored record, as bench printed it. */
final class BenchRuns {
    private BenchRuns() {}

    static int show(StoredRun run, boolean json, PrintWriter out) {
        if (run.record() == null) {
            throw new InvalidInputException("bench run " + run.runId() + " has no record: it was killed before it ended (status "
                    + run.status() + ")");
        }
        BenchRecord r;
        try {
            r = Json.mapper().readValue(run.record(), BenchRecord.class);
        } catch (java.io.IOException e) {
            throw new InvalidInputException("bench run " + run.runId() + ": cannot read its record: " + e.getMessage());
        }
        if (json) JsonOut.print(out, "bench", r);
        else BenchText.print(out, r);
        return ExitCode.OK;
    }
}
