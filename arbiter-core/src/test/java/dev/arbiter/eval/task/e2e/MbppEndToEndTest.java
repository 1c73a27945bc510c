package dev.arbiter.eval.task.e2e;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.task.MbppTask;
import dev.arbiter.sandbox.Sandbox;
import dev.arbiter.sandbox.SandboxOptions;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MBPP and MBPP+ in their published layouts (invented problems), graded in the trusted grader against a scripted
 * server: right code passes; wrong code, a forged pass (printing a marker and exiting 0) and an always-equal object
 * fail; on MBPP+ a solution that hard-codes the three shown asserts fails the hidden suite.
 */
class MbppEndToEndTest {
    @TempDir Path dir;

    static final String DATA = """
            {"task_id": 11, "text": "Write a function to add two numbers.", "code": "def add(a, b):\\n    return a + b", "test_setup_code": "", "test_list": ["assert add(1, 2) == 3", "assert add(2, 2) == 4", "assert add(-1, 1) == 0"], "challenge_test_list": []}
            {"task_id": 12, "text": "Write a function to reverse a string.", "code": "def rev(s):\\n    return s[::-1]", "test_setup_code": "", "test_list": ["assert rev('ab') == 'ba'", "assert rev('') == ''", "assert rev('abc') == 'cba'"], "challenge_test_list": []}
            {"task_id": 13, "text": "Write a function to square a number.", "code": "def sq(x):\\n    return x * x", "test_setup_code": "", "test_list": ["assert sq(2) == 4", "assert sq(3) == 9", "assert sq(0) == 0"], "challenge_test_list": []}
            {"task_id": 14, "text": "Write a function to find the maximum of a list.", "code": "def biggest(xs):\\n    return max(xs)", "test_setup_code": "", "test_list": ["assert biggest([1, 5, 2]) == 5", "assert biggest([7]) == 7", "assert biggest([-3, -1]) == -1"], "challenge_test_list": []}
            """;

    static Sandbox sandbox() {
        return Sandbox.open(SandboxOptions.defaults().withTimeout(Duration.ofSeconds(5)).withParallelism(2));
    }

    @Test
    void onlyTheRightSolutionPassesWhateverTheOthersPrintOrReturn() throws IOException {
        Path data = Files.writeString(dir.resolve("mbpp.jsonl"), DATA);
        Task task = MbppTask.create(MbppTask.NAME, data, List.of(1), sandbox());
        Map<String, Sample> byPrompt = LocalRun.byPrompt(task);
        assertThat(byPrompt.keySet()).anySatisfy(p -> assertThat(p).startsWith("You are an expert Python programmer, and here is your task: "
                + "Write a function to add two numbers. Your code should pass these tests:\n\nassert add(1, 2) == 3\n").endsWith("\n[BEGIN]\n"));
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> {
            Sample s = byPrompt.get(r.lastUserMessage());
            return Reply.text(switch (s.id()) {
                case "11" -> "```python\ndef add(a, b):\n    return a + b\n```\n[DONE]";
                case "12" -> "def rev(s):\n    return s\n[DONE]";
                case "13" -> "def sq(x):\n    import os\n    print('PASSED')\n    os._exit(0)\n";
                default -> "class Any:\n    def __eq__(self, o):\n        return True\n    def __ne__(self, o):\n        return False\n\ndef biggest(xs):\n    return Any()\n";
            });
        })) {
            TaskResult t = LocalRun.run(task, server, dir);
            assertThat(t.scored()).isEqualTo(4);
            assertThat(t.metrics().get("pass@1").value()).isEqualTo(0.25);
        }
    }

    @Test
    void mbppPlusGradesWithTheHiddenSuiteSoHardCodedAnswersFail() throws IOException {
        Path data = Files.writeString(dir.resolve("MbppPlus.jsonl"), """
                {"task_id": "Mbpp/13", "prompt": "Write a function to square a number.", "entry_point": "sq", "code": "def sq(x):\\n    return x * x", "test_list": ["assert sq(2) == 4", "assert sq(3) == 9", "assert sq(0) == 0"], "test": "inputs = [[2], [3], [0], [7], [-4]]\\nresults = [4, 9, 0, 49, 16]\\nfor inp, exp in zip(inputs, results):\\n    assert sq(*inp) == exp\\n"}
                {"task_id": "Mbpp/14", "prompt": "Write a function to find the maximum of a list.", "entry_point": "biggest", "code": "def biggest(xs):\\n    return max(xs)", "test_list": ["assert biggest([1, 5, 2]) == 5"], "test": "assert biggest([1, 5, 2]) == 5\\nassert biggest([9, 8]) == 9\\n"}
                """);
        Task task = MbppTask.create(MbppTask.PLUS, data, List.of(1), sandbox());
        Map<String, Sample> byPrompt = LocalRun.byPrompt(task);
        try (ScriptedLlmServer server = ScriptedLlmServer.start(r -> {
            Sample s = byPrompt.get(r.lastUserMessage());
            return Reply.text(s.id().equals("Mbpp/13") ? "def sq(x):\n    return {2: 4, 3: 9, 0: 0}[x]\n" : "def biggest(xs):\n    return max(xs)\n");
        })) {
            TaskResult t = LocalRun.run(task, server, dir);
            assertThat(t.metrics().get("pass@1").value()).isEqualTo(0.5);
        }
        Path plain = Files.writeString(dir.resolve("mbpp.jsonl"), DATA);
        assertThatThrownBy(() -> MbppTask.create(MbppTask.PLUS, plain, List.of(1), sandbox()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("no hidden 'test'");
    }
}
