package dev.arbiter.eval.task;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskRegistry;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The benchmarks the ranking weighs beyond the article's four, under their command-line names:
 * {@code mmlu_pro} (--shots 0..5, default 5; --option dev=PATH for the validation split; --subjects for categories),
 * {@code gpqa} (--seed orders the options, as simple-evals' Random(seed)), {@code aime} (--epochs for samples per problem; --option year=Y),
 * {@code mmlu_redux} (--option labels=corrected|ok; --subjects) and {@code ifeval}. Each reads the user's own copy
 * ({@code --data}); none is downloaded or shipped.
 */
public final class MoreBenchmarks {
    private MoreBenchmarks() {}

    public static TaskRegistry registerAll(TaskRegistry r) {
        r.register(MmluProTask.NAME, p -> MmluProTask.create(new MmluProTask.Options(p.data(), dev(p),
                p.shots() == null ? MmluProTask.DEFAULT_SHOTS : p.shots(), p.subjects(), null)));
        r.register(GpqaTask.NAME, p -> GpqaTask.create(p.data(), p.seed() == null ? 0 : p.seed(), null));
        r.register(AimeTask.NAME, p -> AimeTask.create(p.data(), year(p), null));
        r.register(MmluReduxTask.NAME, p -> MmluReduxTask.create(p.data(), labels(p), p.subjects(), null));
        r.register(IfevalTask.NAME, p -> IfevalTask.create(p.data(), null));
        return r;
    }

    /** {@code --option year=2024} for aime: the contest year when the data does not say it. */
    private static Integer year(TaskParams p) {
        String v = p.options().get("year");
        if (v == null) return null;
        if (!v.strip().matches("(19|20)\\d{2}")) throw new InvalidInputException("--option year for aime must be a year such as 2024, got " + v);
        return Integer.valueOf(v.strip());
    }

    private static Path dev(TaskParams p) {
        String d = p.options().get("dev");
        return d == null ? null : Path.of(d);
    }

    private static MmluReduxTask.Labels labels(TaskParams p) {
        String v = p.options().getOrDefault("labels", "corrected").strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "corrected" -> MmluReduxTask.Labels.CORRECTED;
            case "ok" -> MmluReduxTask.Labels.OK;
            default -> throw new InvalidInputException("--option labels for mmlu_redux must be corrected or ok, got " + v);
        };
    }
}
