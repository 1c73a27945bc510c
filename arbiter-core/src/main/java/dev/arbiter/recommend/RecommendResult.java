package dev.arbiter.recommend;

import java.util.List;

/**
 * The ranked shortlist, the models that also fit (past {@code --top}), the exclusions (only models a hard constraint
 * left out), and the method notes that apply to every score, stated once.
 *
 * @param speedKnown false when no bandwidth was given: speed is unknown and the efficiency axis is left out
 */
public record RecommendResult(String useCase, long context, boolean speedKnown, List<Recommendation> recommendations,
                              List<AlsoFit> alsoFits, List<Exclusion> excluded, List<String> method) {}
