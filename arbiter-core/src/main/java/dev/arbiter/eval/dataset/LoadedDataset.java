package dev.arbiter.eval.dataset;

import dev.arbiter.eval.Dataset;

import java.util.List;

/** A loaded dataset and the rows skipped on the way (empty unless skipInvalid was set). */
public record LoadedDataset(Dataset dataset, List<DataProblem> skipped) {
    public LoadedDataset {
        skipped = List.copyOf(skipped);
    }
}
