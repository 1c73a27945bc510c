package dev.arbiter.eval.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Lines: one object per line; blank lines are skipped; LF or CRLF endings.
 *
 * <p>Each line is read with Jackson's streaming parser into the same tree nodes its object mapper's {@code readTree}
 * builds (same node types for every number, last duplicate key wins, anything after the value refused), without
 * the mapper: building one was a fifth of loading a 16,000-line file, and reading each line through it half of the
 * rest (docs/performance.md). {@code JsonlReaderTest} holds the two to the same trees. One difference: a number with a
 * fraction or exponent keeps the text it was written with ({@link WrittenDoubleNode}).
 */
final class JsonlReader {
    private static final JsonFactory FACTORY = factory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonlReader() {}

    /**
     * Jackson's factory without its 20,000,000-character limit on one string: the whole file is already in memory,
     * so the limit guards nothing here, and its error gave a length that was not the string's.
     */
    static JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .build();
    }

    /**
     * Files of at least this many characters are read in two halves, the second on another core (when there is one):
     * parsing was two thirds of loading a 16,384-line file (docs/performance.md). About 2,000 lines of a typical
     * dataset; below it a thread costs more than it saves.
     */
    static final int SPLIT_CHARS = 256 * 1024;

    static Rows read(String text, String file) {
        return read(text, file, Runtime.getRuntime().availableProcessors() > 1 ? SPLIT_CHARS : Integer.MAX_VALUE);
    }

    /** As {@link #read(String, String)}, read in two halves when {@code text} has at least {@code splitChars} characters. */
    static Rows read(String text, String file, int splitChars) {
        int cut = text.length() >= splitChars ? text.indexOf('\n', text.length() / 2) : -1;
        if (cut < 0) return read(text, 0, text.length(), file).rows;
        // The second half's lines and ordinals are counted from its own start, then shifted by the first half's counts.
        java.util.concurrent.FutureTask<Part> second = new java.util.concurrent.FutureTask<>(
                () -> read(text, cut + 1, text.length(), file));
        Thread t = new Thread(second, "arbiter-jsonl");
        t.setDaemon(true);
        t.start();
        Part first = read(text, 0, cut, file);
        Part rest;
        try {
            rest = second.get();
        } catch (InterruptedException e) {
            second.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + file, e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
        Rows out = first.rows;
        for (RawRow r : rest.rows.rows()) {
            out.rows().add(new RawRow(r.line() + first.lines, r.ordinal() + first.ordinals, r.values(), r.fromText()));
        }
        for (DataProblem p : rest.rows.problems()) {
            out.problems().add(new DataProblem(p.file(), p.line() + first.lines, p.field(), p.message()));
        }
        return out;
    }

    /** The rows of the lines in {@code text[from, to]}, numbered from 1, and how many lines and non-blank lines it held. */
    private record Part(Rows rows, int lines, int ordinals) {}

    /**
     * Reads the lines starting in {@code [from, to]}: {@code to} is either the end of the text or the index of a
     * {@code '\n'}, which then ends the last line (and no empty line follows it here).
     */
    private static Part read(String text, int from, int to, String file) {
        Rows out = new Rows();
        int ordinal = 0;
        int lineNo = 0;
        // split on '\n' by hand: the same lines as text.split("\n", -1), without the array of them
        for (int start = from; start <= to; ) {
            int end = text.indexOf('\n', start);  // never past to: to is the text's end or a '\n'
            if (end < 0) end = to;
            lineNo++;
            String line = text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
            start = end + 1;
            if (line.isBlank()) continue;
            ordinal++;
            JsonNode node;
            try {
                node = tree(line);
            } catch (JsonProcessingException e) {
                out.problems().add(new DataProblem(file, lineNo, null, "not valid JSON: " + e.getOriginalMessage()));
                continue;
            } catch (IOException e) {
                throw new IllegalStateException("reading a string cannot fail: " + e, e);
            }
            if (!node.isObject()) {
                out.problems().add(new DataProblem(file, lineNo, null, "expected a JSON object, got " + Fields.kind(node)));
                continue;
            }
            Map<String, JsonNode> values = new LinkedHashMap<>();
            node.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
            out.rows().add(new RawRow(lineNo, ordinal, values, false));
        }
        return new Part(out, lineNo, ordinal);
    }

    /** The one JSON value on {@code line}, as ObjectMapper.readTree with FAIL_ON_TRAILING_TOKENS reads it. */
    static JsonNode tree(String line) throws IOException {
        try (JsonParser p = FACTORY.createParser(line)) {
            JsonToken first = p.nextToken();
            if (first == null) throw new JsonParseException(p, "No content to map due to end-of-input");
            JsonNode value = value(p, first);
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new JsonParseException(p, "Trailing token (of type " + trailing + ") found after value");
            }
            return value;
        }
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    o.set(name, value(p, p.nextToken()));  // a repeated key: the last one stands, as in readTree
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) a.add(value(p, e));
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_DECIMAL
                        ? NODES.numberNode(p.getDecimalValue()) : new WrittenDoubleNode(p.getDoubleValue(), p.getText());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new JsonParseException(p, "Unexpected token " + t);
        }
    }
}
