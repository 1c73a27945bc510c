package dev.arbiter.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredRun;
import dev.arbiter.util.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads measurements back from the run store: every finished {@code bench} run's {@code evidence}, newest first.
 * The single reader for fit, recommend, cost and compare, so they all see the same numbers.
 */
public final class EvidenceStore {
    /** The task name bench runs are stored under. */
    public static final String TASK = "bench";

    private final RunStore store;

    public EvidenceStore(RunStore store) {
        this.store = store;
    }

    /** All evidence, newest first; runs without a record (killed) are skipped. */
    public List<Evidence> all() {
        List<Evidence> out = new ArrayList<>();
        for (StoredRun r : store.runs(TASK)) {
            if (r.record() == null) continue;
            read(r).ifPresent(out::add);
        }
        out.sort(Comparator.comparing(Evidence::measuredAt, Comparator.nullsLast(Comparator.reverseOrder())));
        return out;
    }

    /** The newest evidence of a single-stream decode speed for this model, quantisation and hardware. */
    public Optional<Evidence> latest(String model, String quant, String hardware, int gpus) {
        return all().stream().filter(e -> e.measures(model, quant, hardware, gpus))
                .filter(e -> e.singleStreamTpotMs() != null).findFirst();
    }

    /** The evidence of one run. @throws InvalidInputException when there is no such bench run */
    public Evidence forRun(String runId) {
        StoredRun r = store.run(runId).orElseThrow(() -> new InvalidInputException(
                "no run " + runId + " in " + store.location() + " (see ./arbiter runs)"));
        if (!TASK.equals(r.task())) throw new InvalidInputException("run " + runId + " is a " + r.task() + " run, not a bench run");
        return read(r).orElseThrow(() -> new InvalidInputException("bench run " + runId + " has no record (it did not finish)"));
    }

    /**
     * The closed-loop levels of one bench run, by their concurrency (open-loop levels, with a request rate, are left
     * out: their concurrency is not what was held). Empty when the run has no such level or no record.
     */
    public java.util.Map<Integer, ClosedLoopLevel> closedLoopLevels(String runId) {
        java.util.Map<Integer, ClosedLoopLevel> out = new java.util.TreeMap<>();
        store.run(runId).filter(r -> TASK.equals(r.task()) && r.record() != null).ifPresent(r -> {
            java.util.Map<Integer, ClosedLoopLevel> fast = EvidenceJson.closedLoopLevels(r.record());
            out.putAll(fast != null ? fast : closedLoopLevelsByMapper(r.record()));
        });
        return out;
    }

    /** The closed-loop levels as the object mapper reads them: the definition the streaming reader is held to. */
    static java.util.Map<Integer, ClosedLoopLevel> closedLoopLevelsByMapper(String record) {
        java.util.Map<Integer, ClosedLoopLevel> out = new java.util.TreeMap<>();
        try {
            for (JsonNode l : Json.mapper().readTree(record).path("levels")) {
                if (!l.path("rate").isMissingNode() && !l.path("rate").isNull()) continue;
                if (!l.path("concurrency").canConvertToInt() || !l.path("output_token_throughput").isNumber()) continue;
                int completed = l.path("completed").asInt();
                if (completed < 1) continue;
                int concurrency = l.path("concurrency").asInt();
                out.put(concurrency, new ClosedLoopLevel(concurrency, l.path("output_token_throughput").asDouble(), completed,
                        tokens(l.path("input_tokens")), tokens(l.path("output_tokens"))));
            }
        } catch (java.io.IOException e) {
            // a record from another version: no levels this reader understands
        }
        return out;
    }

    /** A level's token count: a plain integer, else unknown (0). */
    private static long tokens(JsonNode n) {
        return n.isIntegralNumber() && n.canConvertToLong() ? n.asLong() : 0;
    }

    private static Optional<Evidence> read(StoredRun r) {
        Optional<Evidence> fast = EvidenceJson.read(r.record());
        if (fast != null) return fast;
        try {
            JsonNode n = Json.mapper().readTree(r.record()).path("evidence");
            if (n.isMissingNode() || n.isNull()) return Optional.empty();
            return Optional.of(Json.mapper().treeToValue(n, Evidence.class));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Optional.empty();  // a record from another version: not evidence this reader understands
        }
    }
}
