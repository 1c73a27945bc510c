package dev.arbiter.fit;

/**
 * How many of a token's routed experts land on the busiest GPU when the experts are placed whole on the GPUs
 * (expert parallelism). At batch 1 that GPU sets the pace of the MoE layer: it reads all of its chosen experts
 * while the others idle, so expert parallelism reads more bytes on the critical path than slicing every expert
 * over the GPUs (tensor parallelism), where each GPU reads k/g experts' worth.
 *
 * <p>Assumes the k experts are k distinct experts drawn uniformly from the layer's E experts, placed in contiguous
 * blocks of E/g per GPU (vLLM's and SGLang's default placement, no load balancer). Real routers are not uniform;
 * DeepSeek's group-limited routing confines a token to 4 of 8 expert groups, which this ignores. Stateless.
 */
final class ExpertLoad {
    private ExpertLoad() {}

    /**
     * Expected number of the k chosen experts held by the GPU that holds most of them:
     * E[max] = Σ_{m=0}^{k−1} P(max > m), with P(max ≤ m) = [x^k] Π_gpus (Σ_{j≤m} C(n_gpu, j) x^j) / C(E, k).
     *
     * @param experts routed experts per MoE layer (E)
     * @param chosen  experts a token chooses (k ≤ E)
     * @param gpus    GPUs the experts are spread over (g ≥ 1); the first E mod g GPUs hold one more
     */
    static double expectedBusiest(int experts, int chosen, int gpus) {
        if (chosen < 0 || chosen > experts || gpus < 1) {
            throw new IllegalArgumentException("need 0 <= chosen <= experts and gpus >= 1, got " + chosen + " of " + experts + " on " + gpus);
        }
        if (gpus == 1 || chosen == 0) return chosen;
        double all = binomial(experts, chosen);
        double expected = 0;
        for (int m = 0; m < chosen; m++) {
            expected += 1 - waysWithAtMost(experts, chosen, gpus, m) / all;
        }
        return expected;
    }

    /** Ways to choose {@code chosen} experts so that no GPU holds more than {@code cap} of them. */
    private static double waysWithAtMost(int experts, int chosen, int gpus, int cap) {
        double[] poly = new double[chosen + 1];
        poly[0] = 1;
        for (int g = 0; g < gpus; g++) {
            int held = experts / gpus + (g < experts % gpus ? 1 : 0);
            double[] next = new double[chosen + 1];
            for (int have = 0; have <= chosen; have++) {
                if (poly[have] == 0) continue;
                for (int j = 0; j <= Math.min(cap, held) && have + j <= chosen; j++) {
                    next[have + j] += poly[have] * binomial(held, j);
                }
            }
            poly = next;
        }
        return poly[chosen];
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int i = 1; i <= k; i++) c = c * (n - k + i) / i;
        return c;
    }
}
