package dev.arbiter.cli;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.engine.EvalRunner;
import dev.arbiter.eval.engine.ProgressListener;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.ScorerFactory;
import dev.arbiter.eval.metrics.Metrics;
import dev.arbiter.eval.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

@Command(name = "rescore", mixinStandardHelpOptions = true,
        description = "Grade a stored run's answers again with another scorer, without asking the model anything.",
        footer = {"", "Examples:",
                "  ./arbiter rescore 20250301-142233-7f3a9c --scorer math-equiv",
                "  ./arbiter rescore 20250301-142233-7f3a9c --scorer exact --metric accuracy --format json"})
final class RescoreCommand implements Callable<Integer> {
    /** Where scorer names are looked up; the scorer catalogue is wired in here (tests put their own). */
    static Supplier<ScorerFactory> scorers = ScorerFactory::none;

    @Mixin FormatMixin fmt;
    @Mixin StoreMixin store;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run whose answers to grade.")
    String runId;
    @Option(names = "--scorer", required = true, paramLabel = "NAME", description = "Scorer to grade with.")
    String scorerName;
    @Option(names = "--metric", paramLabel = "NAME", description = "Metric (accuracy, mean). Repeatable. Default: the run's own.")
    List<String> metricNames = new ArrayList<>();
    @Option(names = "--out", paramLabel = "DIR", description = "Directory of the new run (default: $ARBITER_HOME/runs/NEW_ID).")
    Path outDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Scorer scorer = scorers.get().create(scorerName);
        RunRecord record;
        try (RunStore runs = store.open()) {
            List<String> names = metricNames;
            if (names.isEmpty()) {
                names = new RunReader(runs).record(runId).manifest().metrics().stream()
                        .filter(Metrics.NAMES::contains).toList();
            }
            List<Metric> metrics = (names.isEmpty() ? List.of("accuracy") : names).stream().map(Metrics::named).toList();
            record = EvalRunner.standard(runs, ProgressListener.NONE).rescore(runId, scorer, metrics, outDir,
                    store.runsRoot());
        }
        if (fmt.isJson()) JsonOut.print(out, "run", record);
        else RunText.print(out, record);
        return ExitCode.OK;
    }
}
