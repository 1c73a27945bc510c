package dev.arbiter.snapshot;

import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.catalog.Model;
import dev.arbiter.cost.PriceBook;
import dev.arbiter.fit.HardwareCatalog;
import dev.arbiter.fit.MemoryClaims;
import dev.arbiter.fit.gguf.BundledGgufSizes;
import dev.arbiter.profile.Dimensions;
import dev.arbiter.recommend.QuantRetention;
import dev.arbiter.recommend.UseCases;
import dev.arbiter.score.BenchmarkScales;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The build step that writes every bundled resource's {@link Snapshot}: arbiter-core's process-classes phase runs
 * {@code BundledSnapshots OUTPUT_DIR} (exec-maven-plugin), after compiling and before the tests and the jar, so both
 * carry snapshots of exactly the resources beside them. Each entry is parsed by the resource's own loader, so a
 * bundled file with an error fails the build with the loader's message. One entry is computed rather than parsed:
 * the bundled models' GGUF sizes ({@link BundledGgufSizes}), whose sources are the sizing code's class files.
 */
public final class BundledSnapshots {
    private BundledSnapshots() {}

    /** Snapshot → the bundled resource parsed, as the record its loader reads back. */
    public static Map<Snapshot.Spec, Supplier<Record>> all() {
        Map<Snapshot.Spec, Supplier<Record>> m = new LinkedHashMap<>();
        m.put(CatalogLoader.SNAPSHOT, () -> new CatalogLoader().parseBundled());
        m.put(HardwareCatalog.SNAPSHOT, () -> HardwareCatalog.parseBundled().entries());
        m.put(MemoryClaims.SNAPSHOT, () -> MemoryClaims.parseBundled().entries());
        m.put(Dimensions.SNAPSHOT, () -> new Dimensions.Entries(Dimensions.parseBundled()));
        m.put(UseCases.SNAPSHOT, () -> UseCases.parseBundled().entries());
        m.put(QuantRetention.SNAPSHOT, () -> QuantRetention.parseBundled().entries());
        m.put(BenchmarkScales.SNAPSHOT, () -> BenchmarkScales.parseBundled().entries());
        m.put(PriceBook.SNAPSHOT, () -> PriceBook.parseBundled().entries());
        // Not a resource parsed: the GGUF sizes of the bundled catalogue's architectures, computed by the sizing code.
        m.put(BundledGgufSizes.SNAPSHOT, () -> BundledGgufSizes.of(
                new CatalogLoader().parseBundled().models().stream().map(Model::architecture).toList()));
        return m;
    }

    /** {@code BundledSnapshots OUTPUT_DIR}: writes {@code OUTPUT_DIR/snapshots/NAME.bin} for every entry. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: BundledSnapshots OUTPUT_DIR (the classes folder)");
        Path dir = Path.of(args[0]).toAbsolutePath().resolve(Snapshot.FOLDER.substring(1));
        Files.createDirectories(dir);
        for (Map.Entry<Snapshot.Spec, Supplier<Record>> e : all().entrySet()) {
            Path target = dir.resolve(e.getKey().name() + ".bin");
            Path tmp = dir.resolve(e.getKey().name() + ".bin.tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                Snapshot.write(e.getKey(), e.getValue().get(), out);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
