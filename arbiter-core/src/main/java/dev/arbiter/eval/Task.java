package dev.arbiter.eval;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.solver.CompletionSolver;

import java.util.ArrayList;
import java.util.List;

/**
 * An evaluation as a value (Inspect's Task): dataset + solver + scorer + metrics, named and versioned so a stored
 * result says exactly what produced it. Bump {@code version} whenever prompts, extraction or scoring change.
 * {@code setting} (harness profile, shots, system message, overridden flags) is recorded in the manifest; null for
 * tasks that say nothing about it.
 */
public record Task(String name, int version, Dataset dataset, Solver solver, Scorer scorer, List<Metric> metrics,
                   GenerationConfig config, EvalSetting setting) {
    public Task {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("task name is required");
        if (version <= 0) throw new IllegalArgumentException("task version must be > 0");
        metrics = List.copyOf(metrics);
        config = config == null ? GenerationConfig.DEFAULT : config;
    }

    public Task(String name, int version, Dataset dataset, Solver solver, Scorer scorer, List<Metric> metrics,
                GenerationConfig config) {
        this(name, version, dataset, solver, scorer, metrics, config, null);
    }

    public Task withSetting(EvalSetting s) {
        return new Task(name, version, dataset, solver, scorer, metrics, config, s);
    }

    private EvalSetting settingOrDefault() {
        return setting == null ? new EvalSetting(null, null, null, null) : setting;
    }

    /**
     * This task with every request's generation settings overridden by {@code o} (also the judge-free requests of
     * multi-turn solvers, which set their own temperature): the overrides are applied where the request leaves the
     * solver, so they win over any value a solver picks. The recorded {@link #config} is the overridden one.
     */
    public Task withGeneration(GenerationOverrides o) {
        if (o == null || o.isEmpty()) return this;
        Solver inner = solver;
        Solver wrapped = (state, generate) -> inner.solve(state, Generate.mapping(generate, request ->
                new GenerateRequest(request.messages(), request.prompt(), o.apply(request.config()), request.stream())));
        EvalSetting s = settingOrDefault().withOverridden(o.names());
        return new Task(name, version, dataset, wrapped, scorer, metrics, o.apply(config),
                o.temperature() == null ? s : s.withoutTaskTemperatures());
    }

    /**
     * This task with {@code system} as the first message of every sample (a sample that already opens with a system
     * message keeps its own: the custom task puts {@code --system} there itself). A task that sends raw completions
     * has no place for a system message and is refused when it tries.
     */
    public Task withSystem(String system) {
        if (system == null) return this;
        if (system.isBlank()) throw new InvalidInputException("--system must not be blank");
        if (solver instanceof CompletionSolver || solver instanceof dev.arbiter.eval.solver.LoglikelihoodSolver) {
            throw new InvalidInputException("--system: task " + name + " sends raw completion prompts (as its harness "
                    + "profile does), which have no system message; leave --system out");
        }
        List<Sample> samples = new ArrayList<>(dataset.samples().size());
        for (Sample s : dataset.samples()) {
            if (!s.input().isEmpty() && "system".equals(s.input().get(0).role())) {
                samples.add(s);
                continue;
            }
            List<ChatMessage> input = new ArrayList<>();
            input.add(ChatMessage.system(system));
            input.addAll(s.input());
            samples.add(new Sample(s.id(), input, s.target(), s.choices(), s.metadata()));
        }
        Solver inner = solver;
        Solver guarded = (state, generate) -> inner.solve(state, Generate.mapping(generate, request -> {
            if (!request.isChat()) {
                throw new InvalidInputException("--system: task " + name + " sends a raw completion prompt, which has no "
                        + "system message; use its chat mode or leave --system out");
            }
            return request;
        }));
        return new Task(name, version, new Dataset(dataset.name(), dataset.path(), dataset.sha256(), samples), guarded,
                scorer, metrics, config, settingOrDefault().withSystem(system));
    }
}
