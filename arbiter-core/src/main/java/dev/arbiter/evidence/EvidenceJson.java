package dev.arbiter.evidence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A bench record's {@code evidence} read with Jackson's streaming parser, not its object mapper: {@code fit} and
 * {@code recommend} read the evidence of every bench run in the store at start, and building the mapper (its
 * classes and the Java-time module) was half of what a store added to their start (docs/performance.md).
 *
 * <p>The mapper stays the definition of the format: this reader takes only what the mapper writes (snake_case
 * names, an ISO instant, numbers, strings, nulls) and answers null for anything else (an unknown field, a value of
 * another type, a timestamp as a number), and the caller then binds the record with the mapper as before.
 * {@code EvidenceJsonTest} holds the two to the same answers.
 */
final class EvidenceJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private EvidenceJson() {}

    /**
     * The record's evidence; empty when it has none (no or a null {@code evidence} field) or its values break the
     * record's checks; null when this reader cannot tell (malformed JSON included) and the mapper must.
     */
    static Optional<Evidence> read(String record) {
        try (JsonParser p = FACTORY.createParser(record)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            Optional<Evidence> found = Optional.empty();
            boolean seen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (!"evidence".equals(name)) {
                    p.skipChildren();
                    continue;
                }
                if (seen) return null;  // a repeated key: leave to the mapper which one counts
                seen = true;
                if (t == JsonToken.VALUE_NULL) continue;
                if (t != JsonToken.START_OBJECT) return null;
                found = evidence(p);
                if (found == null) return null;
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) return null;
            return found;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The fields of the evidence object the parser is at the start of; null for anything the mapper must judge. */
    private static Optional<Evidence> evidence(JsonParser p) throws IOException {
        String runId = null, endpoint = null, servedModel = null, catalogModel = null, proposed = null, quant = null,
                hardware = null, peakLevel = null;
        Instant measuredAt = null;
        int gpus = 0;
        Double tpot = null, decode = null, peak = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "run_id" -> runId = text(p, t);
                case "endpoint" -> endpoint = text(p, t);
                case "served_model" -> servedModel = text(p, t);
                case "catalog_model" -> catalogModel = text(p, t);
                case "proposed_catalog_model" -> proposed = text(p, t);
                case "quant" -> quant = text(p, t);
                case "hardware" -> hardware = text(p, t);
                case "peak_level" -> peakLevel = text(p, t);
                case "measured_at" -> {
                    if (t != JsonToken.VALUE_STRING) return null;
                    try {
                        measuredAt = Instant.parse(p.getText());
                    } catch (DateTimeParseException e) {
                        return null;
                    }
                }
                case "gpus" -> {
                    if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) return null;
                    gpus = p.getIntValue();
                }
                case "single_stream_tpot_ms" -> tpot = number(p, t);
                case "single_stream_decode_tokens_per_s" -> decode = number(p, t);
                case "peak_output_tokens_per_s" -> peak = number(p, t);
                default -> {
                    return null;  // unknown to this version: the mapper refuses it
                }
            }
        }
        try {
            return Optional.of(new Evidence(runId, measuredAt, endpoint, servedModel, catalogModel, proposed, quant,
                    hardware, gpus, tpot, decode, peak, peakLevel));
        } catch (IllegalArgumentException e) {
            return Optional.empty();  // as the mapper: values that break the record's checks are no evidence
        }
    }

    /**
     * The closed-loop levels of a bench record, by concurrency, as {@link EvidenceStore#closedLoopLevelsByMapper}
     * reads them (a level with a non-null {@code rate}, a concurrency that is not an int, a throughput that is not a
     * number, or fewer than one completed request is left out; token counts that are not integers count as unknown,
     * 0; a later level of the same concurrency wins); null when this reader cannot tell (malformed JSON, a repeated
     * key, a level that is not an object, a number that is not a plain int where one is read...) and the mapper must.
     * {@code recommend} with bench runs in the store built the whole mapper for this alone.
     */
    static java.util.Map<Integer, ClosedLoopLevel> closedLoopLevels(String record) {
        try (JsonParser p = FACTORY.createParser(record)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            java.util.Map<Integer, ClosedLoopLevel> out = new java.util.TreeMap<>();
            boolean seen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (!"levels".equals(name)) {
                    p.skipChildren();
                    continue;
                }
                if (seen) return null;
                seen = true;
                if (t == JsonToken.VALUE_NULL) continue;
                if (t != JsonToken.START_ARRAY) return null;  // the mapper would iterate an object's values
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) return null;
                    if (!level(p, out)) return null;
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) return null;
            return out;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads one level object (the parser at its start) into {@code out}; false when the mapper must judge it. */
    private static boolean level(JsonParser p, java.util.Map<Integer, ClosedLoopLevel> out) throws IOException {
        boolean rated = false, hasConcurrency = false, hasThroughput = false;
        boolean seenRate = false, seenConcurrency = false, seenThroughput = false, seenCompleted = false;
        boolean seenInput = false, seenOutput = false;
        int concurrency = 0, completed = 0;
        long inputTokens = 0, outputTokens = 0;
        double throughput = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "rate" -> {
                    if (seenRate) return false;
                    seenRate = true;
                    rated = t != JsonToken.VALUE_NULL;
                    p.skipChildren();
                }
                case "concurrency" -> {
                    if (seenConcurrency) return false;
                    seenConcurrency = true;
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        if (p.getNumberType() != JsonParser.NumberType.INT) return false;
                        concurrency = p.getIntValue();
                        hasConcurrency = true;
                    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                        return false;  // the mapper converts some doubles to an int
                    } else {
                        p.skipChildren();  // text, boolean, null, object, array: not an int to the mapper either
                    }
                }
                case "output_token_throughput" -> {
                    if (seenThroughput) return false;
                    seenThroughput = true;
                    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                        throughput = p.getDoubleValue();
                        hasThroughput = true;
                    } else {
                        p.skipChildren();
                    }
                }
                case "completed" -> {
                    if (seenCompleted) return false;
                    seenCompleted = true;
                    if (t == JsonToken.VALUE_NULL) {
                        completed = 0;
                    } else if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                        completed = p.getIntValue();
                    } else {
                        return false;  // the mapper's asInt parses text, counts true as 1, truncates longs
                    }
                }
                case "input_tokens", "output_tokens" -> {
                    boolean input = name.equals("input_tokens");
                    if (input ? seenInput : seenOutput) return false;
                    if (input) seenInput = true; else seenOutput = true;
                    long tokens = 0;  // unknown unless a plain integer, as the mapper reads it
                    if (t == JsonToken.VALUE_NUMBER_INT) {
                        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) return false;
                        tokens = p.getLongValue();
                    } else {
                        p.skipChildren();
                    }
                    if (input) inputTokens = tokens; else outputTokens = tokens;
                }
                default -> p.skipChildren();
            }
        }
        if (!rated && hasConcurrency && hasThroughput && completed >= 1) {
            out.put(concurrency, new ClosedLoopLevel(concurrency, throughput, completed, inputTokens, outputTokens));
        }
        return true;
    }

    /** A string field or null; any other type is for the mapper to judge (the caller answers null). */
    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_STRING) throw new IOException("not a string");
        return p.getText();
    }

    /** A number field or null; any other type is for the mapper to judge. */
    private static Double number(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) throw new IOException("not a number");
        return p.getDoubleValue();
    }
}
