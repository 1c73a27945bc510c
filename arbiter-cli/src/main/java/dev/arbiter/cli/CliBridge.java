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

    private CliBridge() {}

    public static Result run(List<String> args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = Arbiter.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cl.setExpandAtFiles(false);
        int code = cl.execute(args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}
