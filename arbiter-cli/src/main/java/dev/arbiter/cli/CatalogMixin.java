package dev.arbiter.cli;

import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.CatalogLoader;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --catalog FILE|DIR} (repeatable): the user's catalogue files on top of the bundled one. The directory
 * {@code $ARBITER_HOME/catalog} (default {@code ~/.arbiter/catalog}) is read too when it exists.
 */
public final class CatalogMixin {
    @Option(names = "--catalog", paramLabel = "FILE", description = "Extra catalogue file or directory (YAML/JSON); entries with an existing id replace it. Repeatable.")
    List<Path> files = new ArrayList<>();

    public Catalog load() {
        List<Path> all = new ArrayList<>();
        Path userDir = Home.dir().resolve("catalog");
        if (Files.isDirectory(userDir)) all.add(userDir);
        all.addAll(files);
        return new CatalogLoader().load(all);
    }
}
