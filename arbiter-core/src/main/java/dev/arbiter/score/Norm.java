package dev.arbiter.score;

/**
 * Where one benchmark in one setting sits across the catalogue: mean and standard deviation of the logit of the
 * figures of the {@code reporters} models that publish it.
 */
public record Norm(String benchmark, String setting, int reporters, double mean, double sd) {
    public Norm {
        if (reporters < 2) throw new IllegalArgumentException("a norm needs at least 2 reporters, got " + reporters);
        if (!(sd > 0)) throw new IllegalArgumentException("sd must be > 0, got " + sd);
    }

    /** Standard score of a logit against the catalogue. */
    public double z(double logit) { return (logit - mean) / sd; }
}
