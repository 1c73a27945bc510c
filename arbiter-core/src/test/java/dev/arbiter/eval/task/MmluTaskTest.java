package dev.arbiter.eval.task;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.MetricValue;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.task.mmlu.MmluScorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MmluTaskTest {
    static Path resource(String relative) {
        try {
            return Path.of(MmluTaskTest.class.getResource("/mmlu/" + relative).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MmluTask.Options options(Path data, int shots, List<String> subjects, String language) {
        return new MmluTask.Options(data, null, language, shots, MmluScorer.Mode.GENERATE, subjects, 0, null, null);
    }

    @TempDir Path tmp;

    /** A copy of the Hendrycks-layout test data under {@code to}. */
    private static Path copyOfHendrycksData(Path to) throws java.io.IOException {
        Path from = resource("hendrycks/data");
        try (var files = java.nio.file.Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (java.nio.file.Files.isDirectory(f)) java.nio.file.Files.createDirectories(target);
                else java.nio.file.Files.copy(f, target);
            }
        }
        return to;
    }

    @Test
    void aHendrycksDirectoryHasADigestOfItsTestFilesWhereverItLies() throws Exception {
        Path a = copyOfHendrycksData(tmp.resolve("a"));
        Path b = copyOfHendrycksData(tmp.resolve("elsewhere/b"));
        String digestA = MmluTask.create(options(a, 0, List.of(), "en")).dataset().sha256();
        assertThat(digestA).isNotNull().hasSize(64);
        assertThat(MmluTask.create(options(b, 0, List.of(), "en")).dataset().sha256()).isEqualTo(digestA);
        // one edited answer in one test file: another dataset
        Path f = b.resolve("test/abstract_algebra_test.csv");
        java.nio.file.Files.writeString(f, java.nio.file.Files.readString(f).replaceFirst(",([A-D])\\r?\\n", ",$1 \n"));
        assertThat(MmluTask.create(options(b, 0, List.of(), "en")).dataset().sha256()).isNotEqualTo(digestA);
    }

    @Test
    void fiveShotTakesTheFirstFiveDevQuestionsOfTheSameSubject() {
        Task task = MmluTask.create(options(resource("hendrycks/data"), 5, List.of("high_school_us_history"), "en"));
        assertThat(task.dataset().samples()).hasSize(2);
        String prompt = task.dataset().samples().get(0).input().get(0).content();
        assertThat(prompt).contains("Dev question 0, with a comma?").contains("Dev question 4").doesNotContain("Z_3");
        assertThat(task.name()).isEqualTo("mmlu");
    }

    @Test
    void frenchMmmluIsNamedForItsLanguage() {
        Task task = MmluTask.create(options(resource("mmmlu/mmlu_FR-FR.csv"), 0, List.of(), "fr"));
        assertThat(task.name()).isEqualTo("mmlu-fr");
        assertThat(task.dataset().samples().get(0).input().get(0).content()).startsWith("Voici des questions").endsWith("Réponse :");
        assertThat(task.dataset().sha256()).hasSize(64);
    }

    @Test
    void fewShotFromASingleFileWithoutDevIsAnInputError() {
        assertThatThrownBy(() -> MmluTask.create(options(resource("mmmlu/mmlu_FR-FR.csv"), 5, List.of(), "fr")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--option dev=PATH");
    }

    @Test
    void anUnknownSubjectIsAnInputErrorListingThePresentOnes() {
        assertThatThrownBy(() -> MmluTask.create(options(resource("jsonl/mmlu.jsonl"), 0, List.of("astrology"), "en")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("astrology").hasMessageContaining("abstract_algebra");
    }

    @Test
    void logprobModeAsksForOneTokenAndTopLogprobs() {
        Task task = MmluTask.create(new MmluTask.Options(resource("jsonl/mmlu.jsonl"), null, "en", 0, MmluScorer.Mode.LOGPROB, null, 0, null, null));
        assertThat(task.config().maxTokens()).isEqualTo(1);
        assertThat(task.config().topLogprobs()).isEqualTo(20);
    }

    @Test
    void microAveragesQuestionsAndMacroAveragesSubjects() {
        Task task = MmluTask.create(options(resource("hendrycks/data"), 0, List.of(), "en"));
        // abstract_algebra: 4 questions, 1 right; us history: 2 questions, both right (the engine passes only scored samples)
        List<SampleScore> scores = new ArrayList<>();
        double[] aa = {1, 0, 0, 0};
        for (int i = 0; i < aa.length; i++) scores.add(score("abstract_algebra/" + i, aa[i], "abstract_algebra"));
        scores.add(score("high_school_us_history/0", 1, "high_school_us_history"));
        scores.add(score("high_school_us_history/1", 1, "high_school_us_history"));
        Map<String, MetricValue> m = new java.util.HashMap<>();
        task.metrics().forEach(metric -> m.put(metric.name(), metric.compute(scores)));
        assertThat(m.get("accuracy").value()).isCloseTo(3.0 / 6, within(1e-12));
        assertThat(m.get("macro_accuracy").value()).isCloseTo((0.25 + 1.0) / 2, within(1e-12));
        assertThat(m.get("subject/abstract_algebra").value()).isCloseTo(0.25, within(1e-12));
        assertThat(m.get("subject/abstract_algebra").n()).isEqualTo(4);
        assertThat(m.get("subject/high_school_us_history").value()).isEqualTo(1.0);
    }

    private static SampleScore score(String id, double v, String subject) {
        return new SampleScore(id, 0, new Score(v, null, null, Map.of("subject", subject)));
    }
}
