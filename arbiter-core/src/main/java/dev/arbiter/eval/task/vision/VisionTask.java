package dev.arbiter.eval.task.vision;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ImagePart;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.metrics.Accuracy;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.task.MeanMetric;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A vision question-answering task: each item is one user turn holding the question, the benchmark's answer
 * instruction and the image. The prompts are lmms-eval's (tasks/chartqa/utils.py post_prompt "Answer the question
 * with a single word."; tasks/docvqa/utils.py "Answer the question using a single word or phrase."), so a run here
 * asks what lmms-eval asks. Metrics: the benchmark's own ({@code relaxed_accuracy} or {@code anls}) and the same
 * broken down by the generator's kind and question type.
 */
public final class VisionTask {
    public static final String CHART_PROMPT = "\nAnswer the question with a single word.";
    public static final String DOC_PROMPT = "\nAnswer the question using a single word or phrase.";
    /** Bump when a generator, a prompt or the scoring changes. */
    public static final int VERSION = 2; // 2: ANLS keeps a similarity of exactly 0.5 and divides by raw lengths, as the reference
    /** Short answers: 64 tokens leave room for a sentence around the answer without paying for essays. */
    static final GenerationConfig CONFIG = GenerationConfig.DEFAULT.withMaxTokens(64);

    /** One question about one image, from a generator or a user's copy of a benchmark. */
    public record Item(String id, ImagePart image, String question, List<String> answers, Map<String, Object> params) {
        public Item {
            answers = List.copyOf(answers);
            params = params == null ? Map.of() : Map.copyOf(params);
        }

        static Item of(SynthItem s) {
            return new Item(s.id(), ImagePart.of("image/png", s.png()), s.question(), s.answers(), s.params());
        }
    }

    private VisionTask() {}

    public static Task create(String name, String where, List<Item> items, VisionScorer.Metric metric, String postPrompt) {
        MessageDigest digest = sha256();
        List<Sample> samples = new ArrayList<>();
        Set<String> kinds = new LinkedHashSet<>(), types = new LinkedHashSet<>();
        for (Item item : items) {
            digest.update(item.image().sha256().getBytes(StandardCharsets.US_ASCII));
            digest.update(item.question().getBytes(StandardCharsets.UTF_8));
            digest.update(String.join("\u0000", item.answers()).getBytes(StandardCharsets.UTF_8));
            Map<String, Object> meta = new LinkedHashMap<>(item.params());
            meta.put("image_sha256", item.image().sha256());
            samples.add(new Sample(item.id(), List.of(ChatMessage.user(item.question() + postPrompt, List.of(item.image()))),
                    item.answers(), List.of(), meta));
            if (item.params().get("kind") != null) kinds.add(String.valueOf(item.params().get("kind")));
            if (item.params().get("question_type") != null) types.add(String.valueOf(item.params().get("question_type")));
        }
        String main = metric == VisionScorer.Metric.ANLS ? "anls" : "relaxed_accuracy";
        List<Metric> metrics = new ArrayList<>();
        metrics.add(metric == VisionScorer.Metric.ANLS ? MeanMetric.of(main) : new Accuracy(main));
        for (String k : kinds) metrics.add(MeanMetric.of(main + "/kind/" + k).where("kind", k));
        for (String t : types) metrics.add(MeanMetric.of(main + "/question/" + t).where("question_type", t));
        Dataset dataset = new Dataset(name, where, HexFormat.of().formatHex(digest.digest()), samples);
        return new Task(name, VERSION, dataset, new GenerateSolver(CONFIG), new VisionScorer(metric), metrics, CONFIG);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
