package dev.arbiter.eval.task.humaneval;

import dev.arbiter.sandbox.Outcome;
import dev.arbiter.sandbox.Sandbox;
import dev.arbiter.sandbox.SandboxOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Realistic answers (as chat and base models write them) → the kind of solution extracted, and whether it passes
 * the real tests when run in the sandbox. Correct answers must pass; the wrong one must fail.
 */
class CodeExtractorTest {
    static HumanEvalGrader grader;

    @BeforeAll
    static void open() {
        grader = new HumanEvalGrader(Sandbox.open(SandboxOptions.defaults().withTimeout(Duration.ofSeconds(5))));
    }

    static Stream<Arguments> chatAnswers() {
        return Stream.of(
                row("fenced full function between prose", "HumanEval/0", """
                        Here is an implementation that compares every pair:

                        ```python
                        def has_close_elements(numbers: List[float], threshold: float) -> bool:
                            for i, a in enumerate(numbers):
                                for j, b in enumerate(numbers):
                                    if i != j and abs(a - b) < threshold:
                                        return True
                            return False
                        ```

                        This runs in O(n^2) time; sorting first would make it O(n log n).
                        """, SolutionKind.FULL_FUNCTION, true),
                row("```py tag, imports repeated", "HumanEval/0", """
                        ```py
                        from typing import List

                        def has_close_elements(numbers: List[float], threshold: float) -> bool:
                            s = sorted(numbers)
                            return any(b - a < threshold for a, b in zip(s, s[1:]))
                        ```
                        """, SolutionKind.FULL_FUNCTION, true),
                row("bare fence", "HumanEval/2", """
                        ```
                        def truncate_number(number: float) -> float:
                            return number - int(number)
                        ```
                        """, SolutionKind.FULL_FUNCTION, true),
                row("usage block first, definition second", "HumanEval/2", """
                        You can call it like this:
                        ```python
                        print(truncate_number(3.5))  # 0.5
                        ```
                        And here is the function:
                        ```python
                        def truncate_number(number: float) -> float:
                            return number % 1.0
                        ```
                        """, SolutionKind.FULL_FUNCTION, true),
                row("shell block ignored", "HumanEval/2", """
                        ```bash
                        pip install nothing
                        ```
                        ```python3
                        def truncate_number(number: float) -> float:
                            return number % 1.0
                        ```
                        """, SolutionKind.FULL_FUNCTION, true),
                row("body only, indented", "HumanEval/2", """
                        ```python
                            return number % 1.0
                        ```
                        """, SolutionKind.BODY, true),
                row("body only, at column 0, several lines", "HumanEval/0", """
                        ```python
                        ordered = sorted(numbers)
                        for a, b in zip(ordered, ordered[1:]):
                            if b - a < threshold:
                                return True
                        return False
                        ```
                        """, SolutionKind.BODY, true),
                row("body indented by two spaces", "HumanEval/2", """
                        ```python
                          whole = int(number)
                          return number - whole
                        ```
                        """, SolutionKind.BODY, true),
                row("no fences, prose after", "HumanEval/2", """
                        def truncate_number(number: float) -> float:
                            \"\"\"Return the decimal part.\"\"\"
                            return number % 1.0

                        This uses the modulo operator to drop the integer part.
                        """, SolutionKind.FULL_FUNCTION, true),
                row("no fences, prose before and after", "HumanEval/2", """
                        Sure! Here is the completed function:

                        def truncate_number(number: float) -> float:
                            return number % 1.0

                        Note: negative numbers are not handled.
                        """, SolutionKind.FULL_FUNCTION, true),
                row("main guard that exits 0 is dropped", "HumanEval/2", """
                        ```python
                        import sys

                        def truncate_number(number: float) -> float:
                            return number % 1.0

                        if __name__ == "__main__":
                            print(truncate_number(float(input())))
                            sys.exit(0)
                        ```
                        """, SolutionKind.FULL_FUNCTION, true),
                row("unclosed fence (answer cut at max_tokens)", "HumanEval/2", """
                        ```python
                        def truncate_number(number: float) -> float:
                            return number % 1.0
                        """, SolutionKind.FULL_FUNCTION, true),
                row("only the entry point, helper kept from the prompt", "HumanEval/38", """
                        ```python
                        def decode_cyclic(s: str):
                            return encode_cyclic(encode_cyclic(s))
                        ```
                        """, SolutionKind.FULL_FUNCTION, true),
                row("wrong answer", "HumanEval/2", """
                        ```python
                        def truncate_number(number: float) -> float:
                            return int(number)
                        ```
                        """, SolutionKind.FULL_FUNCTION, false),
                row("exit(0) before the check is not a pass", "HumanEval/2", """
                        ```python
                        def truncate_number(number: float) -> float:
                            return 0.0
                        import os
                        os._exit(0)
                        ```
                        """, SolutionKind.FULL_FUNCTION, false),
                row("prose only", "HumanEval/2", """
                        I'm sorry, but I can't help with that request.
                        """, SolutionKind.NONE, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chatAnswers")
    void extractsChatAnswersAndGradesThem(String name, String taskId, String answer, SolutionKind kind,
                                          boolean passes) {
        HumanEvalProblem p = HumanEvalFixtures.problem(taskId);

        Solution s = CodeExtractor.fromChat(answer, p);

        assertThat(s.kind()).isEqualTo(kind);
        assertThat(s.code()).doesNotContain("```", "This uses", "Note:", "Sure!", "__main__", "This runs");
        assertThat(grader.grade(new Attempt(p, s)).outcome()).isEqualTo(passes ? Outcome.PASSED : Outcome.FAILED);
    }

    static Stream<Arguments> completions() {
        return Stream.of(
                row("body then a new function", "HumanEval/2",
                        "    return number % 1.0\n\n\ndef main():\n    print(truncate_number(2.5))\n",
                        SolutionKind.BODY, true),
                row("body then example prints", "HumanEval/2",
                        "    return number - int(number)\n\nprint(truncate_number(1.25))\n", SolutionKind.BODY, true),
                row("body then a main guard", "HumanEval/2",
                        "    return number % 1.0\n\nif __name__ == '__main__':\n    import sys; sys.exit(0)\n",
                        SolutionKind.BODY, true),
                row("empty completion", "HumanEval/2", "\n", SolutionKind.NONE, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("completions")
    void cutsCompletionsAtTheStopSequences(String name, String taskId, String completion, SolutionKind kind,
                                           boolean passes) {
        HumanEvalProblem p = HumanEvalFixtures.problem(taskId);

        Solution s = CodeExtractor.fromCompletion(completion, p);

        assertThat(s.kind()).isEqualTo(kind);
        if (s.runnable()) assertThat(s.code()).startsWith(p.prompt()).doesNotContain("def main", "print(", "__name__");
        assertThat(grader.grade(new Attempt(p, s)).outcome()).isEqualTo(passes ? Outcome.PASSED : Outcome.FAILED);
    }

    private static Arguments row(String name, String taskId, String answer, SolutionKind kind, boolean passes) {
        return Arguments.of(name, taskId, answer, kind, passes);
    }
}
