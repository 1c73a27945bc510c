package dev.arbiter.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.cost.BatchPoint;
import dev.arbiter.cost.BatchedThroughput;
import dev.arbiter.cost.ThroughputEstimate;
import dev.arbiter.cost.Workload;
import dev.arbiter.fit.FitRequest;
import dev.arbiter.fit.FitResult;
import dev.arbiter.util.Json;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/** fit's batched decode: aggregate tokens/s at batch 1, 8, 32, 64 and the largest batch, every sequence holding the fit's context. */
final class FitBatched {
    private FitBatched() {}

    /** The batch table when the model fits resident with a known speed; empty otherwise (offload, no bandwidth). */
    static Optional<ThroughputEstimate> of(FitRequest req, FitResult r) {
        if (!Boolean.TRUE.equals(r.fits()) || r.decode() == null || r.offload() != null) return Optional.empty();
        // one output token on top of context − 1: every sequence reads and holds the whole context (the conservative case)
        Workload w = new Workload(req.context() - 1, 1);
        return BatchedThroughput.of(req, w).get().map(b -> b.estimate(b.maxBatch()));
    }

    static void printText(PrintWriter out, ThroughputEstimate e, long context, dev.arbiter.fit.Runtime runtime) {
        StringBuilder s = new StringBuilder("  batched    ");
        for (BatchPoint p : e.points()) {
            s.append(String.format(Locale.US, " %d → %,.0f%s,", p.batch(), p.tokensPerS(), p.bound().equals("compute") ? " (compute-bound)" : ""));
        }
        s.setLength(s.length() - 1);
        s.append(String.format(Locale.US, " tokens/s (decode only, every sequence at %,d tokens; largest batch %d: %s)", context, e.maxBatch(),
                e.maxBatchLimit().equals("engine") ? "the engine's batch cap, " + BatchedThroughput.engineCap(runtime) : "KV cache full"));
        out.println(s);
    }

    /** Why the table is left out although the model fits resident with a known speed (a CPU's compute limit), if it is. */
    static Optional<String> notEstimated(FitResult r, dev.arbiter.fit.Hardware hw) {
        if (!Boolean.TRUE.equals(r.fits()) || r.decode() == null || r.offload() != null) return Optional.empty();
        return Optional.ofNullable(BatchedThroughput.notEstimated(hw));
    }

    static void basis(PrintWriter out, ThroughputEstimate e) {
        for (String b : e.basis()) if (b.startsWith("batched decode") || b.startsWith("largest batch")) out.println("  - " + b);
    }

    static void putJson(ObjectNode body, ThroughputEstimate e) {
        ObjectNode n = body.putObject("batched");
        n.set("points", Json.mapper().valueToTree(e.points()));
        n.put("max_batch", e.maxBatch());
        n.put("max_batch_limit", e.maxBatchLimit());
        n.set("basis", Json.mapper().valueToTree(e.basis().stream().filter(b -> b.startsWith("batched decode") || b.startsWith("largest batch")).toList()));
    }
}
