package dev.arbiter.cli;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.fit.Hardware;
import dev.arbiter.fit.HardwareCatalog;
import picocli.CommandLine.Option;

/**
 * {@code --hardware ID} or {@code --memory-gb X --bandwidth-gbs Y [--tflops Z]}, plus {@code --gpus N}: the device
 * a model should run on. Shared by {@code fit} and {@code recommend}.
 */
public final class HardwareMixin {
    @Option(names = "--hardware", paramLabel = "ID", description = "Hardware profile (see ./arbiter hardware), e.g. rtx-4090, h100-80gb, m4-max-128gb.")
    String id;

    @Option(names = "--memory-gb", paramLabel = "GIB", description = "Custom device: usable memory per device in GiB (use with --bandwidth-gbs).")
    Double memoryGb;

    @Option(names = "--bandwidth-gbs", paramLabel = "GB/S", description = "Custom device: memory bandwidth in GB/s.")
    Double bandwidthGbs;

    @Option(names = "--tflops", paramLabel = "TFLOPS", description = "Custom device: dense BF16 TFLOPS (optional; enables the prefill estimate).")
    Double tflops;

    @Option(names = "--gpus", paramLabel = "N", defaultValue = "1", description = "Number of GPUs of that profile (default: ${DEFAULT-VALUE}). Only GPUs can be pooled.")
    int gpus = 1;

    /** The chosen device, or null when none was given. */
    public Hardware resolve() {
        boolean custom = memoryGb != null || bandwidthGbs != null || tflops != null;
        if (id != null && custom) {
            throw new InvalidInputException("give either --hardware or --memory-gb/--bandwidth-gbs, not both");
        }
        if (id != null) return HardwareCatalog.bundled().get(id);
        if (!custom) return null;
        if (memoryGb == null || bandwidthGbs == null) {
            throw new InvalidInputException("a custom device needs both --memory-gb and --bandwidth-gbs");
        }
        try {
            return Hardware.custom(memoryGb, bandwidthGbs, tflops);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--memory-gb/--bandwidth-gbs/--tflops: " + e.getMessage());
        }
    }

    public int gpus() { return gpus; }
}
