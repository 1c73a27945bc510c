package dev.arbiter.eval.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON Lines: one object per line; blank lines are skipped; LF or CRLF endings. */
final class JsonlReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private JsonlReader() {}

    static Rows read(String text, String file) {
        Rows out = new Rows();
        String[] lines = text.split("\n", -1);
        int ordinal = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) continue;
            int lineNo = i + 1;
            ordinal++;
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                out.problems().add(new DataProblem(file, lineNo, null, "not valid JSON: " + e.getOriginalMessage()));
                continue;
            }
            if (!node.isObject()) {
                out.problems().add(new DataProblem(file, lineNo, null, "expected a JSON object, got " + Fields.kind(node)));
                continue;
            }
            Map<String, JsonNode> values = new LinkedHashMap<>();
            node.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
            out.rows().add(new RawRow(lineNo, ordinal, values, false));
        }
        return out;
    }
}
