package dev.arbiter.eval.scorer;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Compares the last number in the answer with the target number. With both tolerances 0 the comparison is
 * exact in decimal (3.0 equals 3; 0.1 + 0.2 rounding never enters); otherwise it passes when
 * {@code |a - t| <= max(absTolerance, relTolerance * max(|a|, |t|))}, as Python's math.isclose.
 */
public final class NumericScorer implements Scorer {
    private final double absTolerance;
    private final double relTolerance;
    private final Unparseable unparseable;

    public NumericScorer(double absTolerance, double relTolerance, Unparseable unparseable) {
        if (absTolerance < 0) throw new IllegalArgumentException("abs_tolerance must be >= 0");
        if (relTolerance < 0) throw new IllegalArgumentException("rel_tolerance must be >= 0");
        this.absTolerance = absTolerance;
        this.relTolerance = relTolerance;
        this.unparseable = unparseable;
    }

    @Override
    public String name() { return "numeric"; }

    @Override
    public Score score(TaskState state) {
        Optional<BigDecimal> found = NumberExtractor.last(state.completion());
        if (found.isEmpty()) return unparseable.score("no number in the answer");
        BigDecimal answer = found.get();
        String shown = NumberExtractor.format(answer);
        if (state.sample().target().isEmpty()) return Score.unscored(shown, "sample has no target");
        for (String t : state.sample().target()) {
            Optional<BigDecimal> target = NumberExtractor.parse(t);
            if (target.isEmpty()) return Score.unscored(shown, "target '" + t + "' is not a number");
            if (close(answer, target.get())) return Score.of(1.0, shown, "equals target " + NumberExtractor.format(target.get()));
        }
        return Score.of(0.0, shown, String.format(Locale.US, "%s differs from target %s", shown, state.sample().target()));
    }

    boolean close(BigDecimal a, BigDecimal t) {
        if (a.compareTo(t) == 0) return true;
        if (absTolerance == 0 && relTolerance == 0) return false;
        double x = a.doubleValue();
        double y = t.doubleValue();
        return Math.abs(x - y) <= Math.max(absTolerance, relTolerance * Math.max(Math.abs(x), Math.abs(y)));
    }
}
