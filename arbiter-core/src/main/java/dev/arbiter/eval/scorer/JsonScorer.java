package dev.arbiter.eval.scorer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 1 when the answer is well-formed JSON (the last {@code ```json} fence when there is one, else the whole reply)
 * and, with a schema, valid against it; else 0 with the parse or validation errors as the explanation. Unparseable
 * JSON is a failure here, not an unscored sample: producing JSON is what this scorer measures.
 */
public final class JsonScorer implements Scorer {
    private static final Pattern FENCE = Pattern.compile("```[ \\t]*(?:json|JSON)?[ \\t]*\\r?\\n(.*?)```", Pattern.DOTALL);
    private static final int MAX_ERRORS_SHOWN = 5;
    // Strict: one value, no trailing tokens; duplicate keys are an error as most consumers would mis-handle them.
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Schema schema;

    /** @param schema compiled JSON Schema (see {@link JsonSchemas}), or null to check well-formedness only */
    public JsonScorer(Schema schema) {
        this.schema = schema;
    }

    @Override
    public String name() { return "json"; }

    @Override
    public Score score(TaskState state) {
        String text = extract(state.completion());
        if (text.isBlank()) return Score.of(0.0, text, "empty answer");
        JsonNode node;
        try {
            node = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            return Score.of(0.0, text, "not valid JSON: " + e.getOriginalMessage());
        }
        if (schema == null) return Score.of(1.0, text, "valid JSON");
        List<Error> errors = schema.validate(node);
        if (errors.isEmpty()) return Score.of(1.0, text, "valid JSON, matches the schema");
        String shown = errors.stream().limit(MAX_ERRORS_SHOWN).map(Error::toString).collect(Collectors.joining("; "));
        String more = errors.size() > MAX_ERRORS_SHOWN ? " (+" + (errors.size() - MAX_ERRORS_SHOWN) + " more)" : "";
        return Score.of(0.0, text, "schema: " + shown + more);
    }

    /** The last fenced block's body when the reply has fences, else the reply itself. */
    static String extract(String completion) {
        Matcher m = FENCE.matcher(completion);
        String last = null;
        while (m.find()) last = m.group(1);
        return (last == null ? completion : last).strip();
    }
}
