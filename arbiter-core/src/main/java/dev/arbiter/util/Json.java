package dev.arbiter.util;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The project's mappers: snake_case keys, ISO dates, no nulls in output. Thread-safe once built. */
public final class Json {
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());

    /** Built on first use: most commands never read YAML, and SnakeYAML's set-up was a third of this class's start. */
    private static final class Yaml {
        static final ObjectMapper MAPPER = configure(YAMLMapper.builder().build());
    }

    private Json() {}

    public static ObjectMapper mapper() { return JSON; }
    public static ObjectMapper yaml() { return Yaml.MAPPER; }

    private static ObjectMapper configure(ObjectMapper m) {
        return m.registerModule(new JavaTimeModule())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Pretty JSON of any value; a bug (not user input) if it cannot be serialised. */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }
}
