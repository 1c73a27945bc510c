package dev.arbiter.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * Runs a command in-process and keeps what it printed: how the web API answers, so that {@code /api/recommend?…}
 * returns exactly the document {@code ./arbiter recommend … --format json} prints — the CLI and the UI cannot
 * disagree. {@code @file} expansion is off: an argument from a query string never makes picocli read a file.
 */
public final class CliBridge {
    /** What the command printed and its exit code ({@link ExitCode}). */
    public record Result(int exitCode, String out, String err) {}

    private static final java.util.Map<String, CommandLine.Model.CommandSpec> SPECS = new java.util.concurrent.ConcurrentHashMap<>();

    private CliBridge() {}

    /** The names of the commands, as typed. */
    public static java.util.Set<String> commands() {
        return Arbiter.COMMANDS.keySet();
    }

    /**
     * The options and parameters of {@code command} (a name as typed), for checking arguments before they are run.
     * Built once per command; only read.
     */
    public static CommandLine.Model.CommandSpec spec(String command) {
        Class<?> c = Arbiter.COMMANDS.get(command);
        if (c == null || c == CommandLine.HelpCommand.class) throw new IllegalArgumentException("no command " + command);
        return SPECS.computeIfAbsent(command, k -> new CommandLine(c).getCommandSpec());
    }

    public static Result run(List<String> args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Arbiter.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cl.setExpandAtFiles(false);
        int code = cl.execute(args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}
