package dev.arbiter.eval.task.mtbench.pairwise;

/**
 * One of the two runs compared.
 *
 * @param answered questions the run has answers for (epoch 0, errors excluded)
 */
public record PairSide(String runId, String model, String status, int answered) {
    public PairSide {
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("run_id is required");
    }
}
