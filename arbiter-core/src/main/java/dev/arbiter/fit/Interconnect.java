package dev.arbiter.fit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/**
 * How several devices of one profile talk to each other; it decides what a tensor-parallel all-reduce costs.
 * The figures are defaults a profile can override ({@code link_bandwidth_gbs}, {@code allreduce_latency_us}).
 *
 * <p>At batch-1 decode an all-reduce carries one token's hidden state (hidden × 2 bytes, 16 KiB for hidden 8192),
 * so its cost is almost all latency: {@code α + 2(n−1)/n × bytes / bandwidth} (nccl-tests doc/PERFORMANCE.md bus
 * bandwidth form). The latency is what an engine pays per all-reduce inside its decode step, not a bare kernel time.
 */
public enum Interconnect {
    /**
     * NVLink through NVSwitch (HGX H100/H200): 900 GB/s bidirectional per GPU, 450 per direction (NVIDIA H100
     * datasheet; MLCommons system descriptions "18x 4th Gen NVLink, 900GB/s"). 20 µs per all-reduce is fitted to the
     * vLLM tensor-parallel rows of the speed calibration (Llama-3-70B TP 2/4/8, Mistral Large 2 TP 4/8 on H100);
     * SGLang PR #2904 measured 8.5–11.8 µs for the bare custom all-reduce kernel, the rest is the engine's step.
     */
    NVLINK("nvlink", 450.0, 20.0),
    /**
     * PCIe between GPUs (GeForce, RTX A6000, L40S): Gen4 x16 is 32 GB/s per direction. vLLM falls back to NCCL on
     * PCIe boxes at TP > 2 (custom all-reduce needs full NVLink: vllm custom_all_reduce.py). 35 µs is an assumption
     * — no calibration row measures it — taken as NCCL's ring latency of ~5 µs per step over 2(n−1) steps at n = 4.
     */
    PCIE("pcie", 32.0, 35.0),
    /**
     * AMD Infinity Fabric (MI300X platform): 7 links of 64 GB/s per direction per GPU = 448 GB/s (AMD MI300X
     * datasheet, 896 GB/s bidirectional aggregate). Latency taken equal to NVLink's; the three SGLang TP8 rows on
     * 8×MI300X of the speed calibration (Llama 4 Scout, Maverick, DeepSeek-V3.1) land within 12 % with it.
     */
    INFINITY_FABRIC("infinity-fabric", 448.0, 20.0),
    /** Devices that cannot be pooled (Macs, boards, phones). */
    NONE("none", 0.0, 0.0);

    private final String wire;
    private final double bandwidthGbs;
    private final double allReduceLatencyUs;

    Interconnect(String wire, double bandwidthGbs, double allReduceLatencyUs) {
        this.wire = wire;
        this.bandwidthGbs = bandwidthGbs;
        this.allReduceLatencyUs = allReduceLatencyUs;
    }

    @JsonValue
    public String wire() { return wire; }

    /** Default GPU-to-GPU bandwidth per direction, GB/s (10^9 bytes). */
    public double defaultBandwidthGbs() { return bandwidthGbs; }

    /** Default latency of one small all-reduce as a serving engine pays it, µs. */
    public double defaultAllReduceLatencyUs() { return allReduceLatencyUs; }

    @JsonCreator
    public static Interconnect of(String s) {
        return Arrays.stream(values()).filter(i -> i.wire.equalsIgnoreCase(s)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("interconnect must be one of nvlink, pcie, infinity-fabric, none; got '" + s + "'"));
    }
}
