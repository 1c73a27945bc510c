package dev.arbiter.recommend;

import java.util.List;

/** The ranked shortlist, the exclusions, and the method notes that apply to every score. */
public record RecommendResult(String useCase, long context, List<Recommendation> recommendations,
                              List<Exclusion> excluded, List<String> method) {}
