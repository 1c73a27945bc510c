package dev.arbiter.eval.task.humaneval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.client.ChatMessage;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each reference's chat HumanEval against the references' own code: {@code /reference/humaneval-chat-references.jsonl}
 * (built by {@code build_humaneval_references.py} from lm-eval 4e7e0d47 {@code humaneval_instruct.yaml} and
 * {@code utils.build_predictions_instruct}, and simple-evals ee3b0318 {@code humaneval_eval.py}'s instruction and
 * {@code find_code}): the turns sent, and the program each makes of five answers, byte for byte.
 */
class HumanEvalReferenceTest {
    private static final ObjectMapper M = new ObjectMapper();

    private static List<JsonNode> rows() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = HumanEvalReferenceTest.class.getResourceAsStream("/reference/humaneval-chat-references.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) if (!line.isBlank()) out.add(M.readTree(line));
        }
        return out;
    }

    private static Map<String, HumanEvalProblem> problems() {
        return new HumanEvalLoader().load(HumanEvalFixtures.file()).problems().stream()
                .collect(Collectors.toMap(HumanEvalProblem::taskId, Function.identity()));
    }

    private static List<Map<String, String>> turns(List<ChatMessage> messages) {
        return messages.stream().map(m -> Map.of("role", m.role(), "content", m.content())).toList();
    }

    @Test
    void theTurnsSentAreTheReferencesRenderedTemplates() throws Exception {
        Map<String, HumanEvalProblem> problems = problems();
        List<JsonNode> rows = rows();
        assertThat(rows).hasSize(2);
        for (JsonNode row : rows) {
            HumanEvalProblem p = problems.get(row.get("task_id").asText());
            assertThat((JsonNode) M.valueToTree(turns(HumanEvalReference.LM_EVAL_INSTRUCT.messages(p)))).isEqualTo(row.get("lm_eval_messages"));
            assertThat((JsonNode) M.valueToTree(turns(HumanEvalReference.SIMPLE_EVALS.messages(p)))).isEqualTo(row.get("simple_evals_messages"));
        }
    }

    @Test
    void theProgramRunIsWhatEachReferenceMakesOfTheAnswer() throws Exception {
        Map<String, HumanEvalProblem> problems = problems();
        for (JsonNode row : rows()) {
            HumanEvalProblem p = problems.get(row.get("task_id").asText());
            for (int i = 0; i < row.get("answers").size(); i++) {
                String answer = row.get("answers").get(i).asText();
                assertThat(HumanEvalReference.LM_EVAL_INSTRUCT.solution(answer, p).code()).as("lm-eval, answer %d", i)
                        .isEqualTo(row.get("lm_eval_programs").get(i).asText());
                assertThat(HumanEvalReference.SIMPLE_EVALS.solution(answer, p).code()).as("simple-evals, answer %d", i)
                        .isEqualTo(row.get("simple_evals_programs").get(i).asText());
            }
        }
    }
}
