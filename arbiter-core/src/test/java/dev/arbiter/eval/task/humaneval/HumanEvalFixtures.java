package dev.arbiter.eval.task.humaneval;

import dev.arbiter.testing.SharedData;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The real HumanEval file, loaded once per test JVM. */
final class HumanEvalFixtures {
    private static HumanEvalData data;

    private HumanEvalFixtures() {}

    static Path file() {
        return SharedData.path("humaneval/HumanEval.jsonl.gz");
    }

    static synchronized HumanEvalData data() {
        if (data == null) data = new HumanEvalLoader().load(file());
        return data;
    }

    static Map<String, HumanEvalProblem> byId() {
        return data().problems().stream().collect(Collectors.toMap(HumanEvalProblem::taskId, Function.identity()));
    }

    static HumanEvalProblem problem(String id) {
        HumanEvalProblem p = byId().get(id);
        if (p == null) throw new IllegalArgumentException("no problem " + id);
        return p;
    }
}
