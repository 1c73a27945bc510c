package dev.arbiter.cli;

import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EnvLookup;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.client.BoundedModelClient;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.GenerationOverrides;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.harness.HarnessProfile;
import dev.arbiter.eval.engine.EvalRunner;
import dev.arbiter.eval.engine.ReadRecordingMap;
import dev.arbiter.eval.engine.RunError;
import dev.arbiter.eval.engine.RunOptions;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.RunStatus;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.task.StandardTasks;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.util.Ticker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

@Command(name = "eval", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "Evaluate a served model on a task; every answer is kept, the run can be resumed and re-scored.",
        footer = {"", "Examples:",
                "  ./arbiter eval --endpoint http://127.0.0.1:8000 --model qwen2.5-7b --task gsm8k --limit 200 --seed 1",
                "  ./arbiter eval --endpoint http://127.0.0.1:11434 --api ollama --model llama3.1 --task custom --data qa.jsonl",
                "  ./arbiter eval ... --resume 20250301-142233-7f3a9c --format json",
                "",
                "A run with the same task, model, endpoint, settings and dataset that did not complete is resumed",
                "automatically (--no-resume to start afresh). Exit codes: 0 completed, 2 bad input or unknown model,",
                "3 endpoint unreachable or refusing the key, 4 completed with sample errors (--resume asks them again),",
                "130 interrupted with Ctrl-C, 143 stopped with SIGTERM (both stored as interrupted, answers kept)."})
final class EvalCommand implements Callable<Integer> {
    /** Exit code of a run stopped with Ctrl-C (128 + SIGINT), as shells report it. */
    static final int INTERRUPTED = ExitCode.INTERRUPTED;

    /** Where task names are looked up; null means the standard tasks. Tests put their own registry here. */
    static Supplier<TaskRegistry> registry = null;
    /** Where API keys are read; null means the process environment. Tests put a secret here. */
    static EnvLookup env = null;

    @Mixin FormatMixin fmt;
    @Mixin StoreMixin store;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Mixin EndpointMixin endpointOptions;
    @Mixin ShardMixin sharding;

    @Option(names = "--task", required = true, paramLabel = "NAME", description = "Task name (see the list in the error for an unknown one).")
    String taskName;
    @Option(names = "--data", paramLabel = "PATH", description = "Dataset file or directory (default: the task's own).")
    Path data;
    @Option(names = "--limit", paramLabel = "N", description = "Evaluate N samples drawn with the seed (default: all).")
    Integer limit;
    @Option(names = "--seed", paramLabel = "S", description = "Seed for --limit sampling, also sent to the model (epoch k sends S+k).")
    Long seed;
    @Option(names = "--epochs", paramLabel = "K", description = "Answers per sample (default: 1).")
    int epochs = 1;
    @Option(names = "--shots", paramLabel = "N", description = "Few-shot examples, for tasks that take them.")
    Integer shots;
    @Option(names = "--scorer", paramLabel = "NAME", description = "Scorer to use instead of the task's default.")
    String scorer;
    @Option(names = "--subject", paramLabel = "NAME", description = "Subset of the task (MMLU subject, MATH level…). Repeatable.")
    List<String> subjects = new ArrayList<>();
    @Option(names = "--language", paramLabel = "LANG", description = "Prompt/dataset language, for tasks that have several.")
    String language;
    @Option(names = "--option", paramLabel = "KEY=VALUE", description = "Task-specific setting (niah: lengths, depths...). Repeatable. A key the task does not read is refused.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--field", paramLabel = "FIELD=COLUMN", description = "custom task: read FIELD (input, target, id, choices, system, metadata) from COLUMN. Repeatable.")
    Map<String, String> fields = new LinkedHashMap<>();
    @Option(names = "--skip-invalid", description = "custom task: report and skip malformed rows instead of stopping; the run records how many and their lines (dataset_skipped).")
    boolean skipInvalid;
    @Option(names = "--system", paramLabel = "TEXT", description = "System message for every sample (chat requests): first in the conversation, or after the sample's own system messages when it has some (as Inspect's system_message). Some chat templates accept only one system turn: put both texts in the data's system field instead.")
    String system;
    @Option(names = "--harness", paramLabel = "NAME", defaultValue = "arbiter",
            description = "Ask and grade as this reference harness does: arbiter (default), lm-eval, simple-evals, fastchat, human-eval, qwen."
                    + " lm-eval: mmlu by loglikelihood of \" A\"..\" D\" (a completions server that echoes prompt logprobs, e.g. vLLM),"
                    + " gsm8k 5-shot (--shots 5) or gsm8k_cot 8-shot, math (minerva), humaneval (--option mode=chat: humaneval_instruct).")
    String harness;

    @Option(names = "--max-tokens", paramLabel = "N", description = "Tokens the model may generate per request (overrides the task's).")
    Integer maxTokens;
    @Option(names = "--temperature", paramLabel = "T", description = "Sampling temperature (overrides the task's).")
    Double temperature;
    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus sampling mass in (0, 1] (overrides the task's).")
    Double topP;
    @Option(names = "--stop", paramLabel = "S", description = "Stop sequence; repeatable; replaces the task's stop sequences.")
    List<String> stop = new ArrayList<>();
    @Option(names = "--scorer-option", paramLabel = "KEY=VALUE", description = "Scorer setting, e.g. abs_tolerance=0.01, ignore_case=false. Repeatable.")
    Map<String, String> scorerOptions = new LinkedHashMap<>();

    @Option(names = "--judge-endpoint", paramLabel = "URL|NAME", description = "Judge model server for mt_bench and the judge scorer.")
    String judgeEndpoint;
    @Option(names = "--judge-model", paramLabel = "NAME", description = "Judge model name.")
    String judgeModel;
    @Option(names = "--judge-api", paramLabel = "API", description = "Judge protocol: openai or ollama.")
    dev.arbiter.client.ApiFlavor judgeApi;
    @Option(names = "--judge-api-key-env", paramLabel = "VAR", description = "Environment variable holding the judge's API key.")
    String judgeApiKeyEnv;
    @Option(names = "--judge-concurrency", paramLabel = "N", defaultValue = "4", description = "Judge calls in flight at once (default: ${DEFAULT-VALUE}).")
    int judgeConcurrency;

    @Option(names = "--concurrency", paramLabel = "C", description = "Requests in flight at once (default: the endpoint's, 16).")
    Integer concurrency;
    @Option(names = "--rpm", paramLabel = "R", description = "At most R requests per minute (default: the endpoint's, else no cap).")
    Double rpm;
    @Option(names = "--retries", paramLabel = "N", description = "Retries of a call after 429/5xx/timeout/dropped connection (default: 5).")
    int retries = 5;
    @Option(names = "--max-answer-bytes", paramLabel = "BYTES", description = "Longest answer kept (content plus reasoning, UTF-8), streamed or not; a longer one is cut with finish reason 'length' (default: 8388608, 8 MiB).")
    long maxAnswerBytes = dev.arbiter.client.http.HttpTransport.DEFAULT_MAX_ANSWER_BYTES;
    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: $ARBITER_HOME/runs/RUN_ID).")
    Path outDir;
    @Option(names = "--resume", paramLabel = "RUN_ID", description = "Continue this run, asking only for the answers it lacks.")
    String resume;
    @Option(names = "--no-resume", description = "Start a new run even if an incomplete one with the same settings exists.")
    boolean noResume;
    @Option(names = "--no-cache", description = "Ask the model even when the same request was answered before.")
    boolean noCache;
    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;
    @Option(names = "--context", paramLabel = "TOKENS", description = "Context window to ask the server for (Ollama num_ctx; default: the task's need), capped by the model's trained length.")
    Integer contextTokens;
    @Option(names = "--stream", negatable = true, description = "Stream answers and record time to first token and tokens/s per answer (default: on, except for logprob reads).")
    Boolean stream;

    @Override
    public Integer call() {
        if (noResume && resume != null) throw new InvalidInputException("--resume and --no-resume contradict each other");
        if (maxAnswerBytes < 1024) throw new InvalidInputException("--max-answer-bytes must be >= 1024, got " + maxAnswerBytes);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Endpoint endpoint = endpointOptions.isSet() ? endpointOptions.resolveReplicated() : Discovered.endpoint(endpointOptions, err);
        Map<String, String> taskOptions = new LinkedHashMap<>(options);
        fields.forEach((k, v) -> taskOptions.put("field." + k, v));
        scorerOptions.forEach((k, v) -> taskOptions.put("scorer." + k, v));
        if (skipInvalid) taskOptions.put("skip_invalid", "true");
        if (system != null) taskOptions.put("system", system);
        taskOptions.put("harness", harness);
        GenerationOverrides overrides = new GenerationOverrides(maxTokens, temperature, topP, stop);
        taskOptions.putIfAbsent("epochs", Integer.toString(epochs));
        ModelClient judge = judgeClient();
        try (ModelClient client = Replicas.client(endpoint, endpointOptions.replicaUrls(),
                url -> ModelClients.create(url, Ticker.system(), keys(), ErrorMapper.system(), maxAnswerBytes))) {
            // The server's model list is asked for while the dataset loads and the store opens (a cold first request
            // and its JSON set-up, ~0.05 s of a one-sample eval's 0.6 s), and read before the run starts.
            java.util.concurrent.FutureTask<List<String>> listing = new java.util.concurrent.FutureTask<>(client::listModels);
            Thread lister = new Thread(listing, "arbiter-list-models");
            lister.setDaemon(true);
            lister.start();
            TaskRegistry tasks = registry != null ? registry.get() : StandardTasks.registry(judge,
                    problem -> err.println("arbiter: skipped " + problem),
                    warning -> err.println("arbiter: sandbox warning: " + warning));
            ReadRecordingMap recorded = ReadRecordingMap.of(taskOptions);
            TaskParams params = new TaskParams(data, limit, seed, shots, scorer, subjects, language, recorded);
            Task created = tasks.create(taskName, params);
            refuseUnreadOptions(taskName, recorded);
            Task task = HarnessProfile.stamp(created, harness, shots).withSystem(system).withGeneration(overrides);
            RunOptions opts = RunOptions.builder(store.runsRoot()).concurrency(concurrency).requestsPerMinute(rpm).seed(seed)
                    .limit(limit).epochs(epochs).outDir(outDir).resume(resume).autoResume(!noResume).cache(!noCache)
                    .contextTokens(contextTokens).stream(stream).shard(sharding.spec())
                    .task(dev.arbiter.eval.engine.TaskRebuild.recipe(taskName, params))
                    .maxRetries(retries).arbiterVersion(Version.get()).build();
            boolean live = !quiet && StderrTerminal.isTerminal();
            try (RunStore runs = store.open()) {
                warnIfModelNotListed(listed(listing), endpoint, err);
                EvalRunner runner = EvalRunner.standard(runs, new ProgressBar(err, live, !quiet));
                return runWithCtrlC(runner, () -> {
                    RunRecord record = runner.run(task, endpoint, client, opts);
                    if (fmt.isJson()) JsonOut.print(out, "run", record);
                    else RunText.print(out, record);
                    // the answers are read back (and parsed) only when some failed: the count the exit code needs
                    boolean anyError = record.tasks().stream().anyMatch(t -> t.errors() > 0);
                    return exitCode(record, anyError ? new RunReader(runs).samples(record.runId()) : List.of(), err);
                });
            }
        }
    }

    /**
     * A {@code --option} the task's factory never asked for is refused, as an unknown --scorer-option is: a typo
     * ({@code length} for niah's {@code lengths}) or another task's setting would otherwise run the default silently.
     * Only the user's --option keys are checked (the flags that travel as options, --field, --system..., are read
     * elsewhere too).
     */
    private void refuseUnreadOptions(String taskName, ReadRecordingMap recorded) {
        // the flags a task may ignore, when given: refused the same way (--subject algebra on gsm8k ran all of gsm8k)
        List<String> flags = new ArrayList<>();
        if (shots != null) flags.add(TaskParams.SHOTS);
        if (subjects != null && !subjects.isEmpty()) flags.add(TaskParams.SUBJECTS);
        if (language != null) flags.add(TaskParams.LANGUAGE);
        java.util.Set<String> ignored = recorded.flagsNotRead(flags);
        if (!ignored.isEmpty()) {
            throw new InvalidInputException("task " + taskName + " does not take " + String.join(", ", ignored)
                    + " (./arbiter eval --help lists what each task takes)");
        }
        java.util.Set<String> unread = recorded.unread(options.keySet());
        if (unread.isEmpty()) return;
        List<String> takes = recorded.asked().stream().filter(k -> !INTERNAL_OPTIONS.contains(k) && !unread.contains(k)).sorted().toList();
        throw new InvalidInputException("task " + taskName + " does not take --option " + String.join(", ", unread)
                + (takes.isEmpty() ? " (it reads no --option)" : " (it reads: " + String.join(", ", takes) + ")"));
    }

    /** Options the command itself sets from its own flags, which tasks may ask for: not shown as --option settings. */
    private static final java.util.Set<String> INTERNAL_OPTIONS = java.util.Set.of("harness", "epochs", "system", "skip_invalid");

    /** What the background listing found; empty when it failed (listing is optional) or was interrupted. */
    private static List<String> listed(java.util.concurrent.FutureTask<List<String>> listing) {
        try {
            return listing.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return List.of(); // the capability probe reports a dead endpoint
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** The judge client from --judge-*, or null when no judge was asked for. */
    private ModelClient judgeClient() {
        if (judgeConcurrency < 1) throw new InvalidInputException("--judge-concurrency must be >= 1, got " + judgeConcurrency);
        if (judgeEndpoint == null) {
            if (judgeModel != null) throw new InvalidInputException("--judge-model needs --judge-endpoint");
            return null;
        }
        return new BoundedModelClient(JudgeClients.create(judgeEndpoint, judgeModel, judgeApi, judgeApiKeyEnv,
                endpointOptions.config, retries, keys()), judgeConcurrency);
    }

    private static EnvLookup keys() {
        return env != null ? env : EnvLookup.system();
    }

    /**
     * Runs {@code body} (the run and its output) with a shutdown hook that, on Ctrl-C, stops the run and holds the
     * JVM up to 10 s so the interrupted record is stored and printed.
     */
    static int runWithCtrlC(EvalRunner runner, Supplier<Integer> body) {
        return CtrlC.guard(runner::requestStop, 10, body);
    }

    /**
     * 0 completed; 4 completed but some samples failed after their retries; failed runs by the error's type (2
     * input, 3 unavailable, 1 bug); 130 interrupted.
     */
    static int exitCode(RunRecord r, List<SampleRecord> samples, PrintWriter err) {
        if (r.status() == RunStatus.completed) {
            long failed = SampleErrors.count(samples);
            if (failed == 0) return ExitCode.OK;
            err.println("arbiter: completed with sample errors: " + failed + " of " + samples.size()
                    + " samples have no answer after their retries; their scores are missing, not zero."
                    + " --resume " + r.runId() + " asks for them again");
            return ExitCode.COMPLETED_WITH_SAMPLE_ERRORS;
        }
        if (r.status() == RunStatus.interrupted) {
            err.println("arbiter: interrupted; answers so far are kept: --resume " + r.runId());
            return INTERRUPTED;
        }
        RunError e = r.error();
        if (e == null) return ExitCode.INTERNAL;
        return switch (e.type()) {
            case RunError.UNAVAILABLE -> {
                err.println("arbiter: unavailable: " + e.message());
                yield ExitCode.UNAVAILABLE;
            }
            case RunError.INVALID_INPUT -> {
                err.println("arbiter: error: " + e.message());
                yield ExitCode.BAD_INPUT;
            }
            default -> {
                err.println("arbiter: internal error: " + e.message());
                yield ExitCode.INTERNAL;
            }
        };
    }

    /**
     * A server that lists its models but not the one asked for: vLLM would answer 404 anyway, but llama.cpp and some
     * proxies serve whatever they loaded under any name, so the run would silently measure another model.
     */
    static void warnIfModelNotListed(ModelClient client, Endpoint endpoint, PrintWriter err) {
        List<String> listed;
        try {
            listed = client.listModels();
        } catch (RuntimeException e) {
            return;  // listing is optional; the capability probe reports a dead endpoint
        }
        warnIfModelNotListed(listed, endpoint, err);
    }

    /** Warns when the server lists models and {@code endpoint}'s is not among them. */
    static void warnIfModelNotListed(List<String> listed, Endpoint endpoint, PrintWriter err) {
        if (!listed.isEmpty() && !listed.contains(endpoint.model())) {
            err.println("arbiter: warning: " + Endpoint.safeUrl(endpoint.baseUrl()) + " lists " + listed + ", not '" + endpoint.model()
                    + "'; a server that ignores the name (llama.cpp) will answer with the model it loaded");
        }
    }
}
