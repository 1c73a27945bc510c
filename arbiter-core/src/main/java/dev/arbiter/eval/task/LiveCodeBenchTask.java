package dev.arbiter.eval.task;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.task.humaneval.OutcomeCountMetric;
import dev.arbiter.eval.task.humaneval.PassAtKMetric;
import dev.arbiter.eval.task.lcb.LcbGrader;
import dev.arbiter.eval.task.lcb.LcbLoader;
import dev.arbiter.eval.task.lcb.LcbProblem;
import dev.arbiter.eval.task.lcb.LcbScorer;
import dev.arbiter.sandbox.Outcome;
import dev.arbiter.sandbox.Sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * LiveCodeBench code generation (Jain et al. 2024): contest problems dated by release, so a window after a model's
 * training cut-off ({@code --option since=2024-08}, {@code until=2025-01}) measures it on problems it cannot have
 * seen. Prompted as lcb_runner's generic chat prompt (system instruction; stdin format or the LeetCode starter
 * code), graded in the sandbox on every public and private test (see {@link LcbGrader}); pass@k over epochs, and
 * pass@1 per difficulty.
 */
public final class LiveCodeBenchTask {
    public static final String NAME = "livecodebench";
    public static final int VERSION = 1;
    static final String SYSTEM = "You are an expert Python programmer. You will be given a question (problem specification) and will "
            + "generate a correct Python program that matches the specification and passes all tests.";
    static final GenerationConfig CONFIG = GenerationConfig.DEFAULT.withMaxTokens(4096);

    private LiveCodeBenchTask() {}

    static String prompt(LcbProblem p) {
        StringBuilder sb = new StringBuilder("### Question:\n").append(p.content()).append("\n\n");
        if (!p.starterCode().isBlank()) {
            sb.append("### Format: You will use the following starter code to write the solution to the problem and enclose your code "
                    + "within delimiters.\n```python\n").append(p.starterCode()).append("\n```\n\n");
        } else {
            sb.append("### Format: Read the inputs from stdin solve the problem and write the answer to stdout (do not directly test "
                    + "on the sample inputs). Enclose your code within delimiters as follows. Ensure that when the python program runs, "
                    + "it reads the inputs, runs the algorithm and writes output to STDOUT.\n```python\n# YOUR CODE HERE\n```\n\n");
        }
        return sb.append("### Answer: (use the provided format with backticks)\n\n").toString();
    }

    public static Task create(Path data, String since, String until, List<Integer> ks, Sandbox sandbox) {
        if (data == null) throw new InvalidInputException("livecodebench needs --data: a test*.jsonl of livecodebench/code_generation_lite");
        LocalDate from = since == null ? null : month(since, "since").atDay(1);
        LocalDate to = until == null ? null : month(until, "until").atEndOfMonth();
        Map<String, LcbProblem> byId = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        TreeSet<String> difficulties = new TreeSet<>();
        for (LcbProblem p : LcbLoader.load(data)) {
            if (from != null && (p.contestDate() == null || p.contestDate().isBefore(from))) continue;
            if (to != null && (p.contestDate() == null || p.contestDate().isAfter(to))) continue;
            byId.put(p.id(), p);
            samples.add(new Sample(p.id(), List.of(ChatMessage.system(SYSTEM), ChatMessage.user(prompt(p))), List.of(), List.of(),
                    p.difficulty() == null ? Map.of() : Map.of("difficulty", p.difficulty())));
            if (p.difficulty() != null) difficulties.add(p.difficulty());
        }
        if (samples.isEmpty()) throw new InvalidInputException(data + ": no problems dated in the window " + since + " to " + until);
        List<Metric> metrics = new ArrayList<>();
        for (int k : ks) metrics.add(new PassAtKMetric(k));
        for (String d : difficulties) metrics.add(MeanMetric.of("difficulty/" + d).where("difficulty", d));
        for (Outcome o : List.of(Outcome.PASSED, Outcome.FAILED, Outcome.TIMED_OUT)) metrics.add(new OutcomeCountMetric(o));
        String where = data + (since == null && until == null ? "" : " (contest dates " + (since == null ? "…" : since) + " to " + (until == null ? "…" : until) + ")");
        String sha = Files.isRegularFile(data) ? DatasetCache.sha256(data) : null;
        return new Task(NAME, VERSION, new Dataset(NAME, where, sha, samples), new GenerateSolver(CONFIG),
                new LcbScorer(byId, new LcbGrader(sandbox)), metrics, CONFIG);
    }

    private static YearMonth month(String v, String option) {
        try {
            return YearMonth.parse(v.strip().length() > 7 ? v.strip().substring(0, 7) : v.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("--option " + option + " must be a month like 2024-08, got " + v);
        }
    }
}
