package dev.arbiter.cli;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.stats.Comparison;
import dev.arbiter.eval.stats.PairedBootstrap;
import dev.arbiter.eval.stats.RunDiff;
import dev.arbiter.eval.stats.RunDiffs;
import dev.arbiter.eval.stats.RunSide;
import dev.arbiter.eval.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

@Command(name = "diff", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "Compare two stored runs sample by sample: difference with 95%% CI, McNemar or paired-bootstrap p-value, and whether the data can tell the models apart.",
        footer = {"", "Examples:",
                "  ./arbiter diff 20260101-ab12 20260101-cd34",
                "  ./arbiter diff RUN_A RUN_B --store runs/arbiter.db --format json"})
final class DiffCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "First run id (see ./arbiter runs).")
    String runA;

    @Parameters(index = "1", paramLabel = "RUN_B", description = "Second run id.")
    String runB;

    @Mixin StoreMixin store;

    @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Option(names = "--resamples", paramLabel = "N", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    int resamples = PairedBootstrap.DEFAULT_RESAMPLES;

    @Override
    public Integer call() {
        if (resamples < 100) throw new InvalidInputException("--resamples must be >= 100, got " + resamples);
        RunDiff d;
        try (RunStore s = store.openExisting()) {  // a diff only reads: a missing store is exit 3, not an empty one
            d = RunDiffs.compare(s, runA, runB, new Random(seed), resamples);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.isJson()) {
            JsonOut.print(out, "diff", d);
            return ExitCode.OK;
        }
        render(out, d);
        return ExitCode.OK;
    }

    static void render(PrintWriter out, RunDiff d) {
        Comparison c = d.comparison();
        side(out, "A", d.a(), c.meanA(), c.shared());
        side(out, "B", d.b(), c.meanB(), c.shared());
        out.printf(Locale.US, "shared samples: %d (only in A: %d, only in B: %d)%n", c.shared(), c.onlyInA(), c.onlyInB());
        out.printf(Locale.US, "difference A - B: %s (95%% CI %s to %s)%n", num(c.difference()), num(c.ciLow()), num(c.ciHigh()));
        if (c.aOnlyPassed() != null) {
            out.printf(Locale.US, "%s: only A passed %d, only B passed %d, %s%n", testName(c.test()), c.aOnlyPassed(),
                    c.bOnlyPassed(), p(c.pValue()));
        } else {
            out.printf(Locale.US, "%s: %s%n", testName(c.test()), p(c.pValue()));
        }
        out.println(c.significant() ? "verdict: the runs differ (p < 0.05, CI excludes 0)" : "verdict: no detectable difference");
        for (String n : d.notes()) out.println("! " + n);
        for (String w : c.warnings()) out.println("! " + w);
    }

    /** One run's line: its mean is over the samples both runs scored (what the difference compares), not the run's own. */
    private static void side(PrintWriter out, String label, RunSide s, double mean, int shared) {
        out.printf(Locale.US, "%s: %s  %s v%d  model %s  scorer %s  %s  %d scored; mean over the %d shared: %s%n", label, s.runId(),
                s.task(), s.taskVersion(), s.model() == null ? "-" : s.model(), s.scorer() == null ? "-" : s.scorer(), s.status(),
                s.scoredSamples(), shared, num(mean));
    }

    private static String testName(String test) {
        return switch (test) {
            case "mcnemar_exact" -> "McNemar (exact binomial)";
            case "mcnemar_chi2_cc" -> "McNemar (chi-square, continuity-corrected)";
            default -> "paired bootstrap";
        };
    }

    private static String num(double v) {
        return String.format(Locale.US, "%.4f", v);
    }

    private static String p(double v) {
        return v < 0.0001 ? "p < 0.0001" : String.format(Locale.US, "p = %.4f", v);
    }
}
