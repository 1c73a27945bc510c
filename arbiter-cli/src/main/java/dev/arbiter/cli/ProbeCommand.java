package dev.arbiter.cli;

import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EnvLookup;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.EvalRunner;
import dev.arbiter.eval.engine.RunOptions;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.probe.GuardReports;
import dev.arbiter.probe.ProbeCategory;
import dev.arbiter.probe.ProbeScorer;
import dev.arbiter.probe.UnsafeSet;
import dev.arbiter.probe.guard.GuardClassifier;
import dev.arbiter.probe.guard.GuardedScorer;
import dev.arbiter.probe.ProbePack;
import dev.arbiter.probe.ProbePackLoader;
import dev.arbiter.probe.ProbeReport;
import dev.arbiter.probe.ProbeReports;
import dev.arbiter.probe.ProbeSettings;
import dev.arbiter.probe.ProbeTask;
import dev.arbiter.util.Ticker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "probe", addMethodSubcommands = false, mixinStandardHelpOptions = true, subcommands = {ProbeDiffCommand.class},
        description = "Attack a served model with probe packs (prompt injection, leakage, exfiltration, jailbreak, "
                + "unsafe rendering, over-refusal) and report attack success rates scored without a judge.",
        footer = {"", "Examples:",
                "  ./arbiter probe --endpoint http://127.0.0.1:8000 --model qwen2.5-7b",
                "  ./arbiter probe --endpoint http://127.0.0.1:8000 --model m --category indirect_injection --attempts 5 --temperature 0.7",
                "  ./arbiter probe ... --system-file our-prompt.txt --document kb/faq.md --pack our-probes.yaml --format json",
                "  ./arbiter probe ... --guard-endpoint http://127.0.0.1:8001 --guard-model meta-llama/Llama-Guard-3-8B --unsafe-set my-unsafe.jsonl",
                "  ./arbiter probe diff RUN_A RUN_B          # two models on the same probes, per category (McNemar)",
                "",
                "Categories: system_prompt_leak, indirect_injection, goal_hijack, exfiltration, obfuscation,",
                "unsafe_render, jailbreak, over_refusal. A HIT is always the bad outcome (for over_refusal: a benign",
                "twin refused or answered wrongly). Runs are stored and resumed like eval runs (same seed, same probes)."})
final class ProbeCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @Mixin StoreMixin store;
    @Mixin EndpointMixin endpointOptions;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--pack", paramLabel = "FILE", description = "A probe pack (YAML) of your own, added to the core pack. Repeatable.")
    List<Path> packs = new ArrayList<>();
    @Option(names = "--no-core-pack", description = "Only the packs given with --pack.")
    boolean noCore;
    @Option(names = "--category", paramLabel = "ID", description = "Only this category. Repeatable.")
    List<String> categories = new ArrayList<>();
    @Option(names = "--system-file", paramLabel = "FILE", description = "Your deployment's system prompt; each probe's rules are appended to it.")
    Path systemFile;
    @Option(names = "--document", paramLabel = "FILE", description = "Your own document to carry injections (RAG-style), used in turn. Repeatable. "
            + "Utility under attack is not measured on it: the probes' known answers belong to their own documents.")
    List<Path> documents = new ArrayList<>();
    @Option(names = "--attempts", paramLabel = "N", description = "Attempts per probe (default: 1; use several with --temperature > 0).")
    int attempts = 1;
    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (default: 0).")
    double temperature = 0;
    @Option(names = "--max-tokens", paramLabel = "N", description = "Longest answer in tokens (default: 512); a cut-off answer is unscored unless already decided.")
    int maxTokens = 512;
    @Option(names = "--seed", paramLabel = "S", description = "Derives the canaries and is sent to the model (default: 0).")
    long seed = 0;
    @Option(names = "--no-controls", description = "Skip the no-attack control runs (base rates).")
    boolean noControls;

    @Mixin ProbeGuardOptions guardOptions;

    @Option(names = "--concurrency", paramLabel = "C", description = "Requests in flight at once (default: the endpoint's).")
    Integer concurrency;
    @Option(names = "--rpm", paramLabel = "R", description = "At most R requests per minute.")
    Double rpm;
    @Option(names = "--retries", paramLabel = "N", description = "Retries after 429/5xx/timeout (default: 5).")
    int retries = 5;
    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: $ARBITER_HOME/runs/RUN_ID).")
    Path outDir;
    @Option(names = "--resume", paramLabel = "RUN_ID", description = "Continue this run.")
    String resume;
    @Option(names = "--no-resume", description = "Start afresh even if an incomplete run with the same settings exists.")
    boolean noResume;
    @Option(names = "--no-cache", description = "Ask the model even when the same request was answered before.")
    boolean noCache;
    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Override
    public Integer call() {
        if (attempts < 1) throw new InvalidInputException("--attempts must be >= 1, got " + attempts);
        if (maxTokens < 1) throw new InvalidInputException("--max-tokens must be >= 1, got " + maxTokens);
        if (temperature < 0) throw new InvalidInputException("--temperature must be >= 0, got " + temperature);
        if (noResume && resume != null) throw new InvalidInputException("--resume and --no-resume contradict each other");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Endpoint endpoint = endpointOptions.resolve();
        EnvLookup keys = EvalCommand.env != null ? EvalCommand.env : EnvLookup.system();
        ProbeSettings settings = settings();
        GuardClassifier guard = guardOptions.create(endpointOptions.config, retries, keys);
        if (guard != null) checkGuardAnswers(guard);
        Scorer scorer = guard == null ? new ProbeScorer() : new GuardedScorer(new ProbeScorer(), guard);
        List<Sample> unsafe = guardOptions.unsafeSet == null ? List.of() : UnsafeSet.load(guardOptions.unsafeSet,
                settings.baseSystem() != null ? settings.baseSystem() : ProbeSettings.DEFAULT_BASE_SYSTEM);
        Task task = ProbeTask.create(packs(), settings, new GenerationConfig(temperature, null, maxTokens, null, null, null, null),
                scorer, unsafe);
        RunOptions opts = RunOptions.builder(store.runsRoot()).concurrency(concurrency).requestsPerMinute(rpm).seed(seed)
                .epochs(attempts).outDir(outDir).resume(resume).autoResume(!noResume).cache(!noCache).maxRetries(retries)
                // The probe scorer reads a cut-off answer itself: a canary already printed is a hit, else unscored.
                .gradeTruncated(true).arbiterVersion(Version.get()).build();
        boolean live = !quiet && StderrTerminal.isTerminal();
        try (RunStore runs = store.open(); ModelClient client = ModelClients.create(endpoint, Ticker.system(), keys, ErrorMapper.system())) {
            EvalCommand.warnIfModelNotListed(client, endpoint, err);
            EvalRunner runner = EvalRunner.standard(runs, new ProgressBar(err, live, !quiet));
            return EvalCommand.runWithCtrlC(runner, () -> {
                RunRecord record = runner.run(task, endpoint, client, opts);
                List<SampleRecord> records = new RunReader(runs).samples(record.runId());
                ProbeReport report = ProbeReports.summarise(record, records);
                if (guard != null) {
                    report = report.withGuard(GuardReports.summarise(guard.kind(), guard.model(), guard.screensResponses(), records));
                }
                if (fmt.isJson()) JsonOut.print(out, "probe", report);
                else ProbeText.print(out, report);
                return EvalCommand.exitCode(record, records, err);
            });
        }
    }

    /**
     * One harmless prompt to the guard before the run, as eval probes its endpoint: a guard that cannot be reached is
     * exit 3 now, not 81 "unreadable" verdicts and a report that measured nothing (the run's scorer keeps a failure
     * during the run as unreadable, per answer).
     */
    private static void checkGuardAnswers(GuardClassifier guard) {
        try {
            guard.prompt("What is the capital of France?");
        } catch (dev.arbiter.error.UnavailableException e) {
            throw new dev.arbiter.error.UnavailableException("guard " + guard.model() + " did not answer: " + e.getMessage(), e);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("guard " + guard.model() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new dev.arbiter.error.UnavailableException("guard " + guard.model() + " did not answer: "
                    + (e.getMessage() != null ? e.getMessage() : e.toString()), e);
        }
    }

    private List<ProbePack> packs() {
        List<ProbePack> all = new ArrayList<>();
        if (!noCore) all.addAll(ProbePackLoader.bundled());
        for (Path p : packs) all.add(ProbePackLoader.load(p));
        if (all.isEmpty()) throw new InvalidInputException("--no-core-pack needs at least one --pack FILE");
        return all;
    }

    private ProbeSettings settings() {
        Set<ProbeCategory> cats = EnumSet.noneOf(ProbeCategory.class);
        for (String c : categories) cats.add(ProbeCategory.parse(c, "--category"));
        List<String> docs = new ArrayList<>();
        for (Path d : documents) docs.add(read(d, "--document"));
        return new ProbeSettings(seed, systemFile == null ? null : read(systemFile, "--system-file"), docs, cats, !noControls);
    }

    private static String read(Path file, String flag) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            if (s.isBlank()) throw new InvalidInputException(flag + " " + file + ": the file is empty");
            return s;
        } catch (IOException e) {
            throw new UnavailableException(flag + " " + file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
