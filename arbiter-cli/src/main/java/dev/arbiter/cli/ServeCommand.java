package dev.arbiter.cli;

import dev.arbiter.cli.web.WebApp;
import io.javalin.Javalin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code ./arbiter serve}: the local web UI and its JSON API until Ctrl-C. */
@Command(name = "serve", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "Serve the web UI (catalogue, fit, recommend, runs and their reports) and its JSON API on this machine.",
        footer = {"", "Examples:",
                "  ./arbiter serve                       # http://127.0.0.1:" + ServeCommand.DEFAULT_PORT + "/",
                "  ./arbiter serve --port 9000",
                "  curl 'http://127.0.0.1:" + ServeCommand.DEFAULT_PORT + "/api/recommend?hardware=rtx-4090&use_case=code'",
                "", "The API's documents are the CLI's --format json; its description is /api/openapi.json."})
final class ServeCommand implements Callable<Integer> {
    /** Not 8080 (llama.cpp, TGI), 8000 (vLLM), 11434 (Ollama), 1234 (LM Studio), 4000 (LiteLLM) or 30000 (SGLang). */
    static final int DEFAULT_PORT = 7878;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = DEFAULT_PORT;

    @Option(names = "--host", paramLabel = "HOST", description = "Address to bind (default: ${DEFAULT-VALUE}). The UI has no authentication; on a loopback address it answers only requests whose Host is localhost, 127.0.0.1 or [::1] (no DNS rebinding).")
    String host = "127.0.0.1";

    @Mixin StoreMixin store = new StoreMixin();

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) throw new dev.arbiter.error.InvalidInputException("--port must be 0 to 65535, got " + port);
        var err = spec.commandLine().getErr();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("::1")) {
            err.println("arbiter: warning: serving on " + host + ": anyone who can reach it can read your runs (no authentication)");
        }
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1");
        Javalin app = new WebApp(store.location()).create(loopback).start(host, port);
        err.println("arbiter: serving http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + app.port() + "/ (Ctrl-C to stop)");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            stop.countDown();
        }));
        stop.await();
        return ExitCode.OK;
    }
}
