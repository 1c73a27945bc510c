package dev.arbiter.cli;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.Solver;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.metrics.Metrics;

import java.util.ArrayList;
import java.util.List;

/** Sample q<i> expects "a<i>"; the test's server decides which it gets right, so the test knows the accuracy. */
final class CliTestTask {
    private CliTestTask() {}

    static TaskRegistry registry(int n) {
        return new TaskRegistry().register("truth", p -> task(n));
    }

    static Task task(int n) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) samples.add(new Sample("q" + i, List.of(ChatMessage.user("q" + i)), List.of("a" + i), null, null));
        Solver solve = (TaskState s, dev.arbiter.eval.Generate g) ->
                s.withOutput(g.apply(GenerateRequest.chat(s.messages(), GenerationConfig.DEFAULT)));
        return new Task("truth", 1, new Dataset("truth", "mem:truth", "sha-truth", samples), solve, exact(),
                Metrics.passFail(), GenerationConfig.DEFAULT);
    }

    static Scorer exact() {
        return scorer("exact", s -> s.completion().equals(s.sample().firstTarget()));
    }

    static Scorer anything() {
        return scorer("anything", s -> true);
    }

    private static Scorer scorer(String name, java.util.function.Predicate<TaskState> pass) {
        return new Scorer() {
            @Override
            public String name() { return name; }

            @Override
            public Score score(TaskState state) {
                return Score.of(pass.test(state) ? 1 : 0, state.completion(), name);
            }
        };
    }

    /** Right for i % 4 != 0. */
    static String mostlyRight(String q) {
        int i = Integer.parseInt(q.substring(1));
        return i % 4 == 0 ? "nope" : "a" + i;
    }
}
