package dev.arbiter.cli;

import dev.arbiter.client.DiscoveredEndpoint;
import dev.arbiter.client.EndpointDiscovery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

@Command(name = "endpoints", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "Find model servers running on this machine (Ollama, llama.cpp, vLLM, TGI, SGLang, LM Studio, LiteLLM) and list their models.",
        footer = {"", "Exit code 3 when none is found; stderr then says what to start.", "", "Examples:",
                "  ./arbiter endpoints",
                "  ./arbiter endpoints --format json",
                "  ./arbiter endpoints --port 8000,8001"})
final class EndpointsCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", split = ",", paramLabel = "PORT",
            description = "Ports to try on 127.0.0.1 (default: 11434 Ollama, 8080 llama.cpp/TGI, 8000 vLLM, 1234 LM Studio, 4000 LiteLLM, 3000 TGI, 30000 SGLang).")
    List<Integer> ports;

    @Option(names = "--timeout-ms", paramLabel = "MS", description = "Per-request timeout while probing (default: ${DEFAULT-VALUE}).")
    int timeoutMs = 300;

    @Override
    public Integer call() {
        List<Integer> tried = ports == null || ports.isEmpty() ? EndpointDiscovery.DEFAULT_PORTS : ports;
        List<DiscoveredEndpoint> found = new EndpointDiscovery("127.0.0.1", tried, Duration.ofMillis(timeoutMs)).discover();
        PrintWriter out = spec.commandLine().getOut();
        if (fmt.isJson()) {
            JsonOut.print(out, "endpoints", Map.of("endpoints", found));
        } else if (!found.isEmpty()) {
            out.printf(Locale.US, "%-24s %-18s %-7s %-8s %s%n", "URL", "SERVER", "API", "CONTEXT", "MODELS");
            for (DiscoveredEndpoint e : found) {
                out.printf(Locale.US, "%-24s %-18s %-7s %-8s %s%n", e.url(),
                        e.server() + (e.version() == null ? "" : " " + e.version()), e.api(),
                        e.contextLength() == null ? "-" : Text.tokens(e.contextLength()),
                        e.models().isEmpty() ? "-" : String.join(", ", e.models()));
            }
            out.flush();
        }
        PrintWriter err = spec.commandLine().getErr();
        if (found.isEmpty()) {
            err.println(nothingFound(tried));
            err.flush();
            return ExitCode.UNAVAILABLE;
        }
        DiscoveredEndpoint first = found.get(0);
        err.printf(Locale.US, "%d server(s). Use one with: --endpoint %s --model %s%s%n", found.size(), first.url(),
                first.models().isEmpty() ? "NAME" : first.models().get(0),
                first.api() == dev.arbiter.client.ApiFlavor.ollama ? " --api ollama" : "");
        err.flush();
        return ExitCode.OK;
    }

    static String nothingFound(List<Integer> tried) {
        return "arbiter: no model server found on 127.0.0.1 (tried ports "
                + tried.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ").\n"
                + "Start one, then run './arbiter endpoints' again:\n"
                + "  Ollama:     ollama serve && ollama pull qwen2.5:7b\n"
                + "  vLLM:       vllm serve Qwen/Qwen2.5-7B-Instruct\n"
                + "  llama.cpp:  llama-server -m model.gguf --port 8080\n"
                + "  SGLang:     python -m sglang.launch_server --model-path Qwen/Qwen2.5-7B-Instruct --port 30000\n"
                + "  LM Studio:  lms server start\n"
                + "Or use any OpenAI-compatible server: --endpoint http://HOST:PORT --model NAME [--api-key-env VAR]";
    }
}
