package dev.arbiter.eval.task.mtbench.pairwise;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelException;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.engine.RunManifest;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.RunStatus;
import dev.arbiter.eval.task.mtbench.MtBenchData;
import dev.arbiter.eval.task.mtbench.MtBenchJudge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * FastChat's pairwise MT-Bench ({@code --mode pairwise-baseline} for one pair) over two stored {@code mt_bench} runs:
 * only the judge is called. Every turn both runs answered is judged twice, run A shown first and then run B shown
 * first ({@code g1}/{@code g2} in FastChat), and decided by {@link PairOutcome#decide}.
 */
public final class MtBenchPairwise {
    private final PairPrompt prompts;
    private final ModelClient judge;
    private final int concurrency;

    /**
     * @param concurrency judge requests in flight at once, at least 1
     * @throws InvalidInputException when {@code data} lacks the pairwise judge prompts
     */
    public MtBenchPairwise(MtBenchData data, ModelClient judge, int concurrency) {
        if (judge == null) throw new IllegalArgumentException("pairwise MT-Bench needs a judge model");
        if (concurrency < 1) throw new InvalidInputException("concurrency must be >= 1, got " + concurrency);
        this.prompts = new PairPrompt(data);
        this.judge = judge;
        this.concurrency = concurrency;
    }

    /**
     * @throws InvalidInputException when a run is missing or not mt_bench, the runs are the same, or they share no
     *                               answered question
     * @throws UnavailableException  when the judge failed every call
     */
    public PairwiseReport compare(RunReader reader, String runA, String runB) {
        if (runA.equals(runB)) throw new InvalidInputException("mt-bench-pair needs two different runs, got " + runA + " twice");
        RunAnswers a = RunAnswers.read(reader, runA);
        RunAnswers b = RunAnswers.read(reader, runB);
        List<Integer> shared = new ArrayList<>();
        for (Integer id : a.questions().keySet()) if (b.questions().containsKey(id)) shared.add(id);
        shared.sort(null);
        if (shared.isEmpty()) {
            throw new InvalidInputException("runs " + runA + " and " + runB + " have no answered question in common");
        }

        List<Callable<PairOutcome>> work = new ArrayList<>();
        for (int id : shared) {
            AnsweredQuestion qa = a.questions().get(id);
            AnsweredQuestion qb = b.questions().get(id);
            if (!qa.questions().equals(qb.questions()) || !qa.category().equals(qb.category())) {
                throw new InvalidInputException("question " + id + " differs between runs " + runA + " and " + runB
                        + ": they were answered from different datasets");
            }
            for (int turn = 1; turn <= 2; turn++) {
                if (!qa.answered(turn) || !qb.answered(turn)) continue;
                // built here so a missing reference fails before any judge call
                List<ChatMessage> aFirst = prompts.build(turn, qa, qb);
                List<ChatMessage> bFirst = prompts.build(turn, qb, qa);
                int t = turn;
                work.add(() -> PairOutcome.decide(id, qa.category(), t, judge(aFirst, false), judge(bFirst, true)));
            }
        }
        List<PairOutcome> outcomes = run(work);
        return report(a, b, shared.size(), outcomes);
    }

    /** One judge call; {@code swapped} when run B was shown as assistant A, so the verdict maps back. */
    private Judgment judge(List<ChatMessage> prompt, boolean swapped) {
        String text;
        try {
            text = judge.generate(GenerateRequest.chat(prompt, MtBenchJudge.JUDGE_CONFIG)).text();
        } catch (ModelException e) {
            return Judgment.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return new Judgment(VerdictParser.parse(text).map(v -> swapped ? v.swapped() : v).orElse(null), null);
    }

    private List<PairOutcome> run(List<Callable<PairOutcome>> work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, work.size())), r -> {
            Thread t = new Thread(r, "mt-bench-pair-judge");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<PairOutcome>> futures = new ArrayList<>();
            for (Callable<PairOutcome> c : work) futures.add(pool.submit(c));
            List<PairOutcome> out = new ArrayList<>();
            for (Future<PairOutcome> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for the judge", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException("judge call failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private PairwiseReport report(RunAnswers a, RunAnswers b, int shared, List<PairOutcome> outcomes) {
        int parseFailures = 0;
        int errors = 0;
        String firstError = null;
        for (PairOutcome o : outcomes) {
            for (Judgment j : List.of(o.aFirst(), o.bFirst())) {
                if (j.unparsed()) parseFailures++;
                if (j.error() != null) {
                    errors++;
                    if (firstError == null) firstError = j.error();
                }
            }
        }
        int calls = 2 * outcomes.size();
        if (calls > 0 && errors == calls) {
            throw new UnavailableException("the judge failed all " + calls + " calls; first error: " + firstError);
        }
        Map<String, List<PairOutcome>> byTurn = new LinkedHashMap<>();
        Map<String, List<PairOutcome>> byCategory = new TreeMap<>();
        for (PairOutcome o : outcomes) {
            byTurn.computeIfAbsent("turn_" + o.turn(), k -> new ArrayList<>()).add(o);
            byCategory.computeIfAbsent(o.category(), k -> new ArrayList<>()).add(o);
        }
        Map<String, WinTally> turnTallies = new LinkedHashMap<>();
        new TreeMap<>(byTurn).forEach((k, v) -> turnTallies.put(k, WinTally.of(v)));
        Map<String, WinTally> categoryTallies = new TreeMap<>();
        byCategory.forEach((k, v) -> categoryTallies.put(k, WinTally.of(v)));
        return new PairwiseReport(side(a), side(b), judge.describe(), shared, a.questions().size() - shared,
                b.questions().size() - shared, calls, parseFailures, errors, WinTally.of(outcomes), turnTallies,
                categoryTallies, outcomes, notes(a, b));
    }

    private static PairSide side(RunAnswers r) {
        RunManifest m = r.manifest();
        return new PairSide(m.runId(), m.model(), m.status().name(), r.questions().size());
    }

    private static List<String> notes(RunAnswers a, RunAnswers b) {
        RunManifest ma = a.manifest();
        RunManifest mb = b.manifest();
        List<String> n = new ArrayList<>();
        if (Objects.equals(ma.model(), mb.model()) && Objects.equals(ma.endpoint(), mb.endpoint())) {
            n.add("Both runs are of model " + ma.model() + " at the same endpoint.");
        }
        if (ma.taskVersion() != mb.taskVersion()) {
            n.add("The runs used different versions of mt_bench (" + ma.taskVersion() + " and " + mb.taskVersion() + ").");
        }
        if (!Objects.equals(ma.datasetSha256(), mb.datasetSha256())) {
            n.add("The runs read different question files (sha256 differs); the questions compared have identical text in both.");
        }
        for (RunAnswers r : List.of(a, b)) {
            if (r.epochs() > 1) n.add("Run " + r.manifest().runId() + " has " + r.epochs() + " epochs; only epoch 0 was compared.");
            if (r.manifest().status() != RunStatus.completed) {
                n.add("Run " + r.manifest().runId() + " is " + r.manifest().status().name() + ", not completed.");
            }
        }
        return n;
    }
}
