package dev.arbiter.eval.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.metrics.Accuracy;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.task.ifeval.IfevalScorer;
import dev.arbiter.eval.task.ifeval.InstructionLevelMetric;
import dev.arbiter.eval.task.ifeval.Instructions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IFEval (Zhou et al. 2023): 541 prompts, each with verifiable instructions ("answer in fewer than 200 words",
 * "wrap the response in JSON", …) checked by code, no judge. The prompt is sent as is, as lm-eval's {@code ifeval}
 * task does (zero-shot, temperature 0, up to 1,280 new tokens). Metrics under the names users know from lm-eval:
 * {@code prompt_level_strict_acc} (the run's {@code accuracy}), {@code inst_level_strict_acc},
 * {@code prompt_level_loose_acc} and {@code inst_level_loose_acc}. Data: google-research's input_data.jsonl or
 * the google/IFEval export ({@code --data}); every instruction id and kwarg is checked when loading.
 */
public final class IfevalTask {
    public static final String NAME = "ifeval";
    public static final int VERSION = 1;
    /** lm-eval ifeval.yaml: max_gen_toks 1280, temperature 0. */
    static final GenerationConfig CONFIG = GenerationConfig.DEFAULT.withMaxTokens(1280);
    private static final ObjectMapper JSON = new ObjectMapper();

    private IfevalTask() {}

    public static Task create(Path data, GenerationConfig config) {
        if (data == null) throw new InvalidInputException("ifeval needs --data: input_data.jsonl from google-research/instruction_following_eval (or the google/IFEval export)");
        GenerationConfig c = config == null ? CONFIG : config;
        List<Sample> samples = new ArrayList<>();
        for (JsonLines.Row r : BenchmarkRows.read(data)) {
            String key = r.optionalText("key");
            String prompt = r.text("prompt");
            List<String> ids = r.texts("instruction_id_list");
            JsonNode kwargs = r.node().get("kwargs");
            if (kwargs != null && kwargs.isTextual()) {
                try {
                    kwargs = JSON.readTree(kwargs.asText());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw r.error("field 'kwargs' must be a JSON list of objects");
                }
            }
            if (kwargs == null || !kwargs.isArray() || kwargs.size() != ids.size()) {
                throw r.error("field 'kwargs' must be a list with one object per instruction id (" + ids.size() + ")");
            }
            List<Object> kw = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!Instructions.IDS.contains(ids.get(i))) throw r.error("unknown instruction id '" + ids.get(i) + "'");
                JsonNode k = kwargs.get(i);
                if (ids.get(i).equals("combination:repeat_prompt") && (k.get("prompt_to_repeat") == null || k.get("prompt_to_repeat").isNull())) {
                    k = ((com.fasterxml.jackson.databind.node.ObjectNode) k.deepCopy()).put("prompt_to_repeat", prompt);
                }
                try {
                    Instructions.of(ids.get(i), k);
                } catch (IllegalArgumentException e) { // PatternSyntaxException too: keywords are regular expressions
                    throw r.error(e.getMessage());
                }
                kw.add(JSON.convertValue(k, Map.class));
            }
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put(IfevalScorer.IDS, ids);
            meta.put(IfevalScorer.KWARGS, kw);
            samples.add(new Sample(key == null ? Integer.toString(samples.size()) : key, List.of(ChatMessage.user(prompt)), List.of(), List.of(), meta));
        }
        if (samples.isEmpty()) throw new InvalidInputException(data + ": no IFEval prompts");
        List<Metric> metrics = List.of(new Accuracy("prompt_level_strict_acc"),
                new InstructionLevelMetric("inst_level_strict_acc", "strict_followed"),
                MeanMetric.of("prompt_level_loose_acc").valueFrom("prompt_loose"),
                new InstructionLevelMetric("inst_level_loose_acc", "loose_followed"));
        String sha = Files.isRegularFile(data) ? DatasetCache.sha256(data) : null;
        return new Task(NAME, VERSION, new Dataset(NAME, data.toString(), sha, samples), new GenerateSolver(c), new IfevalScorer(), metrics, c);
    }
}
