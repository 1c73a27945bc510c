package dev.arbiter.cli;

import dev.arbiter.eval.Metric;
import dev.arbiter.eval.engine.EngineEnvironment;
import dev.arbiter.eval.engine.RunMerge;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.RunManifest;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.engine.RunStatus;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.RunTransfer;
import dev.arbiter.eval.store.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "merge", addMethodSubcommands = false, mixinStandardHelpOptions = true,
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

    @Parameters(paramLabel = "RUN_ID", arity = "0..*", description = "The shard runs, in any order (./arbiter runs lists them); "
            + "with --from and no RUN_ID, every completed shard run in those stores.")
    List<String> runIds = new ArrayList<>();
    @Option(names = "--from", paramLabel = "STORE", description = "Another store holding shard runs (one SQLite file per pod on a "
            + "results volume); its runs are copied into --store first. Repeatable.")
    List<String> fromStores = new ArrayList<>();
    @Option(names = "--out", paramLabel = "DIR", description = "Directory of the merged run (default: $ARBITER_HOME/runs/NEW_ID).")
    Path outDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunRecord record;
        if (runIds.isEmpty() && fromStores.isEmpty()) {
            throw new InvalidInputException("merge needs the shard run ids (see ./arbiter runs), or --from STORE");
        }
        try (RunStore runs = fromStores.isEmpty() ? store.openExisting() : store.open()) {
            // The ids as given, a repeated one included, which RunMerge refuses (exit 2); --from with no id adds the
            // stores' shard runs, each once even when two stores hold it.
            List<String> ids = new ArrayList<>(runIds);
            for (String from : fromStores) {
                for (String copied : copyFrom(from, runs)) if (!ids.contains(copied)) ids.add(copied);
            }
            runIds = ids;
            if (runIds.isEmpty()) throw new InvalidInputException("merge: no completed shard run in " + fromStores);
            RunMerge merge = new RunMerge(runs, EngineEnvironment.system(), w -> err.println("arbiter: merge: " + w));
            record = merge.merge(runIds, shard -> metrics(shard, err), outDir, store.runsRoot());
        }
        err.println("arbiter: merged " + runIds.size() + " shards into run " + record.runId());
        if (fmt.isJson()) JsonOut.print(out, "run", record);
        else RunText.print(out, record);
        return ExitCode.OK;
    }

    /** The shards' task's metrics, built again from their recipe ({@link MergeMetrics#ofRun}). */
    private static List<Metric> metrics(RunManifest shard, PrintWriter err) {
        return MergeMetrics.ofRun(shard, "merge", "merge where the task's dataset is, with shards run by this version", err);
    }

    private static boolean isShard(StoredRun r) {
        try {
            return dev.arbiter.util.Json.mapper().readTree(r.manifest()).path("scale").has("shard");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Copies the named runs found in {@code from} (or, with no run ids, its completed shard runs) into {@code to}. */
    private List<String> copyFrom(String from, RunStore to) {
        List<String> copied = new ArrayList<>();
        if (!RunStore.isDatabaseUrl(from) && !Files.isRegularFile(Path.of(from))) {
            throw new dev.arbiter.error.UnavailableException("--from " + from + ": no such store");
        }
        try (RunStore source = RunStore.isDatabaseUrl(from) ? RunStore.open(from) : RunStore.open(Path.of(from))) {
            for (StoredRun r : source.runs()) {
                boolean wanted = runIds.isEmpty()
                        ? RunStatus.completed.name().equals(r.status()) && isShard(r)
                        : runIds.contains(r.runId());
                if (!wanted) continue;
                RunTransfer.copy(source, to, r.runId());
                copied.add(r.runId());
            }
        }
        return copied;
    }
}
