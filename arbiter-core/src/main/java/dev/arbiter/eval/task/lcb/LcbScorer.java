package dev.arbiter.eval.task.lcb;

import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.task.humaneval.HumanEvalScorer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last fenced Python block of the answer (LiveCodeBench's extraction: the code between the last pair of
 * ``` fences), graded by {@link LcbGrader}: 1.0 when every public and private test passes, 0.0 otherwise, a sandbox
 * error while the code ran included (see {@link dev.arbiter.sandbox.Outcome#passScore()}). Metadata: outcome, tests passed and total, difficulty and platform for the breakdowns.
 */
public final class LcbScorer implements Scorer {
    private static final Pattern BLOCK = Pattern.compile("```[A-Za-z0-9_+-]*\\n(.*?)```", Pattern.DOTALL);
    private final Map<String, LcbProblem> problems;
    private final LcbGrader grader;

    public LcbScorer(Map<String, LcbProblem> problems, LcbGrader grader) {
        this.problems = Map.copyOf(problems);
        this.grader = grader;
    }

    @Override
    public String name() { return "livecodebench_sandbox"; }

    @Override
    public Score score(TaskState state) {
        LcbProblem p = problems.get(state.sample().id());
        if (p == null) throw new IllegalStateException("no LiveCodeBench problem with id " + state.sample().id());
        String code = extract(state.completion() == null ? "" : state.completion());
        Map<String, Object> meta = new LinkedHashMap<>();
        if (p.difficulty() != null) meta.put("difficulty", p.difficulty());
        if (p.platform() != null) meta.put("platform", p.platform());
        if (code == null) {
            meta.put(HumanEvalScorer.OUTCOME, "failed");
            return new Score(0.0, null, "no fenced code block in the answer", meta);
        }
        LcbGrader.Verdict v = grader.grade(p, code);
        meta.put(HumanEvalScorer.OUTCOME, v.outcome().label());
        meta.put("tests_passed", v.passed());
        meta.put("tests", v.total());
        return new Score(v.outcome().passScore(), code, v.detail(), meta);
    }

    static String extract(String answer) {
        Matcher m = BLOCK.matcher(answer);
        String last = null;
        while (m.find()) last = m.group(1);
        return last == null || last.isBlank() ? null : last;
    }

}
