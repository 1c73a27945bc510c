package dev.arbiter.eval.scorer;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonScorerTest {
    private static final String PERSON = """
            {"type": "object", "required": ["name", "age"],
             "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}},
             "additionalProperties": false}""";

    private final Scorer wellFormed = Scorers.create("json", ScorerOptions.NONE);
    private final Scorer person = Scorers.create("json", ScorerOptions.of(Map.of("schema", PERSON)));

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\": 1}",
            "  [1, 2, 3]\n",
            "Here you go:\n```json\n{\"a\": [true, null]}\n```\nAnything else?",
            "```\n{\"a\": 1}\n```",
            "draft:\n```json\n{broken\n```\nfixed:\n```json\n{\"ok\": true}\n```"})
    void wellFormedJsonPasses(String reply) {
        assertThat(wellFormed.score(States.answered(reply)).value()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{'a': 1}",
            "{\"a\": 1,}",
            "{\"a\": 1} and some words",
            "{\"a\": 1, \"a\": 2}",
            "Sure! {\"a\": 1}",
            "```json\n{\"a\": \n```",
            ""})
    void malformedJsonFailsWithZeroNotUnscored(String reply) {
        Score s = wellFormed.score(States.answered(reply));
        assertThat(s.value()).isEqualTo(0.0);
    }

    @Test
    void aReplyMatchingTheSchemaPasses() {
        assertThat(person.score(States.answered("```json\n{\"name\": \"Ada\", \"age\": 36}\n```")).value()).isEqualTo(1.0);
    }

    @Test
    void aSchemaViolationFailsAndNamesTheProblem() {
        Score s = person.score(States.answered("{\"name\": \"Ada\", \"age\": -1, \"extra\": 1}"));
        assertThat(s.value()).isEqualTo(0.0);
        assertThat(s.explanation()).contains("schema:").contains("minimum").contains("extra");
    }

    @Test
    void theSchemaMayBeAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("person.schema.json");
        Files.writeString(f, PERSON);
        Scorer fromFile = Scorers.create("json", ScorerOptions.of(Map.of("schema", f.toString())));
        assertThat(fromFile.score(States.answered("{\"name\": \"Ada\"}")).value()).isEqualTo(0.0);
        assertThat(fromFile.score(States.answered("{\"name\": \"Ada\", \"age\": 3}")).value()).isEqualTo(1.0);
    }

    @Test
    void aMissingSchemaFileIsUnavailableAndABrokenOneIsAnInputError(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> JsonSchemas.load(dir.resolve("nope.json").toString()))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("nope.json");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"type\": ");
        assertThatThrownBy(() -> JsonSchemas.load(bad.toString()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad.json");
    }
}
