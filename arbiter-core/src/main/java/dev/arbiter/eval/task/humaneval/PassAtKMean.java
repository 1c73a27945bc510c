package dev.arbiter.eval.task.humaneval;

import java.util.Collection;

/**
 * pass@k averaged over problems, with its standard error across problems.
 *
 * @param problems problems that had at least k graded samples (the others are left out)
 * @param stderr   sample standard deviation of the per-problem values / sqrt(problems); NaN below 2 problems
 */
record PassAtKMean(int k, double mean, double stderr, int problems) {
    /** @param counts per problem {n, c}: graded samples and passed samples */
    static PassAtKMean of(Collection<int[]> counts, int k) {
        double sum = 0;
        double sumSq = 0;
        int p = 0;
        for (int[] nc : counts) {
            if (nc[0] < k) continue;
            double v = PassAtK.estimate(nc[0], nc[1], k);
            sum += v;
            sumSq += v * v;
            p++;
        }
        if (p == 0) return new PassAtKMean(k, Double.NaN, Double.NaN, 0);
        double mean = sum / p;
        double se = p < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sumSq - p * mean * mean) / (p - 1)) / p);
        return new PassAtKMean(k, mean, se, p);
    }
}
