package dev.arbiter.eval.task.mmlu;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.util.Json;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --harness simple-evals} for MMLU against openai/simple-evals itself: the fixture
 * {@code reference/simple-evals-mmlu.json} was produced by running simple-evals' own {@code common.py} (commit
 * ee3b0318) — {@code QUERY_TEMPLATE_MULTICHOICE.format(**row)} and the {@code mmlu_eval.py} extraction loop — on a
 * row and on a set of replies.
 */
class SimpleEvalsMultichoiceTest {
    static JsonNode reference() throws Exception {
        try (InputStream in = SimpleEvalsMultichoiceTest.class.getResourceAsStream("/reference/simple-evals-mmlu.json")) {
            return Json.mapper().readTree(in);
        }
    }

    @Test
    void promptIsSimpleEvalsTemplateByteForByte() throws Exception {
        JsonNode ref = reference();
        JsonNode row = ref.get("row");
        String built = SimpleEvalsMultichoice.prompt(row.get("Question").asText(),
                List.of(row.get("A").asText(), row.get("B").asText(), row.get("C").asText(), row.get("D").asText()));
        assertThat(built).isEqualTo(ref.get("prompt").asText());
    }

    @Test
    void extractionAgreesWithSimpleEvalsOnEveryReply() throws Exception {
        for (JsonNode c : reference().get("cases")) {
            String expected = c.get("extracted").isNull() ? null : c.get("extracted").asText();
            assertThat(SimpleEvalsMultichoice.extract(c.get("response").asText())).as(c.get("response").asText()).isEqualTo(expected);
        }
    }
}
