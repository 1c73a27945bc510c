package dev.arbiter.cli;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.ConfigImporter;
import dev.arbiter.catalog.Model;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "import-config", addMethodSubcommands = false, mixinStandardHelpOptions = true,
        description = {"Turn a Hugging Face config.json into a catalogue entry (YAML on stdout or --out).",
                "Parameters are computed from the architecture; add scores, licence terms and sources by hand."},
        footer = {"", "Examples:",
                "  ./arbiter import-config config.json --id my-llama-8b --license apache-2.0 > my-llama.yaml",
                "  ./arbiter import-config config.json --id my-model --out ~/.arbiter/catalog/my-model.yaml",
                "  ./arbiter fit my-llama-8b --catalog my-llama.yaml --quant Q4_K_M --hardware rtx-4090"})
final class ImportConfigCommand implements Callable<Integer> {
    @Mixin FormatMixin fmt;
    @Mixin CatalogMixin catalog;
    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "Path to config.json.")
    Path config;

    @Option(names = "--id", required = true, description = "Id for the new entry (lower case, no spaces).")
    String id;

    @Option(names = "--name", description = "Display name (default: the id).")
    String name;

    @Option(names = "--license", defaultValue = "unspecified", description = "Licence id from the catalogue (default: ${DEFAULT-VALUE}).")
    String license;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the YAML to FILE.")
    Path out;

    @Override
    public Integer call() {
        Catalog c = catalog.load();
        if (!c.licenses().containsKey(license)) {
            throw new InvalidInputException("unknown licence '" + license + "' (known: "
                    + String.join(", ", c.licenses().keySet().stream().sorted().toList()) + ")");
        }
        ConfigImporter importer = new ConfigImporter();
        Model m = importer.importConfig(config, id, license, name).withLicense(c.licenses().get(license));
        PrintWriter o = spec.commandLine().getOut();
        if (fmt.isJson()) {
            JsonOut.print(o, "model", Map.of("model", m));
            return ExitCode.OK;
        }
        String yaml = importer.toYaml(m);
        if (out != null) {
            try {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                Files.writeString(out, yaml);
            } catch (IOException e) {
                throw new UnavailableException("cannot write " + out + ": " + e.getMessage(), e);
            }
            spec.commandLine().getErr().println("wrote " + out + "; use it with --catalog " + out);
        } else {
            o.print(yaml);
            o.flush();
        }
        return ExitCode.OK;
    }
}
