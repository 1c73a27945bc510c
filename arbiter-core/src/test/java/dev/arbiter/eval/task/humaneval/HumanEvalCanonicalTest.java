package dev.arbiter.eval.task.humaneval;

import dev.arbiter.sandbox.ExecutionResult;
import dev.arbiter.sandbox.Outcome;
import dev.arbiter.sandbox.Sandbox;
import dev.arbiter.sandbox.SandboxOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** All 164 problems through the real sandbox, in parallel: the reference passes everything, a stub nothing. */
class HumanEvalCanonicalTest {
    static HumanEvalGrader grader;

    @BeforeAll
    static void open() {
        grader = new HumanEvalGrader(Sandbox.open(SandboxOptions.defaults()));
    }

    @Test
    void theCanonicalSolutionsPassAll164() {
        List<Attempt> attempts = HumanEvalFixtures.data().problems().stream()
                .map(p -> new Attempt(p, new Solution(SolutionKind.BODY, p.canonicalProgramHead()))).toList();

        List<ExecutionResult> results = grader.gradeAll(attempts);
        HumanEvalSummary summary = HumanEvalSummary.of(attempts, results, List.of(1));

        assertThat(results).filteredOn(r -> r.outcome() != Outcome.PASSED).isEmpty();
        assertThat(summary.count(Outcome.PASSED)).isEqualTo(164);
        assertThat(summary.passAtK()).containsEntry(1, 1.0);
    }

    @Test
    void anEmptyBodyPassesNone() {
        List<Attempt> attempts = HumanEvalFixtures.data().problems().stream()
                .map(p -> new Attempt(p, new Solution(SolutionKind.BODY, p.prompt() + "    pass\n"))).toList();

        List<ExecutionResult> results = grader.gradeAll(attempts);
        HumanEvalSummary summary = HumanEvalSummary.of(attempts, results, List.of(1));

        assertThat(summary.count(Outcome.PASSED)).isZero();
        assertThat(summary.count(Outcome.FAILED) + summary.count(Outcome.TIMED_OUT)).isEqualTo(164);
        assertThat(summary.passAtK()).containsEntry(1, 0.0);
    }
}
