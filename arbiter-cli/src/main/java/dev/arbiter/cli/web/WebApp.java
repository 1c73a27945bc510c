package dev.arbiter.cli.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.cli.CliBridge;
import dev.arbiter.cli.ExitCode;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.report.RunReport;
import dev.arbiter.report.RunsReportHtml;
import dev.arbiter.util.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The local web UI and its JSON API. Every {@code /api/…} route answers with the document the CLI prints for the
 * same question with {@code --format json} (it runs that command, see {@link CliBridge}), its query parameters named
 * as the command's options; the pages under {@code /} call only this API. Errors are JSON with the CLI's exit-code
 * kind: 400 for bad input, 404 for an unknown run or a missing run store, 500 otherwise, never a stack trace.
 */
public final class WebApp {
    /**
     * The commands the API runs. Every route's command is one of these ({@link #options} holds to it), so a test can
     * check every option a query string can reach.
     */
    static final Set<String> COMMANDS = Set.of("models", "show", "hardware", "fit", "recommend", "compare", "runs", "report");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String CHART_JS = "/META-INF/resources/webjars/chart.js/4.4.1/dist/chart.umd.js";
    private final String store;

    /** @param store the run store the runs pages read; fixed when the server starts, never chosen by a request */
    public WebApp(Path store) {
        this(store.toString());
    }

    /** @param store a SQLite file or a {@code postgresql://} URL (credentials from the environment) */
    public WebApp(String store) {
        this.store = store;
    }

    /** The app for a loopback address: only requests naming this machine in their Host header are answered. */
    public Javalin create() {
        return create(true);
    }

    /**
     * @param loopbackOnly refuse (403) a request whose Host header is not this machine's loopback name: the UI has no
     *                     authentication, and binding to 127.0.0.1 alone does not stop a web page from reading it
     *                     through DNS rebinding (its own host name made to resolve to 127.0.0.1), every stored prompt
     *                     and answer included. Off when serving on another address on purpose ({@code --host}).
     */
    public Javalin create(boolean loopbackOnly) {
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
            });
        });
        if (loopbackOnly) {
            app.before(ctx -> {
                if (!loopbackHost(ctx.header("Host"))) {
                    error(ctx, 403, "bad_input", "this server answers requests for localhost, 127.0.0.1 or [::1] only "
                            + "(Host header: " + ctx.header("Host") + "); serve --host ADDRESS to serve another address");
                    ctx.skipRemainingHandlers();
                }
            });
        }
        app.get("/api/models", ctx -> cli(ctx, List.of("models"), Set.of()));
        app.get("/api/models/{id}", ctx -> cli(ctx, List.of("show", id(ctx.pathParam("id"))), Set.of()));
        app.get("/api/hardware", ctx -> cli(ctx, List.of("hardware"), Set.of()));
        app.get("/api/fit", ctx -> cli(ctx, List.of("fit", required(ctx, "model")), Set.of("model")));
        app.get("/api/recommend", ctx -> cli(ctx, List.of("recommend"), Set.of()));
        app.get("/api/compare", ctx -> {
            List<String> args = new ArrayList<>(List.of("compare"));
            for (String m : required(ctx, "models").split(",")) if (!m.isBlank()) args.add(id(m.strip()));
            cli(ctx, args, Set.of("models"));
        });
        app.get("/api/runs", ctx -> cli(ctx, List.of("runs", "--store", store.toString()), Set.of()));
        app.get("/api/runs/{id}", ctx -> {
            String id = runId(ctx);
            try (RunStore s = openStore()) {
                if (!known(ctx, s, id)) return;
            }
            cli(ctx, List.of("runs", id, "--store", store.toString()), Set.of());
        });
        app.get("/api/runs/{id}/samples", ctx -> {
            String id = runId(ctx);
            try (RunStore s = openStore()) {
                if (!known(ctx, s, id)) return;
                RunReader reader = new RunReader(s);
                reader.record(id);
                ctx.contentType("application/json").result(Json.write(reader.samples(id)));
            }
        });
        app.get("/runs/{id}", ctx -> {
            String id = runId(ctx);
            try (RunStore s = openStore()) {
                if (!known(ctx, s, id)) return;
                // a bench run has no answers to page through: its page is the report's (latencies, levels)
                if (s.run(id).filter(r -> dev.arbiter.evidence.EvidenceStore.TASK.equals(r.task())).isPresent()) {
                    ctx.redirect("/report?run=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8), io.javalin.http.HttpStatus.SEE_OTHER);
                    return;
                }
                RunReader reader = new RunReader(s);
                ctx.contentType("text/html; charset=utf-8").result(RunReport.html(reader, id, 4000));
            }
        });
        app.get("/api/report", ctx -> cli(ctx, reportArgs(ctx), Set.of("run")));
        app.get("/report", ctx -> {
            List<String> args = reportArgs(ctx);
            args.addAll(options(ctx, args.get(0), Set.of("run")));
            args.addAll(List.of("--format", "html"));
            CliBridge.Result r = CliBridge.run(args);
            if (r.exitCode() == ExitCode.OK) ctx.contentType("text/html; charset=utf-8").result(r.out());
            else failed(ctx, r);
        });
        app.get("/report.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(RunsReportHtml.script()));
        app.get("/report.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(RunsReportHtml.css()));
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(resource("/web/openapi.json")));
        app.get("/chart.js", ctx -> ctx.contentType("text/javascript").result(resource(CHART_JS)));
        app.exception(InvalidInputException.class, (e, ctx) -> error(ctx, 400, "bad_input", e.getMessage()));
        app.exception(UnavailableException.class, (e, ctx) -> error(ctx, 404, "unavailable", e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> error(ctx, 500, "internal", "internal error: " + e.getClass().getSimpleName()));
        return app;
    }

    private RunStore openStore() {
        if (!RunStore.isDatabaseUrl(store) && !Files.isRegularFile(Path.of(store))) throw new UnavailableException("no run store at " + store + " (run ./arbiter eval first)");
        return RunStore.open(store);
    }

    /**
     * Whether {@code id} is a run in {@code s}; if not, answers 404 with the CLI's error document for it (bad input,
     * exit code 2: on the command line an unknown id is the caller's mistake; over HTTP the resource is missing).
     */
    private static boolean known(Context ctx, RunStore s, String id) {
        if (s.run(id).isPresent()) return true;
        error(ctx, 404, "bad_input", ExitCode.BAD_INPUT, "no run " + id + " in " + s.location() + " (see /api/runs)");
        return false;
    }

    private static String runId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!RUN_ID.matcher(id).matches()) throw new InvalidInputException("not a run id: " + id);
        return id;
    }

    private static String id(String id) {
        if (!RUN_ID.matcher(id).matches()) throw new InvalidInputException("not a model id: " + id);
        return id;
    }

    /** {@code report RUN… --store STORE}: the runs from repeated {@code run} parameters, each checked to be a run id. */
    private List<String> reportArgs(Context ctx) {
        List<String> runs = ctx.queryParams("run");
        if (runs.isEmpty()) throw new InvalidInputException("query parameter 'run' is required (repeat it: ?run=A&run=B)");
        List<String> args = new ArrayList<>(List.of("report"));
        for (String r : runs) {
            if (!RUN_ID.matcher(r).matches()) throw new InvalidInputException("not a run id: " + r);
            args.add(r);
        }
        args.addAll(List.of("--store", store.toString()));
        return args;
    }

    private static String required(Context ctx, String name) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) throw new InvalidInputException("query parameter '" + name + "' is required");
        return v;
    }

    /** Runs the command with {@code --format json} and the request's options; its exit code picks the HTTP status. */
    static void cli(Context ctx, List<String> command, Set<String> positional) {
        List<String> args = new ArrayList<>(command);
        args.addAll(options(ctx, command.get(0), positional));
        args.add("--format");
        args.add("json");
        CliBridge.Result r = CliBridge.run(args);
        if (r.exitCode() == ExitCode.OK) {
            ctx.contentType("application/json").result(r.out());
            return;
        }
        failed(ctx, r);
    }

    /** The request's query parameters as options of {@code command}, one of {@link #COMMANDS}. */
    private static List<String> options(Context ctx, String command, Set<String> positional) {
        if (!COMMANDS.contains(command)) throw new IllegalStateException("the API does not run " + command + ": add it to WebApp.COMMANDS");
        return QueryArgs.of(ctx.queryParamMap(), positional, CliBridge.spec(command));
    }

    /** A command that did not succeed, as a JSON error: 400 bad input, 404 unavailable, 500 otherwise; never a stack trace. */
    static void failed(Context ctx, CliBridge.Result r) {
        int status = r.exitCode() == ExitCode.BAD_INPUT ? 400 : r.exitCode() == ExitCode.UNAVAILABLE ? 404 : 500;
        String out = r.out().strip();
        if (out.startsWith("{") && out.contains("\"error\"")) {
            ctx.status(status).contentType("application/json").result(out);
            return;
        }
        String message = r.err().strip().replaceFirst("^arbiter: (error: |unavailable: )?", "");
        int nl = message.indexOf('\n');
        error(ctx, status, status == 400 ? "bad_input" : status == 404 ? "unavailable" : "internal", nl < 0 ? message : message.substring(0, nl));
    }

    /** The CLI's error document ({@code Arbiter.printError}): the API's documents are the CLI's --format json. */
    static void error(Context ctx, int status, String kind, String message) {
        error(ctx, status, kind, status == 400 ? ExitCode.BAD_INPUT : status == 404 ? ExitCode.UNAVAILABLE : ExitCode.INTERNAL, message);
    }

    /** As above, with the exit code the CLI gives the same failure when it is not the status's usual one. */
    static void error(Context ctx, int status, String kind, int exitCode, String message) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("schema_version", 1);
        body.put("kind", "error");
        ObjectNode e = body.putObject("error");
        e.put("kind", kind);
        e.put("message", message);
        e.put("exit_code", exitCode);
        ctx.status(status).contentType("application/json").result(Json.write(body));
    }

    /** Whether a Host header names this machine's loopback interface (any port); no header (HTTP/1.0) is let through. */
    static boolean loopbackHost(String host) {
        if (host == null || host.isBlank()) return true;
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            String rest = end < 0 ? "" : h.substring(end + 1);  // nothing, or ":PORT"
            return end > 0 && h.substring(0, end + 1).equals("[::1]") && (rest.isEmpty() || rest.matches(":\\d{1,5}"));
        }
        int colon = h.indexOf(':');
        if (colon >= 0 && !h.substring(colon).matches(":\\d{1,5}")) return false;
        String name = colon < 0 ? h : h.substring(0, colon);
        return name.equals("localhost") || name.equals("127.0.0.1") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = WebApp.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
