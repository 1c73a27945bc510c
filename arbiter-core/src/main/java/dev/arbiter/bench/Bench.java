package dev.arbiter.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a {@link BenchPlan}: warm-up (discarded), then each level in order, each summarised as it ends. Stops early
 * when the runner is stopped (Ctrl-C): the level in progress is summarised from what completed and marked
 * interrupted, later levels are not run.
 */
public final class Bench {
    private final BenchRunner runner;
    private final Supplier<MetricsSampler> sampler;

    /** @param sampler a /metrics sampler for each level, or a supplier of null when the server has none */
    public Bench(BenchRunner runner, Supplier<MetricsSampler> sampler) {
        this.runner = runner;
        this.sampler = sampler;
    }

    /** A level's summary and the per-request records it rests on. */
    public record Level(LevelResult result, List<RequestRecord> records) {}

    public List<Level> run(BenchPlan plan, LevelListener listener) {
        LoadLevel first = plan.search() != null ? LoadLevel.open(plan.search().startRate(), plan.search().cap()) : plan.levels().get(0);
        runner.warmup(plan.warmup(), first.concurrency() == null ? plan.warmup() : first.concurrency());
        List<Level> out = new ArrayList<>();
        int total = plan.search() != null ? plan.search().maxLevels() : plan.levels().size();
        for (int i = 0; i < total && !runner.stopped(); i++) {
            LoadLevel level;
            if (plan.search() != null) {
                Double rate = plan.search().next(out.stream().map(Level::result).toList());
                if (rate == null) break;
                level = LoadLevel.open(rate, plan.search().cap());
            } else {
                level = plan.levels().get(i);
            }
            listener.levelStarted(level, i + 1, total);
            MetricsSampler m = sampler.get();
            BenchRunner.LevelRun run;
            try {
                run = runner.run(level, plan.bound(), plan.seed() + i);
            } finally {
                if (m != null) m.stop();
            }
            LevelResult r = LevelStats.summarise(level, run.records(), run.durationNanos(), plan.slo(), run.client(),
                    m == null ? null : m.result(), run.interrupted(), run.notes());
            out.add(new Level(r, run.records()));
            listener.levelEnded(r, run.records());
        }
        return out;
    }
}
