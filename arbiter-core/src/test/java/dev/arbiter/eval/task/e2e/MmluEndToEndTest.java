package dev.arbiter.eval.task.e2e;

import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.task.MmluTask;
import dev.arbiter.eval.task.mmlu.MmluScorer;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.ScriptedToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MmluEndToEndTest {
    @TempDir Path dir;

    private static Path hendrycks() throws URISyntaxException {
        return Path.of(MmluEndToEndTest.class.getResource("/mmlu/hendrycks/data").toURI());
    }

    private static String wrong(String letter) {
        return letter.equals("A") ? "B" : "A";
    }

    /**
     * 6 questions (abstract_algebra ids 0–3, us history ids 0–1). Right when the question's index within its subject is
     * even: algebra 2/4, history 1/2 → micro 3/6, macro (0.5 + 0.5) / 2.
     */
    @Test
    void fiveShotGenerateModeReportsMicroMacroAndSubjectAccuracy() throws URISyntaxException {
        Task task = MmluTask.create(new MmluTask.Options(hendrycks(), null, "en", 5, MmluScorer.Mode.GENERATE, null, 0, null, null));
        Map<String, Sample> byPrompt = LocalRun.byPrompt(task);
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> {
            Sample s = byPrompt.get(r.lastUserMessage());
            boolean right = Integer.parseInt(s.id().substring(s.id().indexOf('/') + 1)) % 2 == 0;
            return Reply.text("Let me think it through. Answer: " + (right ? s.firstTarget() : wrong(s.firstTarget())));
        })) {
            TaskResult t = LocalRun.run(task, server, dir);
            assertThat(t.scored()).isEqualTo(6);
            assertThat(t.metrics().get("accuracy").value()).isEqualTo(0.5);
            assertThat(t.metrics().get("macro_accuracy").value()).isEqualTo(0.5);
            assertThat(t.metrics().get("subject/abstract_algebra").value()).isEqualTo(0.5);
            assertThat(t.metrics().get("subject/high_school_us_history").value()).isEqualTo(0.5);
        }
    }

    /**
     * Logprob mode: the target letter is most probable (as " X") for algebra questions 0, 1, 2; question 3 puts more mass
     * on a wrong letter; the history questions answer "The" with no letter among the alternatives → counted wrong
     * (they used to be left unscored, which made accuracy 3/4 over the rest). Accuracy 3/6.
     */
    @Test
    void logprobModeTakesTheArgmaxAndCountsLetterlessAnswersWrong() throws URISyntaxException {
        Task task = MmluTask.create(new MmluTask.Options(hendrycks(), null, "en", 0, MmluScorer.Mode.LOGPROB, null, 0, null, null));
        Map<String, Sample> byPrompt = LocalRun.byPrompt(task);
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> {
            Sample s = byPrompt.get(r.lastUserMessage());
            String target = s.firstTarget();
            Map<String, Double> top = new LinkedHashMap<>();
            if (s.id().startsWith("high_school_us_history")) {
                top.put("The", -0.2);
                top.put("**", -1.9);
                return Reply.tokens(new ScriptedToken("The", -0.2, top));
            }
            boolean right = !s.id().endsWith("/3");
            String best = right ? target : wrong(target);
            top.put(" " + best, Math.log(0.5));
            top.put(" " + (right ? wrong(target) : target), Math.log(0.3));
            top.put("The", Math.log(0.1));
            return Reply.tokens(new ScriptedToken(" " + best, Math.log(0.5), top));
        })) {
            TaskResult t = LocalRun.run(task, server, dir);
            assertThat(t.scored()).isEqualTo(6);
            assertThat(t.unscored()).isEqualTo(0);
            assertThat(t.metrics().get("accuracy").value()).isEqualTo(0.5);
            assertThat(server.generationRequests()).allSatisfy(r -> {
                assertThat(r.json().path("max_tokens").asInt()).isEqualTo(1);
                assertThat(r.json().path("top_logprobs").asInt()).isEqualTo(20);
            });
        }
    }

    @Test
    void frenchMmmluIsScoredFromFrenchAnswers() throws URISyntaxException {
        Path data = Path.of(MmluEndToEndTest.class.getResource("/mmlu/mmmlu/mmlu_FR-FR.csv").toURI());
        Task task = MmluTask.create(new MmluTask.Options(data, null, "fr", 0, MmluScorer.Mode.GENERATE, List.of("abstract_algebra"), 0, null, null));
        Map<String, Sample> byPrompt = LocalRun.byPrompt(task);
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> {
            Sample s = byPrompt.get(r.lastUserMessage());
            return Reply.text("Réfléchissons. Réponse : " + (s.id().endsWith("/0") ? s.firstTarget() : wrong(s.firstTarget())));
        })) {
            TaskResult t = LocalRun.run(task, server, dir);
            assertThat(t.task()).isEqualTo("mmlu-fr");
            assertThat(t.scored()).isEqualTo(2);
            assertThat(t.metrics().get("accuracy").value()).isEqualTo(0.5);
        }
    }
}
