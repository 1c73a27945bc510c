package dev.arbiter.fit;

/**
 * One device a model may run on.
 *
 * @param id                 command-line id, lower case (e.g. {@code rtx-4090})
 * @param name               marketing name
 * @param kind               gpu, apple, edge, phone or cpu
 * @param memoryGb           memory the model may use on ONE device, in GiB (2^30 bytes: "24 GB" cards hold 24 GiB).
 *                           For Apple unified memory this is Metal's default GPU working-set limit, not the RAM size;
 *                           for boards and phones it is what is left after the OS, as the profile's note explains
 * @param bandwidthGbs       peak memory bandwidth of one device, in GB/s (10^9 bytes per second, as vendors state it);
 *                           NaN for a custom device given by its memory alone: fits are computed, speeds are not
 * @param bf16Tflops         dense BF16/FP16 tensor throughput of one device in TFLOPS (no sparsity), or null when the
 *                           vendor does not publish one; prefill speed is not estimated without it
 * @param interconnect       link between devices of this profile
 * @param decodeEfficiency   fraction of peak bandwidth that weight reads reach in decode, or null for the kind's
 *                           default ({@link FitConstants#defaultDecodeEfficiency}); fixed per-token costs are separate
 * @param linkBandwidthGbs   GPU-to-GPU bandwidth per direction in GB/s, or null for the interconnect's default
 * @param allreduceLatencyUs latency of one small all-reduce in µs, or null for the interconnect's default
 * @param hostLinkGbs        device-to-host (PCIe) bandwidth per direction in GB/s, or null for PCIe Gen4 x16 (32)
 * @param datacenter         a data-centre part people serve with vLLM/SGLang (decides the default runtime)
 * @param source             vendor page the figures come from
 * @param note               how derived figures (usable memory, TFLOPS) were obtained
 */
public record Hardware(String id, String name, HardwareKind kind, double memoryGb, double bandwidthGbs, Double bf16Tflops,
                       Interconnect interconnect, Double decodeEfficiency, Double linkBandwidthGbs, Double allreduceLatencyUs,
                       Double hostLinkGbs, boolean datacenter, String source, String note) {
    /** PCIe Gen4 x16: 16 GT/s × 16 lanes × 128/130 encoding ≈ 31.5 GB/s per direction, commonly quoted as 32. */
    static final double DEFAULT_HOST_LINK_GBS = 32.0;

    public Hardware {
        require("id", id);
        require("name", name);
        if (kind == null) throw new IllegalArgumentException("kind is required (gpu, apple, edge, phone, cpu)");
        if (!(memoryGb > 0)) throw new IllegalArgumentException("memory_gb must be > 0, got " + memoryGb);
        if (!(bandwidthGbs > 0) && !Double.isNaN(bandwidthGbs)) throw new IllegalArgumentException("bandwidth_gbs must be > 0, got " + bandwidthGbs);
        if (bf16Tflops != null && !(bf16Tflops > 0)) throw new IllegalArgumentException("bf16_tflops must be > 0, got " + bf16Tflops);
        if (decodeEfficiency != null && !(decodeEfficiency > 0 && decodeEfficiency <= 1)) {
            throw new IllegalArgumentException("decode_efficiency must be in (0, 1], got " + decodeEfficiency);
        }
        if (linkBandwidthGbs != null && !(linkBandwidthGbs > 0)) throw new IllegalArgumentException("link_bandwidth_gbs must be > 0, got " + linkBandwidthGbs);
        if (allreduceLatencyUs != null && !(allreduceLatencyUs > 0)) throw new IllegalArgumentException("allreduce_latency_us must be > 0, got " + allreduceLatencyUs);
        if (hostLinkGbs != null && !(hostLinkGbs > 0)) throw new IllegalArgumentException("host_link_gbs must be > 0, got " + hostLinkGbs);
        if (interconnect == null) interconnect = Interconnect.NONE;
        require("source", source);
    }

    /** A profile without link figures (the interconnect's defaults apply) and not marked data-centre. */
    public Hardware(String id, String name, HardwareKind kind, double memoryGb, double bandwidthGbs, Double bf16Tflops,
                    Interconnect interconnect, Double decodeEfficiency, String source, String note) {
        this(id, name, kind, memoryGb, bandwidthGbs, bf16Tflops, interconnect, decodeEfficiency, null, null, null, false, source, note);
    }

    /** A profile from {@code --memory-gb} / {@code --bandwidth-gbs} (and optionally {@code --tflops}). */
    public static Hardware custom(double memoryGb, double bandwidthGbs, Double bf16Tflops) {
        return new Hardware("custom", "custom (" + memoryGb + " GiB, " + bandwidthGbs + " GB/s)", HardwareKind.GPU,
                memoryGb, bandwidthGbs, bf16Tflops, Interconnect.PCIE, null, "user-supplied",
                "from --memory-gb and --bandwidth-gbs");
    }

    /** A custom device with memory only ({@code --memory-gib} without {@code --bandwidth-gbs}): speed is unknown. */
    public static Hardware memoryOnly(double memoryGib) {
        return memoryOnly(memoryGib, HardwareKind.GPU, "custom");
    }

    /** A device known by its memory alone (detected, or given without a bandwidth): speed is unknown. */
    public static Hardware memoryOnly(double memoryGib, HardwareKind kind, String label) {
        return new Hardware("custom", label + " (" + String.format(java.util.Locale.US, "%.1f", memoryGib) + " GiB, bandwidth unknown)",
                kind, memoryGib, Double.NaN, null, kind == HardwareKind.GPU ? Interconnect.PCIE : Interconnect.NONE, null,
                "user-supplied", "memory only: speed is not estimated");
    }

    /** False for a memory-only custom device. */
    public boolean speedKnown() { return !Double.isNaN(bandwidthGbs); }

    /**
     * Rejects {@code --gpus N > 1} on a device that cannot be pooled (a Mac, a board, a phone, a CPU host): the one
     * check fit, cost and recommend share, so all three refuse the same request with the same message.
     */
    public void requirePoolable(int gpus) {
        if (gpus > 1 && !kind.canPool()) {
            throw new dev.arbiter.error.InvalidInputException("--gpus " + gpus + " is not possible on " + id + " (" + kind.wire()
                    + "): a model cannot span several " + kind.wire() + " devices' memory; only GPUs can be pooled");
        }
    }

    public long memoryBytes() { return (long) (memoryGb * (1L << 30)); }

    public double bandwidthBytesPerSecond() { return bandwidthGbs * 1e9; }

    public double efficiency() {
        return decodeEfficiency != null ? decodeEfficiency : FitConstants.defaultDecodeEfficiency(kind);
    }

    /** GPU-to-GPU bandwidth per direction in GB/s: the profile's figure or its interconnect's default. */
    public double linkGbs() {
        return linkBandwidthGbs != null ? linkBandwidthGbs : interconnect.defaultBandwidthGbs();
    }

    /** Latency of one small all-reduce in µs: the profile's figure or its interconnect's default. */
    public double allReduceUs() {
        return allreduceLatencyUs != null ? allreduceLatencyUs : interconnect.defaultAllReduceLatencyUs();
    }

    /** Device-to-host bandwidth per direction in GB/s. */
    public double hostGbs() {
        return hostLinkGbs != null ? hostLinkGbs : DEFAULT_HOST_LINK_GBS;
    }

    private static void require(String field, String v) {
        if (v == null || v.isBlank()) throw new IllegalArgumentException(field + " is required");
    }
}
