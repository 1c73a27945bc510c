package dev.arbiter.eval.engine;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.metrics.Metrics;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A task whose ground truth the test knows: sample {@code q<i>} asks "q<i>" and expects "a<i>". A {@link FakeClient}
 * decides per question whether to answer right, wrong, or with "???" (which the scorer cannot parse: unscored).
 */
final class TestTasks {
    static final String UNPARSEABLE = "???";

    private TestTasks() {}

    static List<Sample> samples(int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Sample("q" + i, List.of(ChatMessage.user("q" + i)), List.of("a" + i), null, Map.of("i", i)));
        }
        return out;
    }

    static Task task(int n) {
        return task(n, exact());
    }

    static Task task(int n, Scorer scorer) {
        Dataset ds = new Dataset("truth", "/data/truth.jsonl", "abc123", samples(n));
        Solver generate = (TaskState s, dev.arbiter.eval.Generate g) ->
                s.withOutput(g.apply(GenerateRequest.chat(s.messages(), GenerationConfig.DEFAULT)));
        return new Task("truth", 1, ds, generate, scorer, Metrics.passFail(), GenerationConfig.DEFAULT);
    }

    /** 1 when the completion equals the target, unscored for "???", else 0. */
    static Scorer exact() {
        return new Scorer() {
            @Override
            public String name() { return "exact"; }

            @Override
            public Score score(TaskState state) {
                String text = state.completion().trim();
                if (text.equals(UNPARSEABLE)) return Score.unscored(null, "no answer found");
                return Score.of(text.equals(state.sample().firstTarget()) ? 1 : 0, text, "compared to target");
            }
        };
    }

    /** Passes any non-empty answer: a deliberately different second scorer for re-scoring. */
    static Scorer lenient() {
        return new Scorer() {
            @Override
            public String name() { return "lenient"; }

            @Override
            public Score score(TaskState state) {
                return Score.of(state.completion().isBlank() ? 0 : 1, state.completion(), "any answer");
            }
        };
    }

    static Endpoint endpoint() {
        return new Endpoint("fake", URI.create("http://127.0.0.1:1"), null, "fake-model", "FAKE_KEY", 16, null, null, null,
                1.0, 2.0);
    }

    /** Right for i % 3 != 0, wrong otherwise: accuracy over n samples is (n − ⌈n/3⌉) / n exactly. */
    static String mostlyRight(String question) {
        int i = Integer.parseInt(question.substring(1));
        return i % 3 == 0 ? "wrong" : "a" + i;
    }
}
