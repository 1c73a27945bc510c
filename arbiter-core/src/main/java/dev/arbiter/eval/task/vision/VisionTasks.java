package dev.arbiter.eval.task.vision;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The vision tasks under their command-line names: the synthetic {@code chart_qa_synth}, {@code doc_qa_synth} and
 * {@code ocr_synth} (generated from {@code --seed}, default 0, with {@code --option count=N} items, default 100; no
 * download, no {@code --data}), and {@code chartqa} / {@code docvqa} / {@code mmmu} from the user's own copy
 * ({@code --data}).
 */
public final class VisionTasks {
    public static final int DEFAULT_COUNT = 100;

    private VisionTasks() {}

    public static TaskRegistry registerAll(TaskRegistry registry) {
        registry.register("chart_qa_synth", p -> synth("chart_qa_synth", p, ChartSynth::item, VisionScorer.Metric.RELAXED_ACCURACY, VisionTask.CHART_PROMPT));
        registry.register("doc_qa_synth", p -> synth("doc_qa_synth", p, DocSynth::item, VisionScorer.Metric.ANLS, VisionTask.DOC_PROMPT));
        registry.register("ocr_synth", p -> synth("ocr_synth", p, OcrSynth::item, VisionScorer.Metric.ANLS, VisionTask.DOC_PROMPT));
        registry.register("chartqa", p -> VisionTask.create("chartqa", String.valueOf(required(p, "chartqa")),
                ChartQaLoader.load(required(p, "chartqa")), VisionScorer.Metric.RELAXED_ACCURACY, VisionTask.CHART_PROMPT));
        registry.register("docvqa", p -> VisionTask.create("docvqa", String.valueOf(required(p, "docvqa")),
                DocVqaLoader.load(required(p, "docvqa")), VisionScorer.Metric.ANLS, VisionTask.DOC_PROMPT));
        registry.register(MmmuTask.NAME, p -> MmmuTask.create(p.data()));
        registry.register(ImageGuardTask.NAME, p -> ImageGuardTask.create(p.data(), p.options().get("policy"),
                intOption(p, "benign", 50), p.seed() == null ? 0 : p.seed()));
        return registry;
    }

    private static int intOption(TaskParams p, String key, int fallback) {
        String v = p.options().get(key);
        if (v == null) return fallback;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0 || n > 100_000) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--option " + key + " must be a whole number from 0 to 100000, got " + v);
        }
    }

    static dev.arbiter.eval.Task synth(String name, TaskParams p, BiFunction<Long, Integer, SynthItem> generator,
                                       VisionScorer.Metric metric, String prompt) {
        if (p.data() != null) throw new InvalidInputException(name + " is generated and takes no --data (for your own copy use chartqa or docvqa)");
        int count = count(p);
        long seed = p.seed() == null ? 0 : p.seed();
        List<VisionTask.Item> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) items.add(VisionTask.Item.of(generator.apply(seed, i)));
        return VisionTask.create(name, "generated:seed=" + seed + ",count=" + count, items, metric, prompt);
    }

    private static int count(TaskParams p) {
        String v = p.options().get("count");
        if (v == null) return p.limit() != null ? Math.max(p.limit(), 1) : DEFAULT_COUNT;
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 1 || n > 100_000) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--option count must be a whole number from 1 to 100000, got " + v);
        }
    }

    private static java.nio.file.Path required(TaskParams p, String name) {
        if (p.data() == null) {
            throw new InvalidInputException(name + " needs --data with your local copy (" + (name.equals("chartqa")
                    ? "ChartQA's test folder with test_human.json, test_augmented.json and png/" : "DocVQA's val_v1.0.json beside its documents/ folder")
                    + "); for a check that needs no download use " + (name.equals("chartqa") ? "chart_qa_synth" : "doc_qa_synth"));
        }
        return p.data();
    }
}
