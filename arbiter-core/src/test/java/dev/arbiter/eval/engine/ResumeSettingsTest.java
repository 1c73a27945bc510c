package dev.arbiter.eval.engine;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.ModelException;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.scale.TaskRecipe;
import dev.arbiter.eval.store.StoredRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What decides whether an incomplete run is continued: everything that changes what is asked or how it is graded
 * (task options, scorer options, the judge, Ollama's --context) starts a new run, and a refused --resume names what
 * differs; what does not (concurrency, output directory) still resumes.
 */
class ResumeSettingsTest {
    static final int N = 30;
    @RegisterExtension final TempRunStore stores = new TempRunStore();

    EvalRunner runner() {
        return stores.runner();
    }

    /** The options the command line gives a custom task, with the flags it always folds in. */
    RunOptions.Builder options(Map<String, String> given) {
        Map<String, String> all = new java.util.HashMap<>(given);
        all.put("harness", "arbiter");
        all.put("epochs", "1");
        return RunOptions.builder(stores.runsRoot()).cache(false)
                .task(new TaskRecipe("custom", "/data/d.jsonl", null, null, null, "exact", List.of(), null, all));
    }

    /** Starts a run that stops with a 400 at the 11th question: "run-1", incomplete, 10 answers stored. */
    void failedFirstRun(dev.arbiter.eval.Task task, Endpoint endpoint, RunOptions opts) {
        FakeClient first = new FakeClient(TestTasks::mostlyRight);
        first.failOnCall = n -> n == 11 ? new ModelException(ModelException.Kind.BAD_REQUEST, 400, "scripted", null, null) : null;
        RunRecord failed = runner().run(task, endpoint, first, opts);
        assertThat(failed.status()).isEqualTo(RunStatus.failed);
        assertThat(failed.tasks().get(0).scored()).isEqualTo(10);
    }

    /** The second run's id and how many questions it asked. */
    record Second(String runId, int asked) {}

    Second second(dev.arbiter.eval.Task task, Endpoint endpoint, RunOptions opts) {
        FakeClient client = new FakeClient(TestTasks::mostlyRight);
        RunRecord r = runner().run(task, endpoint, client, opts);
        assertThat(r.status()).isEqualTo(RunStatus.completed);
        return new Second(r.runId(), client.calls.get());
    }

    static Scorer judgedBy(String judge) {
        Scorer exact = TestTasks.exact();
        return new Scorer() {
            @Override
            public String name() { return "judge"; }

            @Override
            public Score score(TaskState state) { return exact.score(state); }

            @Override
            public String judge() { return judge; }
        };
    }

    static Endpoint ollama() {
        return Endpoint.of(URI.create("http://127.0.0.1:1"), ApiFlavor.ollama, "fake-model");
    }

    @Test
    void aRunGivenAnotherTaskOptionStartsAfreshInsteadOfMixingTwoPrompts() {
        failedFirstRun(TestTasks.task(N), TestTasks.endpoint(), options(Map.of("template", "{prompt}")).concurrency(1).build());
        Second s = second(TestTasks.task(N), TestTasks.endpoint(),
                options(Map.of("template", "[reply:zzz] {prompt}")).build());
        assertThat(s.runId()).isEqualTo("run-2");
        assertThat(s.asked()).isEqualTo(N);
    }

    @Test
    void aRunGivenAnotherScorerOptionStartsAfreshInsteadOfMixingTwoGradings() {
        failedFirstRun(TestTasks.task(N), TestTasks.endpoint(),
                options(Map.of("scorer.ignore_case", "false")).concurrency(1).build());
        Second s = second(TestTasks.task(N), TestTasks.endpoint(), options(Map.of("scorer.ignore_case", "true")).build());
        assertThat(s.runId()).isEqualTo("run-2");
        assertThat(s.asked()).isEqualTo(N);
    }

    @Test
    void aRunGivenTheSameOptionsResumesWhateverItsConcurrencyAndDirectory() {
        Map<String, String> given = Map.of("template", "Q: {prompt}", "scorer.ignore_case", "true", "field.input", "question");
        failedFirstRun(TestTasks.task(N), TestTasks.endpoint(), options(given).concurrency(1).build());
        // the same options given in another order, at another concurrency, into another directory
        Map<String, String> again = new java.util.LinkedHashMap<>();
        again.put("field.input", "question");
        again.put("scorer.ignore_case", "true");
        again.put("template", "Q: {prompt}");
        Second s = second(TestTasks.task(N), TestTasks.endpoint(),
                options(again).concurrency(4).outDir(stores.runsRoot().resolve("elsewhere")).build());
        assertThat(s.runId()).isEqualTo("run-1");
        assertThat(s.asked()).isEqualTo(N - 10);
    }

    @Test
    void aRunGradedByAnotherJudgeStartsAfresh() {
        failedFirstRun(TestTasks.task(N, judgedBy("openai http://127.0.0.1:9 judge-a")), TestTasks.endpoint(),
                options(Map.of()).concurrency(1).build());
        Second other = second(TestTasks.task(N, judgedBy("openai http://127.0.0.1:9 judge-b")), TestTasks.endpoint(),
                options(Map.of()).build());
        assertThat(other.runId()).isEqualTo("run-2");
        assertThat(other.asked()).isEqualTo(N);
    }

    @Test
    void anOllamaRunAskedForAnotherContextStartsAfresh() {
        failedFirstRun(TestTasks.task(N), ollama(), options(Map.of()).contextTokens(2048).concurrency(1).build());
        Second s = second(TestTasks.task(N), ollama(), options(Map.of()).contextTokens(8192).build());
        assertThat(s.runId()).isEqualTo("run-2");
        assertThat(s.asked()).isEqualTo(N);
    }

    @Test
    void contextOnAServerItIsNotSentToDoesNotStopAResume() {
        failedFirstRun(TestTasks.task(N), TestTasks.endpoint(), options(Map.of()).concurrency(1).build());
        Second s = second(TestTasks.task(N), TestTasks.endpoint(), options(Map.of()).contextTokens(8192).build());
        assertThat(s.runId()).isEqualTo("run-1");
    }

    @Test
    void theManifestRecordsTheOptionsTheJudgeAndTheContextThatKeyedTheRun() {
        failedFirstRun(TestTasks.task(N, judgedBy("openai http://127.0.0.1:9 judge-a")), ollama(),
                options(Map.of("template", "T {prompt}", "scorer.mode", "grade")).contextTokens(4096).concurrency(1).build());
        RunManifest m = RecordCodec.read(stores.store().run("run-1").orElseThrow().manifest(), RunManifest.class, "run-1");
        assertThat(m.setting().options()).containsExactly(Map.entry("scorer.mode", "grade"), Map.entry("template", "T {prompt}"));
        assertThat(m.setting().judge()).isEqualTo("openai http://127.0.0.1:9 judge-a");
        assertThat(m.setting().context()).isEqualTo(4096);
    }

    @Test
    void aRescoredRunRecordsItsOwnGradingNotTheScorerOptionsAndJudgeOfItsSource() {
        failedFirstRun(TestTasks.task(N, judgedBy("openai http://127.0.0.1:9 judge-a")), TestTasks.endpoint(),
                options(Map.of("template", "T {prompt}", "scorer.mode", "grade")).concurrency(1).build());
        RunRecord r = runner().rescore("run-1", TestTasks.lenient(), List.of(), null, stores.runsRoot());
        assertThat(r.manifest().setting().options()).containsExactly(Map.entry("template", "T {prompt}"));
        assertThat(r.manifest().setting().judge()).isNull();
    }

    @Test
    void aRefusedResumeNamesTheSettingsThatDifferWithBothValues() {
        failedFirstRun(TestTasks.task(N), TestTasks.endpoint(),
                options(Map.of("scorer.ignore_case", "false")).concurrency(1).build());
        assertThatThrownBy(() -> runner().run(TestTasks.task(N), TestTasks.endpoint(), new FakeClient(TestTasks::mostlyRight),
                options(Map.of("scorer.ignore_case", "true", "template", "[reply:zzz] {prompt}")).resume("run-1").build()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--resume run-1")
                .hasMessageContaining("--scorer-option ignore_case (that run: \"false\"; now: \"true\")")
                .hasMessageContaining("--option template (that run: not set; now: \"[reply:zzz] {prompt}\")");
        assertThatThrownBy(() -> runner().run(TestTasks.task(N), TestTasks.endpoint(), new FakeClient(TestTasks::mostlyRight),
                options(Map.of("scorer.ignore_case", "false")).resume("run-1").epochs(2).limit(20).build()))
                .hasMessageContaining("--limit (that run: not set; now: 20)")
                .hasMessageContaining("--epochs (that run: 1; now: 2)");
    }

    @Test
    void aRefusedResumeOfARunWhoseOptionsAnEarlierVersionLeftOutOfItsKeySaysSo() throws Exception {
        failedFirstRun(TestTasks.task(N), TestTasks.endpoint(), options(Map.of("template", "T {prompt}")).concurrency(1).build());
        // run-1 as an earlier version stored it: the options in its recipe (scale.task), not in its setting or key
        StoredRun stored = stores.store().run("run-1").orElseThrow();
        com.fasterxml.jackson.databind.node.ObjectNode manifest =
                (com.fasterxml.jackson.databind.node.ObjectNode) dev.arbiter.util.Json.mapper().readTree(stored.manifest());
        ((com.fasterxml.jackson.databind.node.ObjectNode) manifest.get("setting")).remove("options");
        manifest.put("run_id", "run-old");
        stores.store().insertRun(new StoredRun("run-old", stored.task(), stored.model(), stored.endpoint(), "an-older-key",
                "failed", stored.startedAt(), null, stored.planned(), 0, null, manifest.toString(), null));
        assertThatThrownBy(() -> runner().run(TestTasks.task(N), TestTasks.endpoint(), new FakeClient(TestTasks::mostlyRight),
                options(Map.of("template", "T {prompt}")).resume("run-old").build()))
                .hasMessageContaining("--option template (that run: not set; now: \"T {prompt}\")")
                .hasMessageContaining("left its options [template] out of its settings key");
    }

    @Test
    void aRefusedResumeWhoseRecordedSettingsAgreeSaysTheQuestionsDiffer() {
        failedFirstRun(TestTasks.task(N), TestTasks.endpoint(), options(Map.of()).concurrency(1).build());
        dev.arbiter.eval.Task fewer = TestTasks.task(N - 1);  // the same file digest, one row fewer: other questions
        assertThatThrownBy(() -> runner().run(fewer, TestTasks.endpoint(), new FakeClient(TestTasks::mostlyRight),
                options(Map.of()).resume("run-1").build()))
                .hasMessageContaining("the questions asked");
    }
}
