package dev.arbiter.probe;

import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.task.MeanMetric;
import dev.arbiter.util.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Probing as an eval task, so it runs on the same engine (store, resume, retries, response cache, report): the
 * probe packs are the dataset, the attack is a one-turn solver, the detectors are the scorer. Each attempt is an
 * epoch ({@code --attempts N}). Metrics: {@code asr} over all attacks, {@code asr.CATEGORY} per category (over
 * its attacks; over_refusal over its twins) and {@code control_hit_rate} over the no-attack controls.
 */
public final class ProbeTask {
    public static final String NAME = "probe";
    /** Bump when expansion, placement or scoring changes. */
    public static final int VERSION = 2;

    private ProbeTask() {}

    public static Task create(List<ProbePack> packs, ProbeSettings settings, GenerationConfig config) {
        return create(packs, settings, config, new ProbeScorer());
    }

    /** With another scorer, e.g. a {@link dev.arbiter.probe.guard.GuardedScorer} around the probe scorer. */
    public static Task create(List<ProbePack> packs, ProbeSettings settings, GenerationConfig config, Scorer scorer) {
        return create(packs, settings, config, scorer, List.of());
    }

    /** With {@code extra} samples after the probes' (the user's unsafe set, for a content-safety guard). */
    public static Task create(List<ProbePack> packs, ProbeSettings settings, GenerationConfig config, Scorer scorer,
                              List<Sample> extra) {
        if (packs.isEmpty()) throw new InvalidInputException("no probe pack given");
        List<Sample> samples = new ArrayList<>(ProbeExpander.expand(packs, settings));
        samples.addAll(extra);
        if (samples.isEmpty()) {
            throw new InvalidInputException("no probe in " + packs.stream().map(ProbePack::source).toList()
                    + " belongs to --category " + settings.categories());
        }
        String path = packs.stream().map(ProbePack::source).collect(Collectors.joining(","));
        // The samples hold the secrets, the system prompt and documents in use: their hash is the dataset's identity.
        Dataset dataset = new Dataset("probes", path, ProbePackLoader.sha256(Json.write(samples)), samples);
        return new Task(NAME, VERSION, dataset, new GenerateSolver(config), scorer, metrics(), config);
    }

    static List<Metric> metrics() {
        List<Metric> m = new ArrayList<>();
        m.add(MeanMetric.of("asr").where("kind", ProbeExpander.KIND_ATTACK));
        for (ProbeCategory c : ProbeCategory.values()) {
            String kind = c == ProbeCategory.over_refusal ? ProbeExpander.KIND_TWIN : ProbeExpander.KIND_ATTACK;
            m.add(MeanMetric.of("asr." + c.id()).where("category", c.id()).where("kind", kind));
        }
        m.add(MeanMetric.of("control_hit_rate").where("kind", ProbeExpander.KIND_CONTROL));
        return m;
    }
}
