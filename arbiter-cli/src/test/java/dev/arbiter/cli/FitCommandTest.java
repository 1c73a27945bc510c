package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class FitCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Arbiter.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void printsTheFitAsJsonWithTheDocumentedFields() throws Exception {
        int code = run("fit", "qwen2.5-7b", "--quant", "Q4_K_M", "--context", "32768", "--hardware", "rtx-4090", "--format", "json");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode j = Json.mapper().readTree(out.toString());
        assertThat(j.get("kind").asText()).isEqualTo("fit");
        // Hand-checked in FitCalculatorTest: 4,677,120,000 + 1,879,048,192 + 738,197,504.
        assertThat(j.get("weights_bytes").asLong()).isEqualTo(4_677_120_000L);
        assertThat(j.get("kv_cache_bytes").asLong()).isEqualTo(1_879_048_192L);
        assertThat(j.get("overhead_bytes").asLong()).isEqualTo(738_197_504L);
        assertThat(j.get("total_bytes").asLong()).isEqualTo(7_294_365_696L);
        assertThat(j.get("fits").asBoolean()).isTrue();
        assertThat(j.get("max_context").asLong()).isEqualTo(131072);
        assertThat(j.get("decode_tokens_per_s").asDouble()).isGreaterThan(0);
        assertThat(j.get("best_quant").asText()).isEqualTo("F16");
        assertThat(j.get("basis").isArray()).isTrue();
        assertThat(j.get("basis").size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void jsonSplitsGgufWeightsByTensorType() throws Exception {
        assertThat(run("fit", "qwen2.5-7b", "--quant", "Q4_K_M", "--format", "json")).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode g = Json.mapper().readTree(out.toString()).get("gguf");
        // GgufSizeTest derives these: Q6_K for the head and half the attn_v/ffn_down tensors, Q4_K for the rest.
        assertThat(g.get("bytes_by_type").get("Q6_K").asLong()).isEqualTo(1_247_877_120L);
        assertThat(g.get("bytes_by_type").get("Q4_K").asLong()).isEqualTo(3_427_909_632L);
        assertThat(g.get("bytes_by_type").get("F32").asLong()).isEqualTo(1_333_248L);
        assertThat(g.get("text_bytes").asLong()).isEqualTo(4_677_120_000L);
        assertThat(g.get("projector_bytes").asLong()).isZero();
    }

    @Test
    void theVisionProjectorCountsOnlyWhenImagesAreSent() throws Exception {
        assertThat(run("fit", "gemma-3-4b", "--quant", "Q4_K_M", "--format", "json")).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode text = Json.mapper().readTree(out.toString());
        out.getBuffer().setLength(0);
        assertThat(run("fit", "gemma-3-4b", "--quant", "Q4_K_M", "--images", "--format", "json")).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode images = Json.mapper().readTree(out.toString());
        // mmproj in F16: 419,816,304 vision parameters × 2 bytes.
        assertThat(text.get("gguf").get("projector_bytes").asLong()).isEqualTo(839_632_608L);
        assertThat(text.get("gguf").get("projector_counted").asBoolean()).isFalse();
        assertThat(images.get("gguf").get("projector_counted").asBoolean()).isTrue();
        assertThat(images.get("weights_bytes").asLong() - text.get("weights_bytes").asLong()).isEqualTo(839_632_608L);
        assertThat(text.get("weights_bytes").asLong()).isEqualTo(text.get("gguf").get("text_bytes").asLong());
    }

    @Test
    void sixteenBitOnEightH100sIsServedTensorParallelAndTheJsonCarriesTheDecodeTerms() throws Exception {
        int code = run("fit", "mistral-large-2407", "--quant", "BF16", "--hardware", "h100-80gb", "--gpus", "8", "--format", "json");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode j = Json.mapper().readTree(out.toString());
        assertThat(j.get("runtime").asText()).isEqualTo("vllm");
        JsonNode d = j.get("decode");
        assertThat(d.get("parallelism").asText()).isEqualTo("tensor-parallel");
        assertThat(d.get("all_reduces").asInt()).isEqualTo(2 * 88 + 1);
        assertThat(d.get("communication_ms").asDouble()).isGreaterThan(0);
        assertThat(d.get("efficiency").asDouble()).isGreaterThan(0);
        assertThat(d.get("bytes_per_device").asLong()).isGreaterThan(0);
        assertThat(j.get("basis").toString()).contains("runtime: vllm (default").contains("all-reduces");
    }

    @Test
    void expertParallelIsAskedForOnTheCommandLineAndTheJsonCarriesThePlanAndItsAllToAlls() throws Exception {
        int code = run("fit", "deepseek-v3", "--quant", "FP8", "--hardware", "h200", "--gpus", "8", "--expert-parallel", "--format", "json");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode d = Json.mapper().readTree(out.toString()).get("decode");
        assertThat(d.get("parallelism").asText()).isEqualTo("expert-parallel");
        assertThat(d.get("plan").get("tensor").asInt()).isEqualTo(8);
        assertThat(d.get("plan").get("expert").asBoolean()).isTrue();
        assertThat(d.get("all_to_alls").asInt()).isEqualTo(2 * 58);
        assertThat(d.get("experts_on_busiest").asDouble()).isGreaterThan(2.0);
    }

    @Test
    void expertParallelOnADenseModelIsRefusedWithTheReason() {
        int code = run("fit", "mistral-large-2407", "--quant", "BF16", "--hardware", "h100-80gb", "--gpus", "8", "--expert-parallel");
        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("mixture-of-experts");
    }

    @Test
    void theTextSaysHowTheStreamIsParallelisedAndWhyThisRuntime() {
        int code = run("fit", "mistral-large-2407", "--quant", "BF16", "--hardware", "h100-80gb", "--gpus", "4");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("tokens/s (one stream, tensor-parallel)").contains("runtime: vllm (default: 16-bit weights on several data-centre GPUs");
    }

    @Test
    void reportsAnOffloadWhenTheModelDoesNotFit() throws Exception {
        int code = run("fit", "qwen2.5-7b", "--quant", "F16", "--context", "8192", "--memory-gb", "8", "--bandwidth-gbs", "500", "--json");
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode j = Json.mapper().readTree(out.toString());
        assertThat(j.get("fits").asBoolean()).isFalse();
        // -ngl 15: the output layer and the last 14 of 28 blocks (FitCalculatorTest works it out)
        assertThat(j.get("offload").get("gpu_layers").asInt()).isEqualTo(15);
        assertThat(j.get("offload").get("gpu_blocks").asInt()).isEqualTo(14);
        assertThat(j.get("offload").get("cpu_layers").asInt()).isEqualTo(14);
        assertThat(j.has("decode_tokens_per_s")).isFalse();
    }

    @Test
    void withoutHardwareItSizesMemoryOnly() throws Exception {
        assertThat(run("fit", "qwen2.5-7b", "--context", "4096", "--format", "json")).isEqualTo(ExitCode.OK);
        JsonNode j = Json.mapper().readTree(out.toString());
        assertThat(j.has("total_bytes")).isTrue();
        assertThat(j.has("fits")).isFalse();
        assertThat(j.has("max_context")).isFalse();
    }

    @Test
    void textOutputSaysWhetherItFits() {
        assertThat(run("fit", "qwen2.5-7b", "--context", "32768", "--hardware", "rtx-4090")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("FITS").contains("decode").contains("basis:");
    }

    @Test
    void unknownModelIsABadInputWithASuggestion() {
        assertThat(run("fit", "qwen2.5-7c", "--hardware", "rtx-4090")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("did you mean qwen2.5-7b");
    }

    @Test
    void unknownHardwareIsABadInputWithASuggestion() {
        assertThat(run("fit", "qwen2.5-7b", "--hardware", "rtx4090")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("did you mean rtx-4090");
    }

    @Test
    void unknownQuantIsABadInput() {
        assertThat(run("fit", "qwen2.5-7b", "--quant", "Q4_KX")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("unknown quantisation");
    }

    @Test
    void negativeOrZeroContextIsABadInput() {
        assertThat(run("fit", "qwen2.5-7b", "--context", "-5", "--hardware", "rtx-4090")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run("fit", "qwen2.5-7b", "--context", "0")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("--context must be > 0");
    }

    @Test
    void severalMacsCannotBePooled() {
        assertThat(run("fit", "qwen2.5-7b", "--hardware", "m4-max-128gb", "--gpus", "2")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("only GPUs can be pooled");
    }

    @Test
    void memoryAloneIsEnoughAndTheSpeedIsThenUnknown() throws Exception {
        assertThat(run("fit", "qwen2.5-7b", "--memory-gib", "8", "--format", "json")).as(err.toString()).isEqualTo(ExitCode.OK);
        JsonNode j = Json.mapper().readTree(out.toString());
        assertThat(j.get("fits").asBoolean()).isTrue();
        assertThat(j.has("decode_tokens_per_s")).isFalse();
        assertThat(j.get("basis").toString()).contains("decode: unknown");
    }

    @Test
    void memoryGbIsKeptAsAnAliasOfMemoryGibWithTheSameUnit() throws Exception {
        assertThat(run("fit", "qwen2.5-7b", "--memory-gb", "8", "--format", "json")).isEqualTo(ExitCode.OK);
        long usableGb = Json.mapper().readTree(out.toString()).get("usable_bytes_per_gpu").asLong();
        out.getBuffer().setLength(0);
        assertThat(run("fit", "qwen2.5-7b", "--memory-gib", "8", "--format", "json")).isEqualTo(ExitCode.OK);
        assertThat(Json.mapper().readTree(out.toString()).get("usable_bytes_per_gpu").asLong()).isEqualTo(usableGb);
    }

    @Test
    void zeroGpusIsRefusedWhereTheFlagIsParsed() {
        assertThat(run("fit", "qwen2.5-7b", "--hardware", "h100-80gb", "--gpus", "0")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("--gpus").contains("1 or more");
    }

    @Test
    void hardwareCommandListsProfilesAsJson() throws Exception {
        assertThat(run("hardware", "--format", "json")).isEqualTo(ExitCode.OK);
        JsonNode j = Json.mapper().readTree(out.toString());
        assertThat(j.get("hardware").size()).isGreaterThanOrEqualTo(16);
        assertThat(j.get("hardware").get(0).has("bandwidth_gbs")).isTrue();
    }

    @Test
    void helpShowsWorkedExamples() {
        assertThat(run("fit", "--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("./arbiter fit qwen2.5-7b --quant Q4_K_M --context 32768 --hardware rtx-4090");
    }
}
