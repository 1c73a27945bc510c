package dev.arbiter.evidence;

import java.time.Instant;

/**
 * What one serving benchmark measured, and of what: the one record recommend, cost, compare and fit read measured
 * speed from. The catalogue model is only what the user named ({@code --catalog-model}); the server's own model name
 * and the catalogue id it looks like are kept beside it, never substituted for it.
 *
 * @param servedModel                 the model name the server was asked for / reported
 * @param catalogModel                catalogue id given by the user, or null (then nothing reads this as a measurement of a catalogue model)
 * @param proposedCatalogModel        catalogue id the served name looks like, for the user to confirm; may be null
 * @param quant                       quantisation as the user gave it ({@code --quant}), or null
 * @param hardware                    hardware profile id ({@code --hardware}), or null
 * @param gpus                        devices the server used ({@code --gpus})
 * @param singleStreamTpotMs          median TPOT of the concurrency-1 level: decode time per token with no batching; null without such a level
 * @param singleStreamDecodeTokensPerS 1000 ÷ {@code singleStreamTpotMs}
 * @param peakOutputTokensPerS        highest output-token throughput of any level
 * @param peakLevel                   the level where it was reached, e.g. {@code concurrency 64}
 */
public record Evidence(String runId, Instant measuredAt, String endpoint, String servedModel, String catalogModel,
                       String proposedCatalogModel, String quant, String hardware, int gpus, Double singleStreamTpotMs,
                       Double singleStreamDecodeTokensPerS, Double peakOutputTokensPerS, String peakLevel) {
    public Evidence {
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("evidence needs its run id");
        if (gpus < 1) throw new IllegalArgumentException("gpus must be >= 1, got " + gpus);
        if (singleStreamTpotMs != null && !(singleStreamTpotMs > 0)) throw new IllegalArgumentException("single-stream TPOT must be > 0 ms");
    }

    /** Whether this measures {@code model} at {@code quant} on {@code gpus} × {@code hardware} (ids compared ignoring case). */
    public boolean measures(String model, String quant, String hardware, int gpus) {
        return catalogModel != null && catalogModel.equalsIgnoreCase(model)
                && this.quant != null && this.quant.equalsIgnoreCase(quant)
                && this.hardware != null && this.hardware.equalsIgnoreCase(hardware)
                && this.gpus == gpus;
    }
}
