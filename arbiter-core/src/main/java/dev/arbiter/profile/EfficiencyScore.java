package dev.arbiter.profile;

import dev.arbiter.catalog.Model;

import java.util.List;
import java.util.Locale;

/**
 * Deployment efficiency from the architecture alone (hardware-independent, so it can sit on a radar):
 * half from active parameters (bytes read per generated token, which bound decode speed) and half from total
 * parameters (memory the weights occupy). Each term is {@code 1 - log(P / 0.5B) / log(1000B / 0.5B)}, clamped
 * to 0..1, so a 0.5B model scores 1 and a 1T model 0. Logarithmic because each doubling of size costs about the
 * same in hardware tier.
 */
public final class EfficiencyScore {
    static final double SMALL = 0.5e9;
    static final double LARGE = 1000e9;

    private EfficiencyScore() {}

    public static AxisScore of(Model m) {
        double active = term(m.officialParams().active());
        double total = term(m.officialParams().total());
        double v = 0.5 * active + 0.5 * total;
        return new AxisScore(Dimensions.EFFICIENCY, v, List.of(), String.format(Locale.US,
                "computed: %.1fB active, %.1fB total parameters (log scale, 0.5B = 1, 1000B = 0)",
                m.officialParams().active() / 1e9, m.officialParams().total() / 1e9));
    }

    static double term(long params) {
        double t = 1 - Math.log(params / SMALL) / Math.log(LARGE / SMALL);
        return Math.max(0, Math.min(1, t));
    }
}
