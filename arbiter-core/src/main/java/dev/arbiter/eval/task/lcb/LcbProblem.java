package dev.arbiter.eval.task.lcb;

import java.time.LocalDate;
import java.util.List;

/**
 * One LiveCodeBench code-generation problem (livecodebench/code_generation_lite).
 *
 * @param funcName the LeetCode method the functional tests call on {@code Solution()}, or null for stdin problems
 * @param tests    public and private tests together; every one must pass
 */
public record LcbProblem(String id, String title, String content, String platform, LocalDate contestDate, String difficulty,
                         String starterCode, String funcName, List<LcbTestCase> tests) {
    public LcbProblem {
        tests = List.copyOf(tests);
        if (tests.isEmpty()) throw new IllegalArgumentException("problem " + id + " has no tests");
        starterCode = starterCode == null ? "" : starterCode;
    }

    public boolean functional() { return tests.get(0).testType().equals("functional"); }
}
