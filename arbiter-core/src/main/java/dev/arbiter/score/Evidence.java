package dev.arbiter.score;

/**
 * One figure that went into an axis.
 *
 * @param value   as published or measured, in the benchmark's unit (percent; MT-Bench 1–10)
 * @param setting {@link Setting#BASE} or {@link Setting#TUNED}: which catalogue norm it was compared with
 * @param z       standard score against the catalogue's models that report the same benchmark in the same setting
 * @param sd      uncertainty of this figure as evidence of the axis, in z units (benchmark specificity, source and
 *                sampling error combined)
 * @param weight  the benchmark's weight within the axis ({@code scoring/dimensions.yaml})
 * @param normedOn the benchmark whose catalogue norm placed it: itself, or the full test a subset is drawn from
 *                (MATH-500 on MATH) when too few catalogue models report the subset ({@link CatalogueNorms})
 * @param source  URL of the published figure, or {@code run:ID} for a measured one
 * @param note    the figure's own note (e.g. "published for mistral-large-2407"), or null
 */
public record Evidence(String benchmark, double value, String setting, EvidenceKind kind, double z, double sd,
                       double weight, int reporters, String normedOn, String source, String note) {
    public Evidence {
        if (kind == EvidenceKind.ESTIMATED || kind == EvidenceKind.NONE) {
            throw new IllegalArgumentException("evidence is a measured or published figure, got " + kind);
        }
    }
}
