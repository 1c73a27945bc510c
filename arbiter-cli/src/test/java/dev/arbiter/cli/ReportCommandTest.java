package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.report.ReportFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code report RUN RUN…}: eval, bench and probe runs in one report, in every format, from the stored records. */
class ReportCommandTest {
    @TempDir Path dir;
    String store;

    @BeforeEach
    void runs() {
        Path file = dir.resolve("a.db");
        ReportFixture.write(file);
        store = file.toString();
    }

    @Test
    void jsonIsTheDocumentThePageIsDrawnFrom() {
        CliRun r = CliRun.of("report", ReportFixture.QWEN, ReportFixture.HOUSE, ReportFixture.BENCH, ReportFixture.PROBE, "--store", store, "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.path("schema_version").asInt()).isEqualTo(1);
        assertThat(j.path("kind").asText()).isEqualTo("report");
        assertThat(j.path("runs")).hasSize(4);
        assertThat(j.path("runs").findValuesAsText("kind")).containsExactly("eval", "eval", "bench", "probe");
        assertThat(j.path("summary").path("rankings").get(0).path("ranked").get(0).path("run_id").asText()).isEqualTo(ReportFixture.QWEN);
        assertThat(j.path("comparison").get(0).path("verdict").asText()).isEqualTo("confirmed");
        assertThat(j.path("paired").get(0).path("comparison").path("test").asText()).startsWith("mcnemar");
        assertThat(j.path("probes").get(0).path("owasp").get(0).path("id").asText()).isEqualTo("LLM01:2025");
    }

    @Test
    void theHtmlFileIsSelfContainedAndEscapesTheHostileAnswers() throws Exception {
        Path out = dir.resolve("out/report.html");
        CliRun r = CliRun.of("report", ReportFixture.QWEN, ReportFixture.HOUSE, ReportFixture.BENCH, "--store", store, "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("ArbiterReport.render", "new Chart", "default-src 'none'")
                .doesNotContain("<img src=x").doesNotContain("<script>window.__pwned").doesNotContain("src=\"http");
    }

    @Test
    void hardwareAndUseCasePutRecommendsShortlistFirst() {
        CliRun r = CliRun.of("report", ReportFixture.QWEN, ReportFixture.HOUSE, "--store", store, "--hardware", "rtx-4090", "--use-case", "chatbot",
                "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode shortlist = r.json().path("summary").path("shortlist");
        assertThat(shortlist.path("for_what").asText()).isEqualTo("chatbot on rtx-4090");
        assertThat(shortlist.path("ranked").size()).isPositive();
    }

    @Test
    void markdownAndCsvFormats() {
        CliRun md = CliRun.of("report", ReportFixture.QWEN, ReportFixture.HOUSE, "--store", store, "--format", "markdown");
        assertThat(md.exit()).as(md.err()).isZero();
        assertThat(md.out()).startsWith("# Arbiter report").contains("| qwen2.5-7b | mmlu | 74.2 |");
        CliRun csv = CliRun.of("report", ReportFixture.QWEN, ReportFixture.HOUSE, "--store", store, "--format", "csv");
        assertThat(csv.out()).startsWith("run_id,kind,task,model").contains(ReportFixture.HOUSE + ",eval,mmlu,acme/house-model-1,,accuracy,");
    }

    @Test
    void badInputSaysWhatIsWrong() {
        CliRun half = CliRun.of("report", ReportFixture.QWEN, ReportFixture.HOUSE, "--store", store, "--use-case", "code");
        assertThat(half.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(half.err()).contains("--use-case needs --hardware");
        CliRun missing = CliRun.of("report", ReportFixture.QWEN, "nope-run", "--store", store, "--format", "json");
        assertThat(missing.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.json().path("error").path("message").asText()).contains("no run nope-run");
        CliRun model = CliRun.of("report", ReportFixture.QWEN, ReportFixture.HOUSE, "--store", store, "--model", ReportFixture.HOUSE + "=no-such-model");
        assertThat(model.exit()).isEqualTo(ExitCode.BAD_INPUT);
    }

    @Test
    void oneRunStillGetsItsOwnPage() {
        CliRun r = CliRun.of("report", ReportFixture.HOUSE, "--store", store);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("<h1>Run " + ReportFixture.HOUSE).contains("&lt;img src=x").doesNotContain("<img src=x");
    }
}
