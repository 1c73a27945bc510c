package dev.arbiter.cli;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.eval.stats.Comparison;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.probe.CategoryComparison;
import dev.arbiter.probe.ProbeComparison;
import dev.arbiter.probe.ProbeTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

@Command(name = "diff", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "Compare two stored probe runs (two models, same packs and --seed) per category: paired McNemar test.",
        footer = {"", "Example:", "  ./arbiter probe diff 20260101-ab12 20260101-cd34 --format json"})
final class ProbeDiffCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @Mixin StoreMixin store;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A") String runA;
    @Parameters(index = "1", paramLabel = "RUN_B") String runB;
    @Option(names = "--seed", paramLabel = "N", description = "Bootstrap seed (default: 1).")
    long seed = 1;

    @Override
    public Integer call() {
        if (runA.equals(runB)) throw new InvalidInputException("probe diff needs two different runs, got " + runA + " twice");
        List<CategoryComparison> cmp;
        try (RunStore s = store.openExisting()) {
            RunReader reader = new RunReader(s);
            for (String id : List.of(runA, runB)) {
                String task = reader.record(id).manifest().task();
                if (!ProbeTask.NAME.equals(task)) throw new InvalidInputException("run " + id + " is a " + task + " run, not a probe run");
            }
            List<SampleRecord> a = reader.samples(runA);
            List<SampleRecord> b = reader.samples(runB);
            cmp = ProbeComparison.compare(a, b, new Random(seed));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.isJson()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("run_a", runA);
            body.put("run_b", runB);
            body.put("categories", cmp);
            JsonOut.print(out, "probe_diff", body);
            return ExitCode.OK;
        }
        out.printf(Locale.US, "probe diff A=%s B=%s (asr A − B per category, paired on the same probes)%n", runA, runB);
        for (CategoryComparison c : cmp) {
            Comparison x = c.comparison();
            if (x == null) {
                out.printf(Locale.US, "  %-19s no shared scored attempts%n", c.category());
                continue;
            }
            out.printf(Locale.US, "  %-19s n=%-4d asr A %s  B %s  diff %s [%s, %s]  p=%s (%s)%s%n", c.category(), x.shared(),
                    Text.num(x.meanA(), 3), Text.num(x.meanB(), 3), Text.num(x.difference(), 3), Text.num(x.ciLow(), 3),
                    Text.num(x.ciHigh(), 3), Text.num(x.pValue(), 4), x.test(), x.significant() ? "  significant" : "");
        }
        return ExitCode.OK;
    }
}
