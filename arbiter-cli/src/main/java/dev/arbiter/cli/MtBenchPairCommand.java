package dev.arbiter.cli;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.EnvLookup;
import dev.arbiter.client.ModelClient;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.task.DatasetCache;
import dev.arbiter.eval.task.MtBenchTask;
import dev.arbiter.eval.task.mtbench.MtBenchData;
import dev.arbiter.eval.task.mtbench.pairwise.MtBenchPairwise;
import dev.arbiter.eval.task.mtbench.pairwise.PairSide;
import dev.arbiter.eval.task.mtbench.pairwise.PairwiseReport;
import dev.arbiter.eval.task.mtbench.pairwise.WinTally;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "mt-bench-pair", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "Judge two stored mt_bench runs against each other (FastChat's pairwise mode): each turn twice, "
                + "answers swapped; a win counts only when both orders agree. Only the judge is called.",
        footer = {"", "Examples:",
                "  ./arbiter mt-bench-pair 20260101-ab12 20260101-cd34 --judge-endpoint http://127.0.0.1:8001 --judge-model qwen2.5-72b",
                "  ./arbiter mt-bench-pair RUN_A RUN_B --judge-endpoint judge --store runs/arbiter.db --format json",
                "",
                "Rates are A's: win, loss and tie over judged comparisons (one comparison = one question's turn), with",
                "Wilson 95%% intervals. 'inconsistent' counts ties that arose because the two orders disagreed (position",
                "bias); 'unjudged' comparisons had an unreadable verdict or a failed judge call and are left out.",
                "Exit codes: 0 done, 2 bad input (unknown run, not mt_bench, no shared question), 3 store or judge unavailable."})
final class MtBenchPairCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @Mixin StoreMixin store;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_A", description = "The run whose win rate is reported (see ./arbiter runs).")
    String runA;
    @Parameters(index = "1", paramLabel = "RUN_B", description = "The run it is compared against (the baseline).")
    String runB;

    @Option(names = "--judge-endpoint", required = true, paramLabel = "URL|NAME", description = "Judge model server URL or endpoint name.")
    String judgeEndpoint;
    @Option(names = "--judge-model", paramLabel = "NAME", description = "Judge model name.")
    String judgeModel;
    @Option(names = "--judge-api", paramLabel = "API", description = "Judge protocol: openai or ollama.")
    ApiFlavor judgeApi;
    @Option(names = "--judge-api-key-env", paramLabel = "VAR", description = "Environment variable holding the judge's API key.")
    String judgeApiKeyEnv;
    @Option(names = "--endpoints-config", paramLabel = "FILE", description = "Named endpoints (YAML). Default: $ARBITER_HOME/endpoints.yaml.")
    Path endpointsConfig;
    @Option(names = "--data", paramLabel = "DIR", description = "MT-Bench in FastChat's layout, for judge prompts and reference answers "
            + "(default: the directory run A was answered from, else the downloaded copy).")
    Path data;
    @Option(names = "--concurrency", paramLabel = "C", description = "Judge requests in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency = 4;
    @Option(names = "--retries", paramLabel = "N", description = "Retries of a judge call after 429/5xx/timeout (default: ${DEFAULT-VALUE}).")
    int retries = 5;

    @Override
    public Integer call() {
        if (retries < 0) throw new InvalidInputException("--retries must be >= 0, got " + retries);
        if (concurrency < 1) throw new InvalidInputException("--concurrency must be >= 1, got " + concurrency);
        PrintWriter out = spec.commandLine().getOut();
        PairwiseReport report;
        try (RunStore runs = store.openExisting(); ModelClient judge = judgeClient()) {
            RunReader reader = new RunReader(runs);
            report = new MtBenchPairwise(data(reader), judge, concurrency).compare(reader, runA, runB);
        }
        if (fmt.isJson()) JsonOut.print(out, "mt_bench_pair", report);
        else render(out, report);
        return ExitCode.OK;
    }

    private ModelClient judgeClient() {
        return JudgeClients.create(judgeEndpoint, judgeModel, judgeApi, judgeApiKeyEnv, endpointsConfig, retries,
                EvalCommand.env != null ? EvalCommand.env : EnvLookup.system());
    }

    /** --data, else the FastChat-layout directory run A was answered from, else the dataset cache (downloading). */
    private MtBenchData data(RunReader reader) {
        if (data != null) {
            if (!Files.isDirectory(data)) throw new InvalidInputException("--data " + data + ": not a directory");
            return MtBenchData.loadDir(data);
        }
        String answeredFrom = reader.record(runA).manifest().datasetPath();
        if (answeredFrom != null) {
            Path dir = Path.of(answeredFrom);
            if (Files.isRegularFile(dir.resolve("question.jsonl")) && Files.isRegularFile(dir.resolve("reference_answer").resolve("gpt-4.jsonl"))) {
                return MtBenchData.loadDir(dir);
            }
        }
        DatasetCache cache = DatasetCache.standard();
        return MtBenchData.load(cache.fetch(MtBenchTask.QUESTIONS), cache.fetch(MtBenchTask.JUDGE_PROMPTS),
                cache.fetch(MtBenchTask.REFERENCES));
    }

    static void render(PrintWriter out, PairwiseReport r) {
        side(out, "A", r.a());
        side(out, "B", r.b());
        out.printf(Locale.US, "judge: %s%n", r.judge());
        out.printf(Locale.US, "questions compared: %d (only in A: %d, only in B: %d); %d judge calls, %d unreadable verdict(s), %d failed call(s)%n",
                r.shared(), r.onlyInA(), r.onlyInB(), r.judgeCalls(), r.parseFailures(), r.judgeErrors());
        out.printf(Locale.US, "%-18s %4s %4s %4s %4s  %-22s %-22s %-22s %12s %8s%n", "", "n", "win", "loss", "tie",
                "A win rate (95% CI)", "A loss rate (95% CI)", "tie rate (95% CI)", "inconsistent", "unjudged");
        row(out, "overall", r.overall());
        for (Map.Entry<String, WinTally> e : r.byTurn().entrySet()) row(out, e.getKey().replace('_', ' '), e.getValue());
        for (Map.Entry<String, WinTally> e : r.byCategory().entrySet()) row(out, e.getKey(), e.getValue());
        WinTally o = r.overall();
        if (o.decisiveWinShare() != null) {
            out.printf(Locale.US, "A won %s of decisive comparisons (95%% CI %s)%n", Text.num(o.decisiveWinShare(), 3),
                    RunText.interval(o.decisiveWinShareCi95()));
        }
        for (String n : r.notes()) out.println("! " + n);
    }

    private static void side(PrintWriter out, String label, PairSide s) {
        out.printf(Locale.US, "%s: %s  model %s  %s  %d questions answered%n", label, s.runId(),
                s.model() == null ? "-" : s.model(), s.status(), s.answered());
    }

    private static void row(PrintWriter out, String name, WinTally t) {
        out.printf(Locale.US, "%-18s %4d %4d %4d %4d  %-22s %-22s %-22s %12d %8d%n", name, t.judged(), t.wins(), t.losses(),
                t.ties(), rate(t.winRate(), t.winRateCi95()), rate(t.lossRate(), t.lossRateCi95()),
                rate(t.tieRate(), t.tieRateCi95()), t.inconsistent(), t.unjudged());
    }

    private static String rate(Double v, java.util.List<Double> ci) {
        if (v == null) return "-";
        return Text.num(v, 3) + " [" + Text.num(ci.get(0), 2) + ", " + Text.num(ci.get(1), 2) + "]";
    }
}
