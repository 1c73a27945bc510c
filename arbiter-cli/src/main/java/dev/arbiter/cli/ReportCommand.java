package dev.arbiter.cli;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.report.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "A self-contained HTML page of one stored run: settings, metrics with intervals, every answer (escaped).",
        footer = {"", "Examples:",
                "  ./arbiter report 20250301-142233-7f3a9c --out run.html",
                "  ./arbiter report RUN_ID --max-chars 4000 --store runs/arbiter.db --out run.html",
                "", "The JSON form of the same run is ./arbiter runs RUN_ID --format json."})
final class ReportCommand implements Callable<Integer> {
    @Mixin StoreMixin store;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run to render (see ./arbiter runs).")
    String runId;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the page to FILE (default: stdout).")
    Path out;

    @Option(names = "--max-chars", paramLabel = "N", defaultValue = "2000", description = "Cut each text at N characters (default: ${DEFAULT-VALUE}); the full text stays in samples.jsonl.")
    int maxChars;

    @Override
    public Integer call() {
        if (maxChars < 20) throw new InvalidInputException("--max-chars must be >= 20, got " + maxChars);
        String html;
        try (RunStore runs = store.openExisting()) {
            var stored = runs.run(runId);
            if (stored.isPresent() && dev.arbiter.evidence.EvidenceStore.TASK.equals(stored.get().task())) {
                if (stored.get().record() == null) throw new InvalidInputException("bench run " + runId + " has no record (it did not finish)");
                try {
                    html = dev.arbiter.report.BenchReport.html(dev.arbiter.util.Json.mapper().readTree(stored.get().record()));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new InvalidInputException("bench run " + runId + " has an unreadable record: " + e.getOriginalMessage());
                }
            } else {
                RunReader reader = new RunReader(runs);
                html = RunReport.html(reader.record(runId), reader.samples(runId), maxChars);
            }
        }
        if (out == null) {
            spec.commandLine().getOut().print(html);
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(out, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnavailableException("cannot write " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("wrote " + out);
        return ExitCode.OK;
    }
}
