package dev.arbiter.eval.store;

import dev.arbiter.error.InvalidInputException;

/**
 * Copies a run — its row and every answer, as stored — from one store into another, so runs written to separate
 * stores (one SQLite file per pod on a results volume) can be merged and compared in one. A run already in the
 * target is left as it is when it holds the same answers, and refused when it differs.
 */
public final class RunTransfer {
    private RunTransfer() {}

    /** @return true when the run was copied, false when the target already held it */
    public static boolean copy(RunStore from, RunStore to, String runId) {
        StoredRun run = from.run(runId).orElseThrow(() -> new InvalidInputException(
                "no run " + runId + " in " + from.location() + " (see ./arbiter runs --store " + from.location() + ")"));
        var existing = to.run(runId);
        if (existing.isPresent()) {
            if (existing.get().done() != run.done() || !existing.get().status().equals(run.status())) {
                throw new InvalidInputException("run " + runId + " is in " + to.location() + " and in " + from.location()
                        + " with other answers (" + existing.get().done() + " vs " + run.done() + ", " + existing.get().status()
                        + " vs " + run.status() + "); merge from one of them");
            }
            return false;
        }
        to.insertRun(run);
        for (StoredSample s : from.samples(runId)) to.putSample(s);
        return true;
    }
}
