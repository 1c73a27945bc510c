package dev.arbiter.eval.stats;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.SampleScore;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.engine.MetricUnit;
import dev.arbiter.eval.engine.RunManifest;
import dev.arbiter.eval.engine.RunReader;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.RunStatus;
import dev.arbiter.eval.engine.SampleRecord;
import dev.arbiter.eval.store.RunStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * {@code ./arbiter diff RUN_A RUN_B}: reads both runs from the store, averages each sample's scored epochs and
 * compares them pairwise ({@link PairedComparison}). Runs of different tasks are refused (their sample ids do not
 * name the same questions); other differences are allowed and noted.
 */
public final class RunDiffs {
    private RunDiffs() {}

    public static RunDiff compare(RunStore store, String runA, String runB, Random random, int resamples) {
        if (runA.equals(runB)) throw new InvalidInputException("diff needs two different runs, got " + runA + " twice");
        RunReader reader = new RunReader(store);
        RunRecord ra = reader.record(runA);
        RunRecord rb = reader.record(runB);
        RunManifest ma = ra.manifest();
        RunManifest mb = rb.manifest();
        if (!ma.task().equals(mb.task())) {
            throw new InvalidInputException("run " + runA + " is task " + ma.task() + " but run " + runB + " is task "
                    + mb.task() + ": only runs of the same task can be compared sample by sample");
        }
        Map<String, Double> a = PairedComparison.perSample(scores(reader.samples(runA)));
        Map<String, Double> b = PairedComparison.perSample(scores(reader.samples(runB)));
        Comparison c = PairedComparison.compare(a, b, unit(ra, rb), random, resamples);
        return new RunDiff(side(ma, a.size()), side(mb, b.size()), c, notes(ma, mb));
    }

    /**
     * What the per-sample scores are: the unit of the task's headline metric (its first, the mean of those scores),
     * from A's record, else B's; a score on its own scale when neither has one (a killed run whose metrics the
     * reader cannot rebuild).
     */
    static MetricUnit unit(RunRecord a, RunRecord b) {
        for (RunRecord r : List.of(a, b)) {
            if (r.tasks().isEmpty() || r.tasks().get(0).metrics().isEmpty()) continue;
            var first = r.tasks().get(0).metrics().entrySet().iterator().next();
            MetricUnit u = MetricUnit.of(first.getKey(), first.getValue());
            if (u != null) return u == MetricUnit.count ? MetricUnit.score : u;
        }
        return MetricUnit.score;
    }

    private static List<SampleScore> scores(List<SampleRecord> records) {
        List<SampleScore> out = new ArrayList<>();
        for (SampleRecord r : records) {
            if (!SampleRecord.SCORED.equals(r.status())) continue;
            out.add(new SampleScore(r.sampleId(), r.epoch(), new Score(r.score(), r.answer(), r.explanation(), null)));
        }
        return out;
    }

    private static RunSide side(RunManifest m, int scored) {
        return new RunSide(m.runId(), m.task(), m.taskVersion(), m.model(), m.scorer(), m.status().name(), m.datasetSha256(), scored);
    }

    private static List<String> notes(RunManifest a, RunManifest b) {
        List<String> n = new ArrayList<>();
        if (a.taskVersion() != b.taskVersion()) {
            n.add("The runs used different versions of task " + a.task() + " (" + a.taskVersion() + " and " + b.taskVersion()
                    + "): prompts or scoring may differ.");
        }
        if (!Objects.equals(a.datasetSha256(), b.datasetSha256())) {
            n.add("The runs read different dataset files (sha256 differs): samples with the same id may not be the same question.");
        }
        if (!Objects.equals(a.scorer(), b.scorer())) {
            n.add("The runs were scored differently (" + a.scorer() + " and " + b.scorer() + ").");
        }
        for (RunManifest m : List.of(a, b)) {
            if (m.status() != RunStatus.completed) n.add("Run " + m.runId() + " is " + m.status().name() + ", not completed.");
        }
        return n;
    }
}
