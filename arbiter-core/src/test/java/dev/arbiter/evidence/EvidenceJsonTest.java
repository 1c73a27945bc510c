package dev.arbiter.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming reader of a bench record's evidence gives what the object mapper gives, or leaves it to the mapper. */
class EvidenceJsonTest {
    private static final Evidence FULL = new Evidence("bench-20261207-1", Instant.parse("2026-12-07T10:15:30.123456Z"),
            "http://127.0.0.1:8000", "Qwen/Qwen2.5-7B-Instruct", "qwen2.5-7b", "qwen2.5-7b", "Q4_K_M", "rtx-4090", 2,
            12.5, 80.0, 1234.5, "concurrency 64");
    private static final Evidence SPARSE = new Evidence("bench-2", null, null, "m", null, null, null, null, 1,
            null, null, null, null);

    /** What the mapper makes of a record: the reader this one stands in for (EvidenceStore before it). */
    private static Optional<Evidence> mapper(String record) throws Exception {
        JsonNode n = Json.mapper().readTree(record).path("evidence");
        if (n.isMissingNode() || n.isNull()) return Optional.empty();
        try {
            return Optional.of(Json.mapper().treeToValue(n, Evidence.class));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** A bench record as the bench writes it: other fields around, the evidence among them. */
    private static String record(Object evidence) {
        ObjectNode r = Json.mapper().createObjectNode();
        r.put("schema_version", 1);
        r.set("levels", Json.mapper().valueToTree(List.of(Map.of("concurrency", 1, "output_token_throughput", 80.0,
                "nested", Map.of("evidence", "not this one")))));
        r.set("evidence", Json.mapper().valueToTree(evidence));
        r.put("notes", "after");
        return Json.write(r);
    }

    @Test
    void whatTheBenchWritesIsReadAsTheMapperReadsIt() throws Exception {
        for (Evidence e : List.of(FULL, SPARSE)) {
            String rec = record(e);
            assertThat(EvidenceJson.read(rec)).as(rec).isEqualTo(Optional.of(e)).isEqualTo(mapper(rec));
        }
    }

    @Test
    void noEvidenceIsEmptyAsWithTheMapper() throws Exception {
        for (String rec : List.of("{\"levels\":[]}", "{\"evidence\":null}", "{}")) {
            assertThat(EvidenceJson.read(rec)).as(rec).isEmpty();
            assertThat(mapper(rec)).as(rec).isEmpty();
        }
    }

    @Test
    void valuesThatBreakTheRecordsChecksAreNoEvidenceAsWithTheMapper() throws Exception {
        String noGpus = "{\"evidence\":{\"run_id\":\"r\",\"gpus\":0}}";
        String badTpot = "{\"evidence\":{\"run_id\":\"r\",\"gpus\":1,\"single_stream_tpot_ms\":-1}}";
        for (String rec : List.of(noGpus, badTpot)) {
            assertThat(EvidenceJson.read(rec)).as(rec).isEmpty();
            assertThat(mapper(rec)).as(rec).isEmpty();
        }
    }

    @Test
    void anythingElseIsLeftToTheMapper() throws Exception {
        ObjectNode unknown = Json.mapper().valueToTree(FULL);
        unknown.put("from_a_newer_version", true);
        ObjectNode epochTime = Json.mapper().valueToTree(FULL);
        epochTime.put("measured_at", 1765102530.5);
        ObjectNode gpusAsText = Json.mapper().valueToTree(FULL);
        gpusAsText.put("gpus", "2");
        for (String rec : List.of(record(unknown), record(epochTime), record(gpusAsText), "{\"evidence\":", "[1]",
                "{\"evidence\":{\"run_id\":\"a\",\"gpus\":1},\"evidence\":null}")) {
            assertThat(EvidenceJson.read(rec)).as(rec).isNull();
        }
        // and the mapper's answers stand: an unknown field is refused, a numeric instant or a quoted count is read
        assertThat(mapper(record(unknown))).isEmpty();
        assertThat(mapper(record(epochTime))).get().extracting(Evidence::measuredAt).isEqualTo(Instant.parse("2025-12-07T10:15:30.500Z"));
        assertThat(mapper(record(gpusAsText))).get().extracting(Evidence::gpus).isEqualTo(2);
    }
}
