package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** eval --task mmmu from an export written here, then compare --measured puts it in the catalogue's MMMU column. */
class MmmuCompareTest {
    @TempDir Path dir;

    static String png(int side) throws Exception {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    void anMmmuRunFillsTheMmmuColumnBesideTheVendorsFigure() throws Exception {
        Path data = dir.resolve("mmmu_validation.jsonl");
        Files.writeString(data, String.join("\n",
                "{\"id\": \"validation_Math_1\", \"question\": \"<image 1> Question one?\", \"options\": \"['4', '5']\", "
                        + "\"answer\": \"A\", \"question_type\": \"multiple-choice\", \"image_1\": \"" + png(30) + "\", \"image_2\": null}",
                "{\"id\": \"validation_Physics_1\", \"question\": \"<image 1> Question two?\", \"options\": \"[]\", "
                        + "\"answer\": \"12\", \"question_type\": \"open\", \"image_1\": \"" + png(31) + "\", \"image_2\": null}") + "\n");
        try (ScriptedLlmServer srv = ScriptedLlmServer.builder().models("m").script(r -> {
            String body = r.body();
            if (body.contains("Question one?")) return Reply.text("The answer is (A).");
            if (body.contains("Question two?")) return Reply.text("It is 13");
            return Reply.text(body.contains("image_url") ? "red" : "OK");  // the engine's image probe
        }).start()) {
            CliRun run = CliRun.of("eval", "--endpoint", srv.baseUri().toString(), "--model", "m", "--task", "mmmu",
                    "--data", data.toString(), "--store", dir.resolve("s.db").toString(), "--out", dir.resolve("run").toString(),
                    "--quiet", "--format", "json");
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode metrics = run.json().get("tasks").get(0).get("metrics");
            assertThat(metrics.get("accuracy").get("value").asDouble()).isEqualTo(0.5);
            assertThat(metrics.get("accuracy/subject/Math").get("value").asDouble()).isEqualTo(1.0);
            CliRun cmp = CliRun.of("compare", "gemma-3-27b", "--measured", "gemma-3-27b=" + run.json().get("run_id").asText(),
                    "--store", dir.resolve("s.db").toString(), "--format", "json");
            assertThat(cmp.exit()).as(cmp.err()).isZero();
            assertThat(cmp.json().get("benchmarks").toString()).contains("\"mmmu\"");
            JsonNode cell = cmp.json().get("rows").get(0).get("scores").get("mmmu");
            assertThat(cell.get("measured").asDouble()).isEqualTo(50.0);
            assertThat(cell.get("value").asDouble()).isPositive();
        }
    }
}
