package dev.arbiter.recommend;

import dev.arbiter.catalog.Model;

import java.util.List;
import java.util.Optional;

/** Seam for cost: what a fitting option costs to serve; {@link #NONE} when the hardware has no price. */
public interface CostProbe {
    CostProbe NONE = (model, fit) -> Optional.empty();

    /** The cost of serving {@code model} as {@code fit} runs it, or empty when unknown. */
    Optional<CostFigure> cost(Model model, FitOutcome fit);

    /** Method notes: how the cost is computed (price, its age, workload, concurrency). */
    default List<String> method() { return List.of(); }
}
