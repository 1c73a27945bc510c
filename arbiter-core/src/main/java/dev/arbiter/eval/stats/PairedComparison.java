package dev.arbiter.eval.stats;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.engine.MetricUnit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Compares two runs sample by sample. Pairing removes the between-question variance that dominates unpaired
 * comparisons, so much smaller differences become visible on the same questions. Pass/fail scores get McNemar's
 * test; graded scores (or epoch averages that are not 0/1) get the paired bootstrap's p-value. The interval is
 * always the paired bootstrap's.
 */
public final class PairedComparison {
    static final double ALPHA = 0.05;
    /** Below this many shared samples a warning is always given. */
    static final int SMALL_N = 30;

    private PairedComparison() {}

    /** Per-sample value: the mean over epochs of the scored epochs; unscored samples are absent. */
    public static Map<String, Double> perSample(List<SampleScore> scores) {
        Map<String, double[]> acc = new LinkedHashMap<>();
        for (SampleScore s : scores) {
            if (!s.score().scored()) continue;
            double[] a = acc.computeIfAbsent(s.sampleId(), k -> new double[2]);
            a[0] += s.score().value();
            a[1]++;
        }
        Map<String, Double> out = new LinkedHashMap<>();
        acc.forEach((id, a) -> out.put(id, a[0] / a[1]));
        return out;
    }

    public static Comparison compare(Map<String, Double> a, Map<String, Double> b, MetricUnit unit, Random random) {
        return compare(a, b, unit, random, PairedBootstrap.DEFAULT_RESAMPLES);
    }

    /**
     * @param unit what the per-sample scores are, from the runs' metric (never from the numbers): a proportion's
     *             differences read in points (0.042 → "+4.2 points"), a score's on its own scale
     */
    public static Comparison compare(Map<String, Double> a, Map<String, Double> b, MetricUnit unit, Random random, int resamples) {
        if (unit == null) throw new IllegalArgumentException("unit is required");
        TreeSet<String> shared = new TreeSet<>(a.keySet());
        shared.retainAll(b.keySet());
        int n = shared.size();
        if (n == 0) throw new InvalidInputException("the two runs have no scored sample in common");
        double[] va = new double[n];
        double[] vb = new double[n];
        double[] diff = new double[n];
        int i = 0;
        boolean binary = true;
        int bCount = 0;
        int cCount = 0;
        for (String id : shared) {
            va[i] = a.get(id);
            vb[i] = b.get(id);
            diff[i] = va[i] - vb[i];
            binary &= isZeroOrOne(va[i]) && isZeroOrOne(vb[i]);
            if (va[i] > vb[i]) bCount++;
            if (va[i] < vb[i]) cCount++;
            i++;
        }
        BootstrapResult boot = PairedBootstrap.run(diff, resamples, random);
        double p;
        String test;
        if (binary) {
            McNemarResult m = McNemar.test(bCount, cCount);
            p = m.pValue();
            test = m.method();
        } else {
            p = boot.pValue();
            test = "paired_bootstrap";
        }
        double sd = sd(diff);
        Double mde = sd == 0 ? null : (Distributions.Z_975 + Distributions.Z_80) * sd / Math.sqrt(n);
        boolean excludesZero = boot.ciLow() > 0 || boot.ciHigh() < 0;
        boolean significant = p < ALPHA && excludesZero;
        List<String> warnings = warnings(n, a.size() - n, b.size() - n, boot, p, significant, mde, unit == MetricUnit.proportion);
        return new Comparison(n, a.size() - n, b.size() - n, unit, PairedBootstrap.mean(va), PairedBootstrap.mean(vb), boot.meanDifference(),
                boot.ciLow(), boot.ciHigh(), p, test, binary ? bCount : null, binary ? cCount : null, mde, significant, warnings);
    }

    private static List<String> warnings(int n, int onlyA, int onlyB, BootstrapResult boot, double p, boolean significant,
                                         Double mde, boolean unitInterval) {
        List<String> w = new ArrayList<>();
        boolean excludesZero = boot.ciLow() > 0 || boot.ciHigh() < 0;
        if (!significant && excludesZero) {
            // the interval and the test disagree (few discordant pairs: an exact test needs more of them than the
            // bootstrap does); say so rather than call the difference compatible with none while the CI excludes 0
            w.add(String.format(Locale.US, "Borderline on these %d samples: the bootstrap 95%% CI of the difference %s (%s to %s) "
                            + "excludes 0 but the test's p = %.4f does not reach 0.05; more samples would settle it.",
                    n, points(boot.meanDifference(), unitInterval), points(boot.ciLow(), unitInterval), points(boot.ciHigh(), unitInterval), p));
        } else if (!significant && p < ALPHA) {
            w.add(String.format(Locale.US, "Borderline on these %d samples: the test's p = %.4f is below 0.05 but the bootstrap 95%% CI "
                            + "of the difference %s (%s to %s) includes 0; more samples would settle it.",
                    n, p, points(boot.meanDifference(), unitInterval), points(boot.ciLow(), unitInterval), points(boot.ciHigh(), unitInterval)));
        } else if (!significant) {
            w.add(String.format(Locale.US, "Cannot tell the models apart on these %d samples: the difference %s "
                            + "(95%% CI %s to %s, p = %.4f) is compatible with no difference.",
                    n, points(boot.meanDifference(), unitInterval), points(boot.ciLow(), unitInterval), points(boot.ciHigh(), unitInterval), p));
        }
        if (boot.meanDifference() == 0 && mde == null) {
            w.add(String.format(Locale.US, "The runs scored every one of the %d shared samples identically.", n));
        } else if (mde != null && (!significant || n < SMALL_N)) {
            w.add(String.format(Locale.US, "With n = %d, only differences larger than about %s can be detected "
                    + "reliably (80%% power, alpha 0.05); more samples narrow this.", n, points(mde, unitInterval).replace("+", "")));
        }
        if (n < SMALL_N && significant) {
            w.add(String.format(Locale.US, "Only %d shared samples: a significant result this small is fragile; confirm it on more data.", n));
        }
        if (onlyA + onlyB > 0) {
            w.add(String.format(Locale.US, "%d sample(s) scored only in A and %d only in B were left out.", onlyA, onlyB));
        }
        return w;
    }

    /** Proportions read as percentages: 0.042 → "+4.2 points"; scores on their own scale as they are. */
    static String points(double v, boolean proportion) {
        return proportion ? String.format(Locale.US, "%+.1f points", 100 * v) : String.format(Locale.US, "%+.2f", v);
    }

    private static boolean isZeroOrOne(double v) { return v == 0.0 || v == 1.0; }

    static double sd(double[] v) {
        if (v.length < 2) return 0;
        double m = PairedBootstrap.mean(v);
        double ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        return Math.sqrt(ss / (v.length - 1));
    }
}
