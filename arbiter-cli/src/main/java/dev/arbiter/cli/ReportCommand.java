package dev.arbiter.cli;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.evidence.EvidenceStore;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.fit.Hardware;
import dev.arbiter.profile.Profiler;
import dev.arbiter.recommend.HardwareFitProbe;
import dev.arbiter.recommend.LicenseFilter;
import dev.arbiter.recommend.RecommendRequest;
import dev.arbiter.recommend.RecommendResult;
import dev.arbiter.recommend.Recommender;
import dev.arbiter.recommend.UseCases;
import dev.arbiter.report.DecisionSummary;
import dev.arbiter.report.RunReport;
import dev.arbiter.report.RunsReport;
import dev.arbiter.report.RunsReportBuilder;
import dev.arbiter.report.RunsReportHtml;
import dev.arbiter.report.RunsReportText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "report", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        header = "A self-contained report of stored runs: one run's page, or several runs compared.",
        description = {"One run: its page (settings, metrics with intervals, every answer; a bench run's latency chart).",
                "Several runs (eval, probe and bench mixed): a decision summary (recommend's shortlist with --hardware and",
                "--use-case, the models ranked by measured score, what the measurements confirmed or contradicted, licences),",
                "published vs measured figures with 95%% intervals, the six-axis radar, per-task and per-subject breakdowns,",
                "paired comparisons, probe results by category and OWASP id, bench charts, the manifests and every answer",
                "side by side (filter to failures, search). HTML is one file with everything inlined; it loads nothing.",
                "--format json prints the document the page is drawn from (the web UI's /api/report)."},
        footer = {"", "Examples:",
                "  ./arbiter report 20250301-142233-7f3a9c --out run.html",
                "  ./arbiter report RUN_A RUN_B BENCH_RUN PROBE_RUN --out report.html",
                "  ./arbiter report RUN_A RUN_B --hardware rtx-4090 --use-case code --out report.html",
                "  ./arbiter report RUN_A RUN_B --model RUN_A=qwen2.5-7b --format markdown",
                "  ./arbiter report RUN_A RUN_B --format csv > measurements.csv",
                "  ./arbiter report RUN_ID --max-chars 4000 --store runs/arbiter.db --out run.html"})
final class ReportCommand implements Callable<Integer> {
    enum Format { html, markdown, csv, json }

    @Mixin StoreMixin store;
    @Mixin CatalogMixin catalog;
    @Mixin HardwareMixin hardware;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "RUN_ID", description = "The runs to report (see ./arbiter runs).")
    List<String> runIds;

    @Option(names = "--format", paramLabel = "FORMAT", description = "html, markdown, csv or json (default: html).")
    Format format = Format.html;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (default: stdout).")
    Path out;

    @Option(names = "--max-chars", paramLabel = "N", defaultValue = "2000", description = "Cut each text at N characters (default: ${DEFAULT-VALUE}); the full text stays in the store.")
    int maxChars;

    @Option(names = "--model", paramLabel = "RUN_ID=MODEL",
            description = "Read RUN_ID as catalogue model MODEL (default: the model its served name names, if any). Repeatable.")
    Map<String, String> models = new LinkedHashMap<>();

    @Option(names = "--use-case", paramLabel = "USE", description = "With --hardware: put recommend's shortlist for this use case first (chatbot, code, rag, …).")
    String useCase;

    @Option(names = "--license", paramLabel = "KIND", description = "The shortlist's licence filter, as recommend's --license.")
    String license;

    @Option(names = "--region", paramLabel = "REGION", description = "The shortlist's region, as recommend's --region.")
    String region;

    @Override
    public Integer call() {
        if (maxChars < 20) throw new InvalidInputException("--max-chars must be >= 20, got " + maxChars);
        Format f = json ? Format.json : format;
        String body;
        try (RunStore runs = store.openExisting()) {
            if (runIds.size() == 1 && f == Format.html && models.isEmpty() && useCase == null && hardware.resolve() == null) {
                body = singleRun(runs, runIds.get(0));
            } else {
                RunsReport report = new RunsReportBuilder(runs, catalog.load(), Profiler.bundled(), Clock.systemUTC(), maxChars)
                        .build(runIds, models, shortlist(runs));
                body = switch (f) {
                    case html -> RunsReportHtml.html(report);
                    case markdown -> RunsReportText.markdown(report);
                    case csv -> RunsReportText.csv(report);
                    case json -> JsonOut.envelope("report", report).toPrettyString() + "\n";
                };
            }
        }
        write(body);
        return ExitCode.OK;
    }

    /** One run's own page, as before several runs could be reported together. */
    private String singleRun(RunStore runs, String runId) {
        var stored = runs.run(runId);
        if (stored.isPresent() && EvidenceStore.TASK.equals(stored.get().task())) {
            if (stored.get().record() == null) throw new InvalidInputException("bench run " + runId + " has no record (it did not finish)");
            try {
                return dev.arbiter.report.BenchReport.html(dev.arbiter.util.Json.mapper().readTree(stored.get().record()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new InvalidInputException("bench run " + runId + " has an unreadable record: " + e.getOriginalMessage());
            }
        }
        return RunReport.html(new RunReader(runs), runId, maxChars);
    }

    /** recommend's shortlist with the report's runs as measured figures, when --hardware and --use-case are given. */
    private java.util.function.Function<Map<String, List<dev.arbiter.score.MeasuredFigure>>, DecisionSummary.Shortlist> shortlist(RunStore runs) {
        Hardware hw = hardware.resolve();
        if (hw == null && useCase == null) {
            if (license != null || region != null) throw new InvalidInputException("--license and --region shape the shortlist: give --hardware and --use-case too");
            return null;
        }
        if (hw == null) throw new InvalidInputException("--use-case needs --hardware ID (or --memory-gib) for the shortlist");
        if (useCase == null) throw new InvalidInputException("--hardware needs --use-case for the shortlist (chatbot, code, rag, …)");
        RecommendRequest req = new RecommendRequest(UseCases.bundled().get(useCase), LicenseFilter.parse(license), Choices.region(region), null, 0, 5);
        HardwareFitProbe probe = new HardwareFitProbe(hw, hardware.gpus(), req.useCase().sendsImages());
        return figures -> {
            RecommendResult r = Recommender.bundled().recommend(catalog.load(), req, probe, probe.label(), figures,
                    RecommendCommand.measuredSpeeds(new EvidenceStore(runs), hw.id(), hardware.gpus()));
            return new DecisionSummary.Shortlist(r.useCase() + " on " + probe.label(), r.recommendations());
        };
    }

    private void write(String body) {
        if (out == null) {
            spec.commandLine().getOut().print(body);
            spec.commandLine().getOut().flush();
            return;
        }
        try {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(out, body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UnavailableException("cannot write " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getErr().println("wrote " + out);
    }
}
