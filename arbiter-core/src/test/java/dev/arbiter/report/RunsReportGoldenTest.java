package dev.arbiter.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.profile.Profiler;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's data section — the JSON the HTML page embeds and {@code report --format json} prints — from the fixed
 * run store of {@link ReportFixture}, a fixed catalogue entry and a fixed clock, against the committed golden file.
 *
 * <p>When the report's content changes on purpose, regenerate the golden file and review its diff:
 * {@code ./mvnw -B -ntp -o -pl arbiter-core test -Dtest=RunsReportGoldenTest -Darbiter.golden.update=true}
 * (the test then writes {@code src/test/resources/report/golden-report.json} and fails, so a regeneration is never
 * mistaken for a pass).
 */
class RunsReportGoldenTest {
    static final Path GOLDEN = Path.of("src/test/resources/report/golden-report.json");
    static final Path CATALOG = Path.of("src/test/resources/report/golden-catalog.yaml");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T00:00:00Z"), ZoneOffset.UTC);

    @TempDir Path dir;

    static RunsReport build(Path dir) {
        Path file = dir.resolve("golden.db");
        ReportFixture.write(file);
        try (RunStore s = RunStore.open(file)) {
            return new RunsReportBuilder(s, new CatalogLoader().load(List.of(CATALOG)), Profiler.bundled(), CLOCK, 200)
                    .build(List.of(ReportFixture.QWEN, ReportFixture.HOUSE, ReportFixture.BENCH, ReportFixture.PROBE), Map.of(), null);
        }
    }

    @Test
    void theDataSectionMatchesTheGoldenFile() throws Exception {
        String actual = Json.write(build(dir)) + "\n";
        if (Boolean.getBoolean("arbiter.golden.update")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
            throw new AssertionError("regenerated " + GOLDEN.toAbsolutePath() + ": review its diff, then run without -Darbiter.golden.update");
        }
        JsonNode expected = Json.mapper().readTree(Files.readString(GOLDEN));
        assertThat(Json.mapper().readTree(actual))
                .as("report data differs from %s; if the change is intended regenerate with -Darbiter.golden.update=true", GOLDEN)
                .isEqualTo(expected);
    }
}
