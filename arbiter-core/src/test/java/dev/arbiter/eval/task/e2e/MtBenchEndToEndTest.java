package dev.arbiter.eval.task.e2e;

import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.eval.GenerationOverrides;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.RunManifest;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.task.MtBenchTask;
import dev.arbiter.eval.task.mtbench.MtBenchData;
import dev.arbiter.eval.task.mtbench.MtBenchQuestion;
import dev.arbiter.testing.RecordedRequest;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.testing.SharedData;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answering model replies "ANSWER-<id>-<turn>"; the judge finds those markers in its prompt and rates turn 1 as
 * 2 + id % 7 and turn 2 as 1 + id % 5, except that it gives no rating for turn 2 of question 90 (a parse failure).
 */
class MtBenchEndToEndTest {
    @TempDir Path dir;

    static double turn1(int id) { return 2 + id % 7; }
    static double turn2(int id) { return 1 + id % 5; }

    @Test
    void scoresTurnsAndCategoriesAsTheScriptedJudgeRatedThem() {
        Path data = SharedData.path("mt_bench");
        List<MtBenchQuestion> questions = MtBenchData.loadDir(data).questions();
        Map<String, String> replyTo = new HashMap<>();
        for (MtBenchQuestion q : questions) {
            replyTo.put(q.turns().get(0), "ANSWER-" + q.id() + "-1");
            replyTo.put(q.turns().get(1), "ANSWER-" + q.id() + "-2");
        }
        Pattern second = Pattern.compile("ANSWER-(\\d+)-2");
        Pattern first = Pattern.compile("ANSWER-(\\d+)-1");
        try (ScriptedLlmServer model = ScriptedLlmServer.start(r -> Reply.text(replyTo.get(r.lastUserMessage())));
             ScriptedLlmServer judgeServer = ScriptedLlmServer.start(r -> {
                 String prompt = r.lastUserMessage();
                 Matcher m2 = second.matcher(prompt);
                 if (m2.find()) {
                     int id = Integer.parseInt(m2.group(1));
                     return Reply.text(id == 90 ? "I decline to rate this." : "Fine work. Rating: [[" + (int) turn2(id) + "]]");
                 }
                 Matcher m1 = first.matcher(prompt);
                 if (!m1.find()) return Reply.text("no marker");
                 return Reply.text("Explanation. Rating: [[" + (int) turn1(Integer.parseInt(m1.group(1))) + "]]");
             });
             ModelClient judge = ModelClients.create(judgeServer.endpoint(), Ticker.system())) {
            Task task = MtBenchTask.create(new MtBenchTask.Options(data, judge, null, null));
            TaskResult t = LocalRun.run(task, model, dir);

            double sum1 = 0, sum2 = 0;
            int n2 = 0;
            Map<String, double[]> perCategory = new HashMap<>(); // {sum, count}
            for (MtBenchQuestion q : questions) {
                sum1 += turn1(q.id());
                double[] c = perCategory.computeIfAbsent(q.category(), k -> new double[2]);
                c[0] += turn1(q.id());
                c[1]++;
                if (q.id() != 90) {
                    sum2 += turn2(q.id());
                    n2++;
                    c[0] += turn2(q.id());
                    c[1]++;
                }
            }
            assertThat(t.scored()).isEqualTo(80);
            assertThat(t.metrics().get("turn_1").value()).isEqualTo(sum1 / 80);
            assertThat(t.metrics().get("turn_2").value()).isEqualTo(sum2 / n2);
            assertThat(t.metrics().get("turn_2").n()).isEqualTo(79);
            assertThat(t.metrics().get("score").value()).isCloseTo((sum1 + sum2) / (80 + n2), org.assertj.core.api.Assertions.within(1e-12));
            perCategory.forEach((c, v) -> assertThat(t.metrics().get("category/" + c).value())
                    .isCloseTo(v[0] / v[1], org.assertj.core.api.Assertions.within(1e-12)));

            assertThat(model.generationRequests()).hasSize(160);
            assertThat(judgeServer.generationRequests()).hasSize(160).allSatisfy(MtBenchEndToEndTest::isGreedyWith2048Tokens);
            RecordedRequest secondTurn = model.generationRequests().stream()
                    .filter(r -> r.lastUserMessage().equals(questions.get(0).turns().get(1))).findFirst().orElseThrow();
            assertThat(secondTurn.json().path("messages").get(1).path("content").asText()).isEqualTo("ANSWER-81-1");
            assertThat(secondTurn.json().path("temperature").asDouble()).isEqualTo(0.7);
        }
    }

    @Test
    void theRecordStatesThePerCategoryTemperaturesThatWereSentNotZero() {
        // the manifest said generation.temperature 0.0 while writing was asked at 0.7 and stem at 0.1
        Path data = SharedData.path("mt_bench");
        try (ScriptedLlmServer model = ScriptedLlmServer.start(r -> Reply.text("an answer"));
             ScriptedLlmServer judgeServer = ScriptedLlmServer.start(r -> Reply.text("Rating: [[5]]"));
             ModelClient judge = ModelClients.create(judgeServer.endpoint(), Ticker.system())) {
            Task task = MtBenchTask.create(new MtBenchTask.Options(data, judge, null, null));
            RunManifest m = LocalRun.record(task, model, dir).manifest();
            assertThat(m.generation().temperature()).isNull();
            assertThat(m.setting().options()).containsEntry("temperature/writing", "0.7").containsEntry("temperature/roleplay", "0.7")
                    .containsEntry("temperature/stem", "0.1").containsEntry("temperature/humanities", "0.1")
                    .containsEntry("temperature/math", "0.0").containsEntry("temperature/coding", "0.0");
            Map<String, String> categoryOf = new HashMap<>();
            for (MtBenchQuestion q : MtBenchData.loadDir(data).questions()) categoryOf.put(q.turns().get(0), q.category());
            for (RecordedRequest r : model.generationRequests()) {
                String c = categoryOf.get(r.json().path("messages").get(0).path("content").asText());
                assertThat(r.json().path("temperature").asText()).as(c).isEqualTo(m.setting().options().get("temperature/" + c));
            }
        }
    }

    @Test
    void anExplicitTemperatureIsRecordedAndReplacesTheTable() {
        Path data = SharedData.path("mt_bench");
        try (ScriptedLlmServer model = ScriptedLlmServer.start(r -> Reply.text("an answer"));
             ScriptedLlmServer judgeServer = ScriptedLlmServer.start(r -> Reply.text("Rating: [[5]]"));
             ModelClient judge = ModelClients.create(judgeServer.endpoint(), Ticker.system())) {
            Task task = MtBenchTask.create(new MtBenchTask.Options(data, judge, null, null))
                    .withGeneration(new GenerationOverrides(null, 0.3, null, null));
            RunManifest m = LocalRun.record(task, model, dir).manifest();
            assertThat(m.generation().temperature()).isEqualTo(0.3);
            assertThat(m.setting().overridden()).contains("temperature");
            assertThat(m.setting().options() == null ? Map.of() : m.setting().options()).doesNotContainKey("temperature/writing");
            assertThat(model.generationRequests()).allSatisfy(r -> assertThat(r.json().path("temperature").asDouble()).isEqualTo(0.3));
        }
    }

    private static void isGreedyWith2048Tokens(RecordedRequest r) {
        assertThat(r.json().path("temperature").asDouble()).isZero();
        assertThat(r.json().path("max_tokens").asInt()).isEqualTo(2048);
    }
}
