package dev.arbiter.cli;

import dev.arbiter.eval.engine.EngineEnvironment;
import dev.arbiter.eval.engine.RunMerge;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.RunManifest;
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

@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the shard runs of one evaluation (eval --shard K/N) into one run; metrics and intervals are computed again from all answers.",
        footer = {"", "Examples:",
                "  ./arbiter merge 20250301-142233-7f3a9c 20250301-142234-0b1d2e 20250301-142235-99aa01 20250301-142236-5c6d7e",
                "  ./arbiter merge --store postgresql://db.internal:5432/arbiter RUN_1 RUN_2 RUN_3 RUN_4 --format json",
                "",
                "Refused (exit 2) when the runs are not shards of one evaluation (task, version, scorer, model, dataset,",
                "settings or sample selection differ; replicas of one model at other URLs are fine), when a shard is given",
                "twice, or when one is missing (the message names it). diff, report and rescore take the merged run."})
final class MergeCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @Mixin StoreMixin store;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RUN_ID", arity = "1..*", description = "The shard runs, in any order (./arbiter runs lists them).")
    List<String> runIds = new ArrayList<>();
    @Option(names = "--out", paramLabel = "DIR", description = "Directory of the merged run (default: $ARBITER_HOME/runs/NEW_ID).")
    Path outDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunRecord record;
        try (RunStore runs = store.openExisting()) {
            RunManifest first = new RunReader(runs).record(runIds.get(0)).manifest();
            List<String> skipped = new ArrayList<>();
            var metrics = MergeMetrics.of(first.task(), first.metrics(), skipped::add);
            record = new RunMerge(runs, EngineEnvironment.system()).merge(runIds, metrics, outDir, store.runsRoot());
            if (!skipped.isEmpty()) {
                err.println("arbiter: merge: not recomputed (this metric is rebuilt only with its task; rescore the merged run): "
                        + String.join(", ", skipped));
            }
        }
        spec.commandLine().getErr().println("arbiter: merged " + runIds.size() + " shards into run " + record.runId());
        if (fmt.isJson()) JsonOut.print(out, "run", record);
        else RunText.print(out, record);
        return ExitCode.OK;
    }
}
