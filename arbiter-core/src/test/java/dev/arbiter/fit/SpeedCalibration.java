package dev.arbiter.fit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.catalog.Architecture;
import dev.arbiter.catalog.Catalog;
import dev.arbiter.catalog.CatalogLoader;
import dev.arbiter.catalog.Model;
import dev.arbiter.catalog.ParamCount;
import dev.arbiter.catalog.ParamCounter;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The published measurements of fit/speed-calibration.yaml and the speed model's estimate for each. */
final class SpeedCalibration {
    static final String RESOURCE = "/fit/speed-calibration.yaml";
    private static final HardwareCatalog HW = HardwareCatalog.bundled();
    private static final Catalog CATALOG = new CatalogLoader().bundled();

    /** One published measurement, resolved to what the model needs. */
    record Row(String id, String group, String modelLabel, Architecture architecture, Quant quant, Hardware hardware, int gpus,
               Runtime runtime, long context, Integer gpuLayers, Double cpuBandwidthGbs, double measured, String measuredText,
               String source) {
        Row {
            if (source == null || !source.startsWith("https://")) throw new IllegalArgumentException(id + ": source must be an https URL");
            if (measuredText == null || measuredText.isBlank()) throw new IllegalArgumentException(id + ": 'measured' must say what was measured");
            if (!(measured > 0)) throw new IllegalArgumentException(id + ": measured_tokens_per_s must be > 0");
        }
    }

    /** A row with the model's estimate. */
    record Checked(Row row, DecodeEstimate estimate) {
        double ratio() { return estimate.tokensPerS() / row.measured(); }
        boolean within(double tolerance) { return Math.abs(ratio() - 1) <= tolerance; }
        String line() {
            return String.format(Locale.ROOT, "%-11s %-42s %-7s %2d× %-15s %-9s measured %7.2f  estimate %7.2f  est/measured %.2f",
                    row.group(), row.id(), row.quant().wire(), row.gpus(), row.hardware().id(), row.runtime().wire(),
                    row.measured(), estimate.tokensPerS(), ratio());
        }
    }

    private SpeedCalibration() {}

    static List<Row> rows() {
        ObjectMapper yaml = Json.yaml();
        try (InputStream in = SpeedCalibration.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = yaml.readTree(in);
            List<Row> out = new ArrayList<>();
            for (JsonNode n : root.get("rows")) out.add(row(yaml, root, n));
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static List<Checked> checked() {
        return rows().stream().map(r -> new Checked(r, estimate(r))).toList();
    }

    /** The decode estimate for a row, whether or not our memory model would let it fit (the row says it ran). */
    static DecodeEstimate estimate(Row r) {
        FitRequest req = new FitRequest(r.id(), r.architecture(), Math.max(r.context(), 1L << 20), r.quant(), r.context(), KvType.F16,
                r.hardware(), r.gpus(), r.runtime(), r.cpuBandwidthGbs() != null ? r.cpuBandwidthGbs() : FitConstants.DEFAULT_CPU_BANDWIDTH_GBS, false, false);
        ParamCount p = ParamCounter.count(r.architecture());
        FitCalculator.Memory m = new FitCalculator().memory(req, p);
        return r.gpuLayers() != null ? DecodeModel.offload(req, p, m, r.gpuLayers()) : DecodeModel.resident(req, p, m);
    }

    private static Row row(ObjectMapper yaml, JsonNode root, JsonNode n) throws IOException {
        String id = n.get("id").asText();
        Architecture a;
        String label;
        if (n.has("model")) {
            Model m = CATALOG.get(n.get("model").asText());
            a = m.architecture();
            label = m.id();
        } else {
            label = n.get("architecture").asText();
            a = yaml.treeToValue(named(root, "architectures", label, id), Architecture.class);
        }
        Hardware hw = n.has("hardware") ? HW.get(n.get("hardware").asText())
                : yaml.treeToValue(named(root, "devices", n.get("device").asText(), id), Hardware.class);
        return new Row(id, n.get("group").asText(), label, a, Quant.parse(n.get("quant").asText()), hw, n.get("gpus").asInt(),
                Runtime.parse(n.get("runtime").asText()), n.get("context").asLong(),
                n.has("gpu_layers") ? n.get("gpu_layers").asInt() : null,
                n.has("cpu_bandwidth_gbs") ? n.get("cpu_bandwidth_gbs").asDouble() : null,
                n.get("measured_tokens_per_s").asDouble(), text(n, "measured"), text(n, "source"));
    }

    private static JsonNode named(JsonNode root, String section, String name, String rowId) {
        JsonNode node = root.path(section).get(name);
        if (node == null) throw new IllegalArgumentException(rowId + ": no '" + name + "' under " + section);
        return node;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
