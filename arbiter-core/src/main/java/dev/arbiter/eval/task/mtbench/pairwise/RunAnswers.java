package dev.arbiter.eval.task.mtbench.pairwise;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.engine.RunManifest;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.eval.task.MtBenchTask;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answers of one stored {@code mt_bench} run, by question id. Only epoch 0 is read (FastChat compares one answer
 * per model); answers that ended in an error are left out, so a question counts as answered only when the model
 * gave its answers. Each record carries its questions and category, so the dataset is needed only for references.
 *
 * @param epochs the run's epochs; above 1 the later epochs are ignored
 */
public record RunAnswers(RunManifest manifest, Map<Integer, AnsweredQuestion> questions, int epochs) {
    public RunAnswers {
        questions = Map.copyOf(questions);
    }

    public static RunAnswers read(RunReader reader, String runId) {
        RunManifest m = reader.record(runId).manifest();
        if (!MtBenchTask.NAME.equals(m.task())) {
            throw new InvalidInputException("run " + runId + " is task " + m.task() + ", not " + MtBenchTask.NAME
                    + ": pairwise MT-Bench compares two mt_bench runs");
        }
        Map<Integer, AnsweredQuestion> out = new TreeMap<>();
        for (SampleRecord r : reader.samples(runId)) {
            if (r.epoch() != 0 || !r.answered()) continue;
            AnsweredQuestion q = question(runId, r);
            if (q != null) out.put(q.id(), q);
        }
        return new RunAnswers(m, out, m.epochs());
    }

    private static AnsweredQuestion question(String runId, SampleRecord r) {
        String where = "run " + runId + ", sample " + r.sampleId();
        int id;
        try {
            id = Integer.parseInt(r.sampleId());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(where + ": sample id is not an MT-Bench question id");
        }
        if (!(r.sampleMetadata().get("category") instanceof String category) || category.isBlank()) {
            throw new InvalidInputException(where + ": sample metadata has no 'category'");
        }
        if (!(r.sampleMetadata().get("turn_2") instanceof String turn2)) {
            throw new InvalidInputException(where + ": sample metadata has no 'turn_2' question");
        }
        if (r.input().isEmpty()) throw new InvalidInputException(where + ": the stored input is empty");
        List<String> answers = new ArrayList<>();
        for (ChatMessage msg : r.messages()) {
            if ("assistant".equals(msg.role()) && answers.size() < 2) answers.add(msg.content());
        }
        if (answers.isEmpty()) return null;
        return new AnsweredQuestion(id, category, List.of(r.input().get(r.input().size() - 1).content(), turn2), answers);
    }
}
