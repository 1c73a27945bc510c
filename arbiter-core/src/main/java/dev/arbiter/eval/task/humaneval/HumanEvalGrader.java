package dev.arbiter.eval.task.humaneval;

import dev.arbiter.sandbox.ExecutionResult;
import dev.arbiter.sandbox.Outcome;
import dev.arbiter.sandbox.Sandbox;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Runs solutions against their problem's tests in the sandbox. A run passes only if it exits 0 AND prints the
 * line appended after {@code check(...)}: an answer that calls {@code exit(0)} (or {@code os._exit(0)}) before the
 * check would otherwise pass. The line holds a random nonce so an answer cannot simply print it.
 */
public final class HumanEvalGrader {
    private final Sandbox sandbox;
    private final RandomGenerator random;

    /** @param random source of the completion nonces; pass a seeded one for reproducible programs */
    public HumanEvalGrader(Sandbox sandbox, RandomGenerator random) {
        this.sandbox = sandbox;
        this.random = random;
    }

    /** Grades one attempt on the calling thread (the sandbox bounds how many run at once). */
    public ExecutionResult grade(Attempt attempt) {
        if (!attempt.solution().runnable()) return noCode();
        String marker = nextMarker();
        return judge(sandbox.run(program(attempt, marker)), marker);
    }

    /** Grades in parallel (the sandbox's parallelism); results in the attempts' order. */
    public List<ExecutionResult> gradeAll(List<Attempt> attempts) {
        List<String> programs = new ArrayList<>();
        List<String> markers = new ArrayList<>();
        for (Attempt a : attempts) {
            String marker = nextMarker();
            markers.add(marker);
            if (a.solution().runnable()) programs.add(program(a, marker));
        }
        List<ExecutionResult> ran = sandbox.runAll(programs);
        List<ExecutionResult> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < attempts.size(); i++) {
            if (!attempts.get(i).solution().runnable()) {
                out.add(noCode());
            } else {
                out.add(judge(ran.get(next++), markers.get(i)));
            }
        }
        return out;
    }

    private String nextMarker() {
        synchronized (random) {
            return "arbiter-check-completed-" + HexFormat.of().toHexDigits(random.nextLong());
        }
    }

    private static String program(Attempt a, String marker) {
        return a.problem().program(a.solution().code()) + "print('" + marker + "')\n";
    }

    private static ExecutionResult noCode() {
        return new ExecutionResult(Outcome.FAILED, null, null, "", "", false, "no code found in the answer", 0, 0);
    }

    static ExecutionResult judge(ExecutionResult r, String marker) {
        if (r.outcome() != Outcome.PASSED) return r;
        if (r.stdout().lines().anyMatch(marker::equals)) return r;
        return r.withOutcome(Outcome.FAILED, "exited with status 0 before check() completed");
    }
}
