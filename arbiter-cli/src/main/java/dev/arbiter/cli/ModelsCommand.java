package dev.arbiter.cli;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.Model;
import dev.arbiter.catalog.ModelSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "models", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = "List the catalogue: id, parameters (total/active, counted from the architecture as fit counts them), context, licence, modalities.",
        footer = {"", "Examples:",
                "  ./arbiter models",
                "  ./arbiter models --family gemma-3",
                "  ./arbiter models --tag code --format json",
                "  ./arbiter models --catalog my-models.yaml"})
final class ModelsCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @Mixin CatalogMixin catalog;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--family", description = "Only this family (e.g. qwen-2.5, gemma-3).")
    String family;

    @Option(names = "--tag", description = "Only models with this tag (chat, code, math, vision, reasoning, guard, edge).")
    String tag;

    @Override
    public Integer call() {
        Catalog c = catalog.load();
        List<Model> models = c.sorted().stream()
                .filter(m -> family == null || family.equalsIgnoreCase(m.family()))
                .filter(m -> tag == null || m.tags().contains(tag.toLowerCase(Locale.ROOT)))
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        List<ModelSummary> rows = models.stream().map(ModelSummary::of).toList();
        if (fmt.isJson()) {
            JsonOut.print(out, "models", Map.of("models", rows));
            return ExitCode.OK;
        }
        out.printf(Locale.US, "%-22s %-14s %-9s %-26s %s%n", "ID", "PARAMS", "CONTEXT", "LICENCE", "MODALITIES");
        for (ModelSummary r : rows) {
            out.printf(Locale.US, "%-22s %-14s %-9s %-26s %s%n", r.id(), r.paramsLabel(), Text.tokens(r.contextLength()),
                    r.license(), String.join("+", r.modalities()));
        }
        // compare and show's headline give the vendor's published count (Scout: 17.0B active here 17.2B): say which this is
        spec.commandLine().getErr().println(rows.size() + " models; parameters counted from each architecture, as fit counts them."
                + " './arbiter show ID' for the vendor's figures, sources and scores.");
        return ExitCode.OK;
    }
}
