package dev.arbiter.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.catalog.Architecture;
import dev.arbiter.fit.FitConstants;
import dev.arbiter.fit.FitRequest;
import dev.arbiter.fit.HardwareCatalog;
import dev.arbiter.fit.KvType;
import dev.arbiter.fit.Quant;
import dev.arbiter.fit.Runtime;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The batched throughput model against published serving runs at a stated concurrency (cost/throughput-calibration.yaml). */
class ThroughputCalibrationTest {
    static final double TOLERANCE = 0.25;

    record Row(String id, BatchedThroughput model, int concurrency, double measured, String source) {
        double estimate() { return model.outputTokensPerS(concurrency); }
        double ratio() { return estimate() / measured; }
    }

    static List<Row> rows() throws Exception {
        ObjectMapper yaml = Json.yaml();
        JsonNode root;
        try (InputStream in = ThroughputCalibrationTest.class.getResourceAsStream("/cost/throughput-calibration.yaml")) {
            root = yaml.readTree(in);
        }
        HardwareCatalog hw = HardwareCatalog.bundled();
        List<Row> out = new ArrayList<>();
        for (JsonNode n : root.get("rows")) {
            String id = n.get("id").asText();
            Architecture a = yaml.treeToValue(root.path("architectures").get(n.get("architecture").asText()), Architecture.class);
            Workload w = new Workload(Math.round(n.get("input_tokens").asDouble()), Math.round(n.get("output_tokens").asDouble()));
            FitRequest r = new FitRequest(id, a, 40960, Quant.parse(n.get("quant").asText()), w.finalContext(), KvType.F16,
                    hw.get(n.get("hardware").asText()), n.get("gpus").asInt(), Runtime.parse(n.get("runtime").asText()),
                    FitConstants.DEFAULT_CPU_BANDWIDTH_GBS, false, false);
            BatchedThroughput.Result m = BatchedThroughput.of(r, w);
            assertThat(m.reason()).as(id).isNull();
            out.add(new Row(id, m.model(), n.get("concurrency").asInt(), n.get("measured_output_tokens_per_s").asDouble(),
                    n.path("source").asText("")));
        }
        return out;
    }

    @Test
    void everyPublishedServingRunIsWithinTwentyFivePercentOfTheEstimate() throws Exception {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(5);
        StringBuilder table = new StringBuilder();
        for (Row r : rows) {
            table.append(String.format(Locale.ROOT, "%-36s c=%-4d measured %8.1f  estimate %8.1f  est/measured %.2f%n",
                    r.id(), r.concurrency(), r.measured(), r.estimate(), r.ratio()));
        }
        System.out.print(table);
        for (Row r : rows) {
            assertThat(r.source()).as(r.id() + " names its source").isNotBlank();
            assertThat(Math.abs(r.ratio() - 1)).as(r.id() + "\n" + table).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @Test
    void theKvCacheNotTheClientCapsTheBatchOfThirtyTwoBOnTwoA6000s() throws Exception {
        Row c256 = rows().stream().filter(r -> r.id().endsWith("2xa6000-vllm-c256")).findFirst().orElseThrow();
        assertThat(c256.model().maxBatch()).isLessThan(256).isGreaterThan(128);
        ThroughputEstimate e = c256.model().estimate(256);
        assertThat(e.maxBatchLimit()).isEqualTo("kv_cache");
        assertThat(e.concurrency()).isEqualTo(c256.model().maxBatch());
    }
}
