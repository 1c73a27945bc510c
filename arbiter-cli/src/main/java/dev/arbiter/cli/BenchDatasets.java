package dev.arbiter.cli;

import dev.arbiter.bench.DatasetWorkload;
import dev.arbiter.bench.LengthSpec;
import dev.arbiter.client.Capabilities;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.ModelClient;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.task.StandardTasks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bench --dataset TASK}: an eval task's own prompts (built by the same factory {@code eval --task} uses, from
 * {@code --data} or the task's default copy) replayed as benchmark conversations. A sample's leading system message
 * stays its system prompt, its user message is turn 1 (with any images), and MT-Bench's second question is turn 2.
 * Nothing is graded, so MT-Bench's judge is never asked and code tasks' sandbox warnings are not shown.
 */
final class BenchDatasets {
    private BenchDatasets() {}

    /** Whether {@code name} is a task the registry knows. */
    static boolean isTask(String name) {
        return registry().names().contains(name.strip().toLowerCase(java.util.Locale.ROOT));
    }

    static DatasetWorkload workload(String task, Path data, long seed, LengthSpec output, int turns) {
        Task t = registry().create(task, new TaskParams(data, null, seed, null, null, List.of(), null, Map.of()));
        return new DatasetWorkload(t.name(), t.dataset().path(), prompts(t), output, turns, seed);
    }

    /** The task's samples as prompts; a sample that is not (system,) user cannot be replayed and is refused by name. */
    static List<DatasetWorkload.Prompt> prompts(Task t) {
        List<DatasetWorkload.Prompt> out = new ArrayList<>(t.dataset().samples().size());
        for (Sample s : t.dataset().samples()) {
            List<ChatMessage> in = s.input();
            String system = !in.isEmpty() && in.get(0).role().equals("system") ? in.get(0).content() : null;
            List<ChatMessage> rest = in.subList(system == null ? 0 : 1, in.size());
            if (rest.size() != 1 || !rest.get(0).role().equals("user") || rest.get(0).content().isEmpty()) {
                throw new InvalidInputException("--dataset " + t.name() + ": sample " + s.id() + " is not a single user turn ("
                        + in.stream().map(ChatMessage::role).toList() + "); bench replays (system +) user prompts only");
            }
            List<ChatMessage> turns = new ArrayList<>(List.of(rest.get(0)));
            if (s.metadata().get("turn_2") instanceof String second && !second.isEmpty()) turns.add(ChatMessage.user(second));
            out.add(new DatasetWorkload.Prompt(s.id(), system, turns));
        }
        return out;
    }

    private static TaskRegistry registry() {
        return StandardTasks.registry(NEVER_ASKED, problem -> { }, warning -> { });
    }

    /** MT-Bench's factory wants a judge; bench only reads its questions. */
    private static final ModelClient NEVER_ASKED = new ModelClient() {
        @Override
        public GenerateResponse generate(GenerateRequest request) {
            throw new IllegalStateException("bench grades nothing; the judge is never asked");
        }

        @Override
        public Capabilities probe() {
            throw new IllegalStateException("bench grades nothing; the judge is never asked");
        }

        @Override
        public List<String> listModels() { return List.of(); }

        @Override
        public String describe() { return "none (bench)"; }
    };
}
