package dev.arbiter.cli;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** Top-level command; subcommands are registered here. */
@Command(name = "arbiter", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Pick, fit, evaluate and probe open-weight LLMs on your own hardware and data.",
        subcommands = {
                ModelsCommand.class,
                ShowCommand.class,
                FitCommand.class,
                HardwareCommand.class,
                RecommendCommand.class,
                CompareCommand.class,
                ImportConfigCommand.class,
                EndpointsCommand.class,
                EvalCommand.class,
                RunsCommand.class,
                RescoreCommand.class,
                DiffCommand.class,
                ReportCommand.class,
                MtBenchPairCommand.class,
                ProbeCommand.class,
                CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 ok, 2 bad usage or input, 3 file or endpoint unavailable, 1 internal error."})
public final class Arbiter implements java.util.concurrent.Callable<Integer> {
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
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Arbiter());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof InvalidInputException) {
                e.println("arbiter: error: " + ex.getMessage());
                return ExitCode.BAD_INPUT;
            }
            if (ex instanceof UnavailableException) {
                e.println("arbiter: unavailable: " + ex.getMessage());
                return ExitCode.UNAVAILABLE;
            }
            if (ex instanceof CommandLine.ParameterException pe) {
                e.println("arbiter: " + pe.getMessage());
                return ExitCode.BAD_INPUT;
            }
            e.println("arbiter: internal error: " + ex);
            ex.printStackTrace(e);
            return ExitCode.INTERNAL;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("arbiter: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.BAD_INPUT;
        });
        return cl;
    }
}
