package dev.arbiter.eval.task.mbpp;

import java.util.List;

/**
 * One MBPP problem (google-research/mbpp mbpp.jsonl or the sanitized set; EvalPlus's MBPP+ adds a hidden {@code test}).
 *
 * @param text       the task in words
 * @param entryPoint the function the tests call, from the data's {@code entry_point} or the reference code
 * @param shownTests the asserts the prompt shows (MBPP's convention: the model sees its three tests)
 * @param setup      trusted code run before the tests ({@code test_setup_code}, {@code test_imports})
 * @param hiddenTest EvalPlus's extra tests, or null for plain MBPP (then the shown asserts grade)
 */
public record MbppProblem(String taskId, String text, String entryPoint, List<String> shownTests, String setup, String hiddenTest) {
    public MbppProblem {
        if (entryPoint == null || !entryPoint.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("task " + taskId + ": cannot tell which function the tests call (give 'entry_point')");
        }
        shownTests = List.copyOf(shownTests);
        if (shownTests.isEmpty()) throw new IllegalArgumentException("task " + taskId + ": 'test_list' is empty");
        setup = setup == null ? "" : setup;
    }

    /** The trusted test: MBPP+'s hidden suite when there is one, else the shown asserts. */
    public String gradingTest() {
        return hiddenTest != null ? hiddenTest : String.join("\n", shownTests) + "\n";
    }
}
