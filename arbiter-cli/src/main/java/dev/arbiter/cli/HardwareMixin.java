package dev.arbiter.cli;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.fit.Hardware;
import dev.arbiter.fit.HardwareCatalog;
import dev.arbiter.fit.HardwareDetector;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --hardware ID} or {@code --memory-gib X [--bandwidth-gbs Y] [--tflops Z]}, plus {@code --gpus N}: the device a
 * model should run on. Shared by {@code fit} and {@code recommend}. Memory alone is enough: without a bandwidth the
 * fit is computed and the speed is unknown.
 */
public final class HardwareMixin {
    @Option(names = "--hardware", paramLabel = "ID", description = "Hardware profile (see ./arbiter hardware), e.g. rtx-4090, h100-80gb, m4-max-128gb; "
            + "auto detects this machine's GPUs and memory (nvidia-smi, rocm-smi, sysctl, /proc/meminfo) and says what it found.")
    String id;

    /** How {@code --hardware auto} looks at the machine; tests put a detector with canned command outputs here. */
    static HardwareDetector detector = null;

    @Spec(Spec.Target.MIXEE) CommandSpec mixee;

    @Option(names = {"--memory-gib", "--memory-gb"}, paramLabel = "GIB", converter = Positive.Decimal.class,
            description = "Custom device: usable memory per device in GiB (2^30 bytes; --memory-gb is the old name, same unit). Alone it gives fits without speeds.")
    Double memoryGib;

    @Option(names = "--bandwidth-gbs", paramLabel = "GB/S", converter = Positive.Decimal.class,
            description = "Custom device: memory bandwidth in GB/s (10^9 bytes/s); without it speed is unknown.")
    Double bandwidthGbs;

    @Option(names = "--tflops", paramLabel = "TFLOPS", converter = Positive.Decimal.class,
            description = "Custom device: dense BF16 TFLOPS (optional; enables the prefill estimate).")
    Double tflops;

    @Option(names = "--gpus", paramLabel = "N", defaultValue = "1", converter = Positive.Int.class,
            description = "Number of GPUs of that profile, 1 or more (default: ${DEFAULT-VALUE}). Only GPUs can be pooled.")
    int gpus = 1;

    /** The chosen device, or null when none was given. */
    public Hardware resolve() {
        boolean custom = memoryGib != null || bandwidthGbs != null || tflops != null;
        if (id != null && custom) {
            throw new InvalidInputException("give either --hardware or --memory-gib/--bandwidth-gbs, not both");
        }
        if ("auto".equalsIgnoreCase(id)) return detect();
        if (id != null) return HardwareCatalog.bundled().get(id);
        if (!custom) return null;
        if (memoryGib == null) {
            throw new InvalidInputException("a custom device needs --memory-gib (GiB per device); --bandwidth-gbs is optional");
        }
        try {
            return bandwidthGbs == null ? Hardware.memoryOnly(memoryGib) : Hardware.custom(memoryGib, bandwidthGbs, tflops);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("--memory-gib/--bandwidth-gbs/--tflops: " + e.getMessage());
        }
    }

    public int gpus() { return gpus; }

    private Hardware detect() {
        HardwareDetector d = detector != null ? detector : HardwareDetector.system();
        HardwareDetector.Detected found = d.detect().orElseThrow(() -> new InvalidInputException(
                "--hardware auto found no GPU (nvidia-smi, rocm-smi), no Apple chip (sysctl) and no /proc/meminfo; "
                        + "give --hardware ID (./arbiter hardware) or --memory-gib GIB"));
        if (gpus == 1) gpus = found.gpus();  // --gpus given explicitly wins
        if (mixee != null) mixee.commandLine().getErr().println("hardware: " + found.summary());
        return found.hardware();
    }
}
