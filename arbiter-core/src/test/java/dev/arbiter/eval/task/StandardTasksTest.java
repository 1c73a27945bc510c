package dev.arbiter.eval.task;

import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.sandbox.SandboxReport;
import dev.arbiter.testing.SharedData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StandardTasksTest {
    @Test
    void humanEvalWithoutNetworkIsolationWarnsWhileTheTaskIsBuiltBeforeAnythingRuns() {
        List<String> warnings = new ArrayList<>();
        var registry = StandardTasks.registry(null, p -> { }, warnings::add);

        registry.create("humaneval", new TaskParams(SharedData.path("humaneval/HumanEval.jsonl.gz"), null, null, null, null,
                List.of(), null, Map.of("namespaces", "false")));

        assertThat(warnings).contains(SandboxReport.NETWORK_WARNING);
    }
}
