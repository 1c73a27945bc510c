package dev.arbiter.eval.task.more;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.eval.task.ifeval.Instructions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IFEval's verdicts where Python's string rules and Java's part: {@code /reference/ifeval-unicode-cases.jsonl}, built
 * by {@code build_ifeval_unicode_cases.py} running lm-eval's own checkers (Python's strip and \s take no-break spaces,
 * its \w leaves out combining marks, IGNORECASE folds "É", json.loads takes NaN and Infinity, "." takes "\r").
 */
class IfevalUnicodeCasesTest {
    static List<JsonNode> cases() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = IfevalUnicodeCasesTest.class.getResourceAsStream("/reference/ifeval-unicode-cases.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) out.add(new ObjectMapper().readTree(line));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void followsAsLmEvalsCheckerSays(JsonNode c) {
        boolean follows = Instructions.of(c.get("id").asText(), c.get("kwargs")).follows(c.get("response").asText());
        assertThat(follows).as(c.toString()).isEqualTo(c.get("follows").asBoolean());
    }
}
