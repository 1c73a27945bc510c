package dev.arbiter.eval.task;

import dev.arbiter.client.ModelClient;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.EvalSetting;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.harness.HarnessProfile;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.task.mmlu.MmluScorer;
import dev.arbiter.eval.task.mmlu.MmluTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Registers the standard benchmarks under their command-line names, translating {@link TaskParams}:
 * {@code mmlu} (--shots 0..5, --subjects, --language, --scorer generate|logprob, --option dev=PATH, top_logprobs=N,
 * source=hendrycks|simple-evals for which English copy to download without --data),
 * {@code mmlu-fr} and each other templated language (= {@code mmlu --language fr}),
 * {@code gsm8k} (--shots 0 or 8, --option shots_from=standard|train), {@code math} / {@code math500}
 * (--option split=full|500), {@code niah} (--option lengths=1k,4k depths=0,50,100 per_cell=N max_context=N), and
 * {@code mt_bench} when a judge client is given.
 */
public final class BenchmarkTasks {
    private BenchmarkTasks() {}

    /** @param judge the judge model for MT-Bench, or null (then mt_bench explains that it needs one) */
    public static TaskRegistry registerAll(TaskRegistry registry, ModelClient judge) {
        return registerAll(registry, judge, null);
    }

    /**
     * @param judge the judge model for MT-Bench, or null (then mt_bench explains that it needs one)
     * @param cache where canonical files are downloaded when a run gives no --data; null → {@link DatasetCache#standard()}
     */
    public static TaskRegistry registerAll(TaskRegistry registry, ModelClient judge, DatasetCache cache) {
        registry.register(MmluTask.NAME, p -> mmlu(p, cache));
        for (String language : MmluTemplate.languages()) {
            if (!language.equals("en")) registry.register(MmluTask.NAME + "-" + language, p -> mmlu(inLanguage(p, language), cache));
        }
        registry.register(Gsm8kTask.NAME, p -> gsm8k(p, cache));
        registry.register(MathTask.NAME, p -> MathTask.create(new MathTask.Options(p.data(), "full".equals(p.options().get("split")), null, cache),
                new java.util.HashSet<>(p.subjects()), levels(p), mathPrompting(p)));
        registry.register("math500", p -> MathTask.create(new MathTask.Options(p.data(), false, null, cache),
                new java.util.HashSet<>(p.subjects()), levels(p), mathPrompting(p)));
        registry.register(NiahTask.NAME, BenchmarkTasks::niah);
        registry.register(MtBenchTask.NAME, p -> {
            if (judge == null) throw new InvalidInputException("mt_bench needs a judge model (--judge-endpoint URL --judge-model NAME)");
            HarnessProfile h = HarnessProfile.of(p.options());
            if (h != HarnessProfile.ARBITER && h != HarnessProfile.FASTCHAT) throw HarnessProfile.unsupported("mt_bench", h, "arbiter, fastchat");
            return MtBenchTask.create(new MtBenchTask.Options(p.data(), judge, null, cache), h == HarnessProfile.FASTCHAT);
        });
        return registry;
    }

    static dev.arbiter.eval.Task mmlu(TaskParams p, DatasetCache cache) {
        MmluScorer.Mode mode = p.scorer() == null || p.scorer().equalsIgnoreCase("generate") ? MmluScorer.Mode.GENERATE
                : p.scorer().equalsIgnoreCase("logprob") ? MmluScorer.Mode.LOGPROB : null;
        if (mode == null) throw new InvalidInputException("--scorer for mmlu must be generate or logprob, got " + p.scorer());
        HarnessProfile h = HarnessProfile.of(p.options());
        if (h == HarnessProfile.SIMPLE_EVALS) {
            if (p.shots() != null && p.shots() != 0) throw new InvalidInputException("--harness simple-evals asks MMLU 0-shot; --shots " + p.shots() + " is another setting");
            if (p.scorer() != null) throw new InvalidInputException("--harness simple-evals brings its own scorer; drop --scorer");
            mode = MmluScorer.Mode.SIMPLE_EVALS;
        } else if (h == HarnessProfile.LM_EVAL) {
            if (p.scorer() != null) throw new InvalidInputException("--harness lm-eval scores MMLU by loglikelihood of \" A\"..\" D\"; drop --scorer");
            mode = MmluScorer.Mode.LOGLIKELIHOOD;
        } else if (h != HarnessProfile.ARBITER) {
            throw HarnessProfile.unsupported("mmlu", h, "arbiter, lm-eval, simple-evals");
        }
        String dev = p.options().get("dev");
        // lm-eval's own default is 0-shot; the published base-model figures it reproduces are 5-shot
        int shots = p.shots() != null ? p.shots() : mode == MmluScorer.Mode.LOGLIKELIHOOD ? 5 : 0;
        return MmluTask.create(new MmluTask.Options(p.data(), dev == null ? null : Path.of(dev), p.language(),
                shots, mode, p.subjects(), intOption(p, "top_logprobs", 0), null, cache,
                englishSource(p))).withSetting(new EvalSetting(h.id(), mode == MmluScorer.Mode.SIMPLE_EVALS ? 0 : shots, null, null));
    }

    /** {@code --option source=hendrycks|simple-evals}: only for English, and only meaningful without --data. */
    private static MmluTask.EnglishSource englishSource(TaskParams p) {
        String v = p.options().get("source");
        if (v == null) return null;
        MmluTask.EnglishSource s = switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "hendrycks" -> MmluTask.EnglishSource.HENDRYCKS;
            case "simple-evals" -> MmluTask.EnglishSource.SIMPLE_EVALS;
            default -> throw new InvalidInputException("--option source for mmlu must be hendrycks or simple-evals, got " + v);
        };
        if (p.language() != null && !p.language().equalsIgnoreCase("en")) {
            throw new InvalidInputException("--option source=" + v.strip() + " chooses the English MMLU download; MMLU in '"
                    + p.language() + "' downloads openai/MMMLU (or pass --data)");
        }
        return s;
    }

    /** {@code mmlu-fr} is {@code mmlu --language fr}; a different --language with it is a contradiction. */
    private static TaskParams inLanguage(TaskParams p, String language) {
        if (p.language() != null && !p.language().equalsIgnoreCase(language)) {
            throw new InvalidInputException("--task " + MmluTask.NAME + "-" + language + " is in '" + language + "', but --language "
                    + p.language() + " was given; use --task mmlu --language " + p.language());
        }
        return new TaskParams(p.data(), p.limit(), p.seed(), p.shots(), p.scorer(), p.subjects(), language, p.options());
    }

    static dev.arbiter.eval.Task gsm8k(TaskParams p, DatasetCache cache) {
        HarnessProfile h = HarnessProfile.of(p.options());
        if (h == HarnessProfile.LM_EVAL) {
            // --shots 5: lm-eval's gsm8k; 8 (or none, as before): gsm8k_cot
            if (p.shots() != null && p.shots() == 5) {
                return Gsm8kTask.create(new Gsm8kTask.Options(p.data(), Gsm8kTask.Shots.LM_EVAL_5, 0, null, cache));
            }
            if (p.shots() != null && p.shots() != 8) {
                throw new InvalidInputException("--harness lm-eval runs gsm8k 5-shot (--shots 5) or gsm8k_cot 8-shot (--shots 8); --shots "
                        + p.shots() + " is another setting");
            }
            return Gsm8kTask.create(new Gsm8kTask.Options(p.data(), Gsm8kTask.Shots.LM_EVAL_COT_8, 0, null, cache));
        }
        if (h != HarnessProfile.ARBITER) throw HarnessProfile.unsupported("gsm8k", h, "arbiter, lm-eval");
        int shots = p.shots() == null ? 0 : p.shots();
        String from = p.options().getOrDefault("shots_from", "standard").toLowerCase(Locale.ROOT);
        Gsm8kTask.Shots style;
        if (shots == 0) style = Gsm8kTask.Shots.ZERO_SHOT_COT;
        else if (shots != 8) throw new InvalidInputException("--shots for gsm8k must be 0 or 8, got " + shots);
        else if (from.equals("standard")) style = Gsm8kTask.Shots.STANDARD_8;
        else if (from.equals("train")) style = Gsm8kTask.Shots.TRAIN_8;
        else throw new InvalidInputException("--option shots_from must be standard or train, got " + from);
        return Gsm8kTask.create(new Gsm8kTask.Options(p.data(), style, p.seed() == null ? 0 : p.seed(), null, cache));
    }

    /**
     * {@code --shots} 0 (default) or 4 (minerva's exemplars), any other count refused; {@code --harness lm-eval}
     * (minerva_math: 4-shot, so --shots may only say 4) or {@code qwen} (0-shot).
     */
    static MathTask.Prompting mathPrompting(TaskParams p) {
        HarnessProfile h = HarnessProfile.of(p.options());
        Integer shots = p.shots();
        return switch (h) {
            case ARBITER -> {
                if (shots == null || shots == 0) yield MathTask.Prompting.ARBITER_ZERO_SHOT;
                if (shots == 4) yield MathTask.Prompting.ARBITER_MINERVA_4;
                throw new InvalidInputException("--shots for math must be 0 or 4 (minerva's four worked examples), got " + shots);
            }
            case LM_EVAL -> {
                if (shots != null && shots != 4) throw new InvalidInputException("--harness lm-eval runs minerva_math 4-shot; --shots " + shots + " is another setting");
                yield MathTask.Prompting.LM_EVAL;
            }
            case QWEN -> {
                if (shots != null && shots != 0) throw new InvalidInputException("--harness qwen runs MATH 0-shot (qwen25-math-cot); --shots " + shots + " is another setting");
                yield MathTask.Prompting.QWEN;
            }
            default -> throw HarnessProfile.unsupported("math", h, "arbiter, lm-eval, qwen");
        };
    }

    static dev.arbiter.eval.Task niah(TaskParams p) {
        String lengths = p.options().get("lengths");
        String depths = p.options().get("depths");
        List<Integer> d = new ArrayList<>();
        if (depths != null) {
            for (String s : depths.split(",")) {
                try {
                    d.add(Integer.parseInt(s.strip()));
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("--option depths: '" + s.strip() + "' is not a percentage");
                }
            }
        }
        String max = p.options().get("max_context");
        return NiahTask.create(new NiahTask.Options(lengths == null ? null : NiahTask.parseLengths(lengths), d,
                intOption(p, "per_cell", 1), p.seed() == null ? 0 : p.seed(), max == null ? null : NiahTask.parseLengths(max).get(0), null));
    }

    private static int intOption(TaskParams p, String key, int fallback) {
        String v = p.options().get(key);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--option " + key + " must be an integer, got " + v);
        }
    }

    /** {@code --option levels=4,5} for MATH. */
    static java.util.Set<Integer> levels(TaskParams p) {
        String v = p.options().get("levels");
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        if (v == null || v.isBlank()) return out;
        for (String part : v.split(",")) {
            try {
                out.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("--option levels: expected numbers 1-5 separated by commas, got '" + v + "'");
            }
        }
        return out;
    }
}
