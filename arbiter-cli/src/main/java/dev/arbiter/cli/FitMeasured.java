package dev.arbiter.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.catalog.Model;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.evidence.Evidence;
import dev.arbiter.evidence.EvidenceStore;
import dev.arbiter.fit.FitCalculator;
import dev.arbiter.fit.FitRequest;
import dev.arbiter.fit.FitResult;
import dev.arbiter.fit.Hardware;
import dev.arbiter.fit.HardwareCatalog;
import dev.arbiter.fit.KvType;
import dev.arbiter.fit.Quant;
import dev.arbiter.util.Json;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * fit's measured side: the newest bench evidence for the same model, quantisation and hardware replaces the decode
 * estimate ("measured, run …"), and {@code fit --calibrate RUN} shows how far the estimate was from a measurement.
 * Evidence is read only through {@link EvidenceStore}.
 */
final class FitMeasured {
    private FitMeasured() {}

    /** The newest single-stream measurement, or empty when there is no store or no matching bench run. */
    static Optional<Evidence> lookup(StoreMixin store, String model, Quant quant, Hardware hw, int gpus) {
        if (hw == null || !store.exists()) return Optional.empty();
        try (RunStore runs = store.open()) {
            return new EvidenceStore(runs).latest(model, quant.wire(), hw.id(), gpus);
        }
    }

    static void putJson(ObjectNode body, Evidence e, FitResult estimate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", e.runId());
        m.put("tokens_per_s", e.singleStreamDecodeTokensPerS());
        m.put("tpot_ms", e.singleStreamTpotMs());
        m.put("estimated_tokens_per_s", decode(estimate));
        m.put("basis", "measured, run " + e.runId() + " (single-stream median TPOT)");
        body.set("measured_decode", Json.mapper().valueToTree(m));
    }

    static void printText(PrintWriter out, Evidence e, FitResult estimate) {
        out.printf(Locale.US, "  measured    %s tokens/s single-stream (measured, run %s; TPOT p50 %s ms)%s%n",
                Text.num(e.singleStreamDecodeTokensPerS(), 1), e.runId(), Text.num(e.singleStreamTpotMs(), 2),
                decode(estimate) == null ? "" : "; the estimate was " + Text.num(decode(estimate), 1));
    }

    /** {@code fit --calibrate RUN}: the estimate for what the run measured, beside the measurement. */
    static int calibrate(String runId, StoreMixin store, CatalogMixin catalog, boolean json, PrintWriter out) {
        Evidence e;
        try (RunStore runs = store.openExisting()) {
            e = new EvidenceStore(runs).forRun(runId);
        }
        if (e.catalogModel() == null || e.quant() == null || e.hardware() == null) {
            throw new InvalidInputException("bench run " + runId + " does not say what it measured (it needs --catalog-model, "
                    + "--quant and --hardware)" + (e.proposedCatalogModel() == null ? "" : "; the served model looked like " + e.proposedCatalogModel()));
        }
        if (e.singleStreamDecodeTokensPerS() == null) {
            // no concurrency-1 level, or one whose answers came in one piece (no time between tokens to read a decode speed from)
            throw new InvalidInputException("bench run " + runId + " has no single-stream decode speed to compare: it needs a "
                    + "concurrency-1 level whose answers streamed more than one token apart (bench --concurrency 1,...)");
        }
        Model m = catalog.load().get(e.catalogModel());
        Hardware hw = HardwareCatalog.bundled().get(e.hardware());
        FitResult r = new FitCalculator().estimate(FitRequest.of(m.id(), m.architecture(), m.contextLength(),
                Quant.parse(e.quant()), Math.min(8192, m.contextLength()), KvType.parse("f16"), hw, e.gpus(), null, null, false));
        Double est = decode(r);
        double meas = e.singleStreamDecodeTokensPerS();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("run_id", e.runId());
        c.put("model", m.id());
        c.put("quant", e.quant());
        c.put("hardware", hw.id());
        c.put("gpus", e.gpus());
        c.put("measured_tokens_per_s", meas);
        c.put("estimated_tokens_per_s", est);
        c.put("estimate_over_measured", est == null ? null : est / meas);
        c.put("estimate_error_pct", est == null ? null : (est - meas) / meas * 100);
        c.put("estimate_basis", r.basis());
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("calibration", c);
            JsonOut.print(out, "fit-calibration", body);
            return ExitCode.OK;
        }
        out.printf(Locale.US, "%s %s on %d × %s, run %s%n", m.id(), e.quant(), e.gpus(), hw.id(), e.runId());
        out.printf(Locale.US, "  measured    %s tokens/s single-stream decode%n", Text.num(meas, 1));
        out.printf(Locale.US, "  estimated   %s tokens/s%n", Text.num(est, 1));
        if (est != null) {
            out.printf(Locale.US, "  the estimate is %s× the measurement (%+.0f%%)%n", Text.num(est / meas, 2), (est - meas) / meas * 100);
        }
        out.flush();
        return ExitCode.OK;
    }

    private static Double decode(FitResult r) {
        if (r.decodeTokensPerS() != null) return r.decodeTokensPerS();
        return r.offload() == null ? null : r.offload().decodeTokensPerS();
    }
}
