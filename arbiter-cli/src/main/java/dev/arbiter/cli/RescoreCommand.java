package dev.arbiter.cli;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.harness.HarnessGrading;
import dev.arbiter.eval.harness.HarnessProfile;
import dev.arbiter.eval.store.StoredSample;
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

@Command(name = "rescore", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "Grade a stored run's answers again with another scorer, without asking the model anything.",
        footer = {"", "Examples:",
                "  ./arbiter rescore 20250301-142233-7f3a9c --scorer numeric --scorer-option abs_tolerance=0.01",
                "  ./arbiter rescore 20250301-142233-7f3a9c --scorer exact --metric accuracy --format json"})
final class RescoreCommand implements Callable<Integer> {
    /** Where scorer names are looked up; null means the standard scorers. Tests put their own here. */
    static Supplier<ScorerFactory> scorers = null;

    @Mixin FormatMixin fmt;
    @Mixin StoreMixin store;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run whose answers to grade.")
    String runId;
    @Option(names = "--scorer", paramLabel = "NAME", description = "Scorer to grade with.")
    String scorerName;
    @Option(names = "--harness", paramLabel = "NAME",
            description = "Grade as this reference harness does (math, gsm8k): arbiter, lm-eval, qwen. Instead of --scorer.")
    String harness;
    @Option(names = "--metric", paramLabel = "NAME", description = "Metric (accuracy, mean). Repeatable. Default: the run's own.")
    List<String> metricNames = new ArrayList<>();
    @Option(names = "--scorer-option", paramLabel = "KEY=VALUE", description = "Scorer setting, e.g. abs_tolerance=0.01. Repeatable.")
    java.util.Map<String, String> scorerOptions = new java.util.LinkedHashMap<>();
    @Option(names = "--out", paramLabel = "DIR", description = "Directory of the new run (default: $ARBITER_HOME/runs/NEW_ID).")
    Path outDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if ((scorerName == null) == (harness == null)) throw new InvalidInputException("rescore needs exactly one of --scorer or --harness");
        if (harness != null) return rescoreAs(out, HarnessProfile.parse(harness));
        ScorerFactory factory = scorers != null ? scorers.get()
                : dev.arbiter.eval.scorer.Scorers.factory(dev.arbiter.eval.scorer.ScorerOptions.of(scorerOptions));
        Scorer scorer = factory.create(scorerName);
        RunRecord record;
        try (RunStore runs = store.openExisting()) {
            // the run's own metrics (per subject, macro, strict/flexible…), built again from its task's recipe; a
            // metric that reads what the task's own scorer noted shows no value ('-') under another scorer
            List<Metric> metrics = metricNames.isEmpty()
                    ? MergeMetrics.ofRun(new RunReader(runs).record(runId).manifest(), "rescore",
                            "rescore where the task's dataset is, or name them with --metric", spec.commandLine().getErr())
                    : metricNames.stream().map(Metrics::named).toList();
            record = EvalRunner.standard(runs, ProgressListener.NONE).rescore(runId, scorer, metrics, outDir,
                    store.runsRoot());
        }
        if (fmt.isJson()) JsonOut.print(out, "run", record);
        else RunText.print(out, record);
        return ExitCode.OK;
    }

    /** Grades with a reference profile's scorer and metrics; stderr lists the samples whose verdict changed. */
    private int rescoreAs(PrintWriter out, HarnessProfile profile) {
        if (!metricNames.isEmpty() || !scorerOptions.isEmpty()) {
            throw new InvalidInputException("--harness brings its own scorer and metrics; drop --metric and --scorer-option");
        }
        RunRecord record;
        List<String> changed = new ArrayList<>();
        try (RunStore runs = store.openExisting()) {
            String task = new RunReader(runs).record(runId).manifest().task();
            HarnessGrading grading = HarnessGrading.of(task, profile);
            record = EvalRunner.standard(runs, ProgressListener.NONE).rescore(runId, grading.scorer(), grading.metrics(),
                    outDir, store.runsRoot(), profile.id());
            java.util.Map<String, Double> before = new java.util.HashMap<>();
            for (StoredSample s : runs.samples(runId)) before.put(s.sampleId() + "#" + s.epoch(), s.score());
            for (StoredSample s : runs.samples(record.runId())) {
                if (!java.util.Objects.equals(before.get(s.sampleId() + "#" + s.epoch()), s.score())) changed.add(s.sampleId());
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("arbiter: " + changed.size() + " sample(s) graded differently under --harness " + profile.id()
                + (changed.isEmpty() ? "" : ": " + String.join(", ", changed.subList(0, Math.min(20, changed.size())))
                + (changed.size() > 20 ? ", …" : "") + " (./arbiter diff " + runId + " " + record.runId() + " pairs them)"));
        if (fmt.isJson()) JsonOut.print(out, "run", record);
        else RunText.print(out, record);
        return ExitCode.OK;
    }
}
