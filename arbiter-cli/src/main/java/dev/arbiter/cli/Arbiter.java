package dev.arbiter.cli;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Top-level command; subcommands are registered here. */
@Command(name = "arbiter", addMethodSubcommands = false, mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Pick, fit, evaluate and probe open-weight LLMs on your own hardware and data.",
        footer = {"", "Examples:",
                "  ./arbiter recommend --hardware rtx-4090 --use-case code",
                "  ./arbiter recommend --memory-gib 32 --use-case chatbot --license commercial --region eu",
                "  ./arbiter fit qwen2.5-72b --quant Q4_K_M --hardware rtx-4090",
                "  ./arbiter compare llama-4-scout gemma-3-27b qwen2.5-72b",
                "  ./arbiter eval --endpoint http://127.0.0.1:8000 --model Qwen/Qwen2.5-7B-Instruct --task gsm8k --limit 200",
                "  ./arbiter COMMAND --help        (every command has worked examples)",
                "",
                "Exit codes: 0 ok, 2 bad usage or input, 3 file or endpoint unavailable, 4 eval completed with",
                "sample errors, 130 interrupted (Ctrl-C; 143 for SIGTERM), 1 internal error. With --format json a failure prints",
                "{\"schema_version\": 1, \"kind\": \"error\", \"error\": {\"kind\", \"message\", \"exit_code\"}} on stdout",
                "(a run eval or bench started prints its record instead, with its status and run_id)."})
public final class Arbiter implements java.util.concurrent.Callable<Integer> {
    /**
     * The subcommands by name, in the order help lists them (registered in {@link #commandLine}, not in the
     * annotation). Named here as well as in each {@code @Command}, so that finding the one a command line names does
     * not parse every other command's annotation (a tenth of recommend's start); {@code LazySubcommandsTest} holds
     * the two names equal.
     */
    static final Map<String, Class<?>> COMMANDS = commands(
            "models", ModelsCommand.class,
            "show", ShowCommand.class,
            "fit", FitCommand.class,
            "hardware", HardwareCommand.class,
            "recommend", RecommendCommand.class,
            "cost", CostCommand.class,
            "compare", CompareCommand.class,
            "import-config", ImportConfigCommand.class,
            "endpoints", EndpointsCommand.class,
            "eval", EvalCommand.class,
            "bench", BenchCommand.class,
            "runs", RunsCommand.class,
            "rescore", RescoreCommand.class,
            "merge", MergeCommand.class,
            "k8s-job", K8sJobCommand.class,
            "diff", DiffCommand.class,
            "report", ReportCommand.class,
            "mt-bench-pair", MtBenchPairCommand.class,
            "serve", ServeCommand.class,
            "probe", ProbeCommand.class,
            "help", CommandLine.HelpCommand.class);

    private static Map<String, Class<?>> commands(Object... nameClass) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameClass.length; i += 2) m.put((String) nameClass[i], (Class<?>) nameClass[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No subcommand is a usage error: the list of commands goes to stderr and the exit code is 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }

    /** Runs the CLI on System.out / System.err. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the CLI with the given streams; what tests call. Never exits the JVM. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        PrintWriter safeOut = new PrintWriter(new TerminalSafeWriter(out), true);
        PrintWriter safeErr = new PrintWriter(new TerminalSafeWriter(err), true);
        try {
            return forArgs(safeOut, safeErr, args).execute(args);
        } finally {
            safeOut.flush();
            safeErr.flush();
        }
    }

    /** The CLI with every subcommand (help, the web bridge). */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, List.copyOf(COMMANDS.values()));
    }

    /**
     * The CLI with only the subcommand {@code args} start with, when they start with one (not help): picocli's model
     * of all the subcommands, built by reflection, was half of the start-up of {@code models}. {@code --version} on
     * its own needs none of them. Anything else (no command, another option, help, a typo to suggest a command for)
     * gets them all.
     */
    static CommandLine forArgs(PrintWriter out, PrintWriter err, String... args) {
        Class<?> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null && named != CommandLine.HelpCommand.class) return commandLine(out, err, List.of(named));
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return commandLine(out, err, List.of());
        }
        return commandLine(out, err);
    }

    /**
     * picocli's built-in converters for java.time and java.sql types, which no option here takes
     * ({@code ConverterExclusionTest} holds that): registering them loads and initialises those classes (a
     * DateTimeFormatter built for MonthDay, a regex compiled for Period...) for every command line built, a fifth of
     * picocli's part of the start (docs/performance.md). picocli's own switch; a value the user set is kept.
     */
    static final String UNUSED_CONVERTERS = "java\\.(time|sql)\\..*";  // one regex: picocli compiles each for every converter

    private static CommandLine commandLine(PrintWriter out, PrintWriter err, List<Class<?>> commands) {
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", UNUSED_CONVERTERS);
        }
        // picocli's default factory otherwise looks for Groovy's Closure class on the class path at its first use (a
        // miss, an exception and its stack trace at every start). No command here is written in Groovy.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        CommandLine cl = new CommandLine(new Arbiter());
        for (Class<?> c : commands) cl.addSubcommand(new CommandLine(c));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        HelpLayout.apply(cl);
        // k8s-job passes every flag it does not know on to eval in its pods
        CommandLine k8s = cl.getSubcommands().get("k8s-job"); // absent when only another subcommand was built
        if (k8s != null) k8s.setUnmatchedOptionsArePositionalParams(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            int code;
            if (ex instanceof InvalidInputException) {
                e.println("arbiter: error: " + ex.getMessage());
                code = ExitCode.BAD_INPUT;
            } else if (ex instanceof UnavailableException) {
                e.println("arbiter: unavailable: " + ex.getMessage());
                code = ExitCode.UNAVAILABLE;
            } else if (ex instanceof CommandLine.ParameterException pe) {
                e.println("arbiter: " + pe.getMessage());
                code = ExitCode.BAD_INPUT;
            } else {
                e.println("arbiter: internal error: " + String.valueOf(ex));
                ex.printStackTrace(e);
                code = ExitCode.INTERNAL;
            }
            if (wantsJson(parseResult)) printError(commandLine.getOut(), code, ex.getMessage());
            return code;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("arbiter: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            if (wantsJson(args)) printError(ex.getCommandLine().getOut(), ExitCode.BAD_INPUT, ex.getMessage());
            return ExitCode.BAD_INPUT;
        });
        return cl;
    }

    /** The JSON document a failing command prints on stdout when JSON was asked for: scripts always get one. */
    static void printError(PrintWriter out, int code, String message) {
        java.util.Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("kind", ExitCode.errorKind(code));
        error.put("message", message == null ? "" : message);
        error.put("exit_code", code);
        JsonOut.print(out, "error", java.util.Map.of("error", error));
    }

    /** Whether the command that ran (the innermost subcommand) was given --json or --format json. */
    static boolean wantsJson(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = parsed;
        while (p != null && p.hasSubcommand()) p = p.subcommand();
        if (p == null) return false;
        if (p.hasMatchedOption("--json") && Boolean.TRUE.equals(p.matchedOptionValue("--json", false))) return true;
        Object format = p.hasMatchedOption("--format") ? p.matchedOptionValue("--format", null) : null;
        return format != null && format.toString().equalsIgnoreCase("json");
    }

    /** The same from the raw arguments, for a command line that did not parse. */
    static boolean wantsJson(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json") || a.equalsIgnoreCase("--format=json")) return true;
            if (a.equals("--format") && i + 1 < args.length && args[i + 1].equalsIgnoreCase("json")) return true;
        }
        return false;
    }
}
