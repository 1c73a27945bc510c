package dev.arbiter.fit;

import dev.arbiter.catalog.Architecture;

import java.util.Locale;

/**
 * How a request's GPUs split the model: {@code tensor} GPUs share every layer of a pipeline stage (tensor parallel),
 * {@code pipeline} stages hold consecutive layers, and with {@code expert} the routed experts of MoE layers are
 * placed whole on the GPUs (expert parallel) instead of being sliced like the other weights. tensor × pipeline =
 * the request's GPUs.
 *
 * <p>The plan follows what the servers are told to run: tensor parallel inside one node, where NVLink/Infinity Fabric
 * makes an all-reduce cheap, and pipeline stages across nodes (vLLM's distributed-serving guide: "tensor parallel
 * size = GPUs per node, pipeline parallel size = number of nodes"), or where the attention heads do not divide
 * among all the GPUs (vLLM and SGLang refuse a tensor-parallel size that does not divide the heads). llama.cpp's
 * split by layer is a pipeline of single-GPU stages with one micro-batch.
 *
 * @param tensor   GPUs per pipeline stage (tensor-parallel degree), ≥ 1
 * @param pipeline pipeline stages a token passes through one after another, ≥ 1
 * @param expert   MoE routed experts placed whole per GPU (expert parallel) rather than sliced over the tensor group
 */
public record ParallelPlan(int tensor, int pipeline, boolean expert) {
    public ParallelPlan {
        if (tensor < 1 || pipeline < 1) throw new IllegalArgumentException("tensor and pipeline degrees must be >= 1, got " + tensor + " × " + pipeline);
    }

    /** The plan for a request: its runtime, GPU count, heads and whether expert parallelism was asked for. */
    public static ParallelPlan of(FitRequest r) {
        return of(r.runtime(), r.gpus(), r.architecture(), r.expertParallel());
    }

    /** The plan a server (or llama.cpp) uses for {@code a} on {@code gpus} GPUs, experts sliced. */
    public static ParallelPlan of(Runtime runtime, int gpus, Architecture a) {
        return of(runtime, gpus, a, false);
    }

    static ParallelPlan of(Runtime runtime, int gpus, Architecture a, boolean expert) {
        if (gpus <= 1) return new ParallelPlan(1, 1, expert);
        if (runtime.layerSplit()) return new ParallelPlan(1, gpus, false);
        int t = tensorDegree(gpus, a.attentionHeads());
        return new ParallelPlan(t, gpus / t, expert);
    }

    /** Largest t dividing the GPUs and the heads, at most one node's GPUs. */
    static int tensorDegree(int gpus, int heads) {
        for (int t = Math.min(gpus, FitConstants.GPUS_PER_NODE); t > 1; t--) {
            if (gpus % t == 0 && heads % t == 0) return t;
        }
        return 1;
    }

    public int gpus() {
        return tensor * pipeline;
    }

    /** Nodes the GPUs span ({@link FitConstants#GPUS_PER_NODE} to a node). */
    public int nodes() {
        return (gpus() + FitConstants.GPUS_PER_NODE - 1) / FitConstants.GPUS_PER_NODE;
    }

    /** Pipeline hops a token makes between stages (stages − 1). */
    public int hops() {
        return pipeline - 1;
    }

    /** Of {@link #hops()}, those that leave a node (InfiniBand/Ethernet rather than NVLink/PCIe). */
    public int interNodeHops() {
        return Math.min(hops(), nodes() - 1);
    }

    /** e.g. "TP 8 × PP 2, experts placed whole over each stage's 8 GPUs (EP 8)". */
    public String describe() {
        StringBuilder s = new StringBuilder(String.format(Locale.US, "TP %d", tensor));
        if (pipeline > 1) s.append(String.format(Locale.US, " × PP %d", pipeline));
        if (expert) s.append(String.format(Locale.US, ", experts placed whole over each stage's %d GPUs (EP %d)", tensor, tensor));
        return s.toString();
    }
}
