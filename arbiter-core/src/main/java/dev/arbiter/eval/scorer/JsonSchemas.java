package dev.arbiter.eval.scorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads a JSON Schema given inline or as a file. Schemas without {@code $schema} are read as draft 2020-12. */
public final class JsonSchemas {
    private JsonSchemas() {}

    /** {@code spec} is inline JSON when it starts with '{', else a path to a schema file. */
    public static Schema load(String spec) {
        String s = spec.strip();
        if (s.startsWith("{")) return compile(parse(s, "scorer option schema"), "scorer option schema");
        Path p = Path.of(s);
        String text;
        try {
            text = Files.readString(p);
        } catch (NoSuchFileException e) {
            throw new UnavailableException("JSON schema file " + p + " not found");
        } catch (IOException e) {
            throw new UnavailableException("cannot read JSON schema file " + p + ": " + e.getMessage(), e);
        }
        return compile(parse(text, p.toString()), p.toString());
    }

    private static JsonNode parse(String text, String where) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new InvalidInputException(where + ": not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Schema compile(JsonNode node, String where) {
        if (!node.isObject() && !node.isBoolean()) throw new InvalidInputException(where + ": a JSON Schema must be an object");
        try {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
            schema.initializeValidators();
            return schema;
        } catch (RuntimeException e) {
            throw new InvalidInputException(where + ": not a usable JSON Schema: " + e.getMessage(), e);
        }
    }
}
