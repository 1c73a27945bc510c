package dev.arbiter.eval.task;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.EvalSetting;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.task.mtbench.MtBenchData;
import dev.arbiter.eval.task.mtbench.MtBenchJudge;
import dev.arbiter.eval.task.mtbench.MtBenchQuestion;
import dev.arbiter.eval.task.mtbench.MtBenchSolver;
import dev.arbiter.eval.task.mtbench.TurnMeanMetric;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * MT-Bench (Zheng et al. 2023): 80 two-turn questions in 8 categories, each answer rated 1–10 by a judge model with
 * FastChat's single-answer prompts (reference-guided for math, reasoning and coding). Metrics: {@code score} (mean over
 * all rated turns), {@code turn_1}, {@code turn_2}, {@code category/<name>}. The judge is a separate client: a
 * model graded by itself is not an evaluation.
 */
public final class MtBenchTask {
    public static final String NAME = "mt_bench";
    /** Bump when prompts, parsing or scoring change. */
    public static final int VERSION = 1;

    private static final String BASE = "https://raw.githubusercontent.com/lm-sys/FastChat/0e6d3e4beaab66f4d3f93db72541a4abab8af28d/fastchat/llm_judge/data/";
    public static final DatasetCache.Source QUESTIONS = new DatasetCache.Source("mt_bench", "question.jsonl",
            URI.create(BASE + "mt_bench/question.jsonl"), "119565adbab82227089cefdb44c8d7e2cf04dc0a0ec233634c82e7d4e2a944f7");
    public static final DatasetCache.Source REFERENCES = new DatasetCache.Source("mt_bench", "gpt-4.jsonl",
            URI.create(BASE + "mt_bench/reference_answer/gpt-4.jsonl"), "f957a5bc977badb66885ec970e6cd08527845780313f0995764260e5777b9b3f");
    public static final DatasetCache.Source JUDGE_PROMPTS = new DatasetCache.Source("mt_bench", "judge_prompts.jsonl",
            URI.create(BASE + "judge_prompts.jsonl"), "fd283293406d024f44c174b094ef48031d0687a4682fd3a56b29b138f80281b6");

    /**
     * @param data   FastChat layout directory (question.jsonl, judge_prompts.jsonl, reference_answer/gpt-4.jsonl); null → download
     * @param judge  the judging model's client (required)
     * @param config the answering model's settings; the temperature is replaced per category; null → 1024 tokens
     */
    public record Options(Path data, ModelClient judge, GenerationConfig config, DatasetCache cache) {
        public Options {
            if (config == null) config = GenerationConfig.DEFAULT;
        }
    }

    /** Setting option {@code temperature/<category>}: the temperature the answers of that category were asked at. */
    public static final String TEMPERATURE_OPTION = EvalSetting.TASK_TEMPERATURE_PREFIX;

    private MtBenchTask() {}

    /**
     * The system message FastChat's {@code gen_api_answer.py} sends with every answer of a model it has no adapter
     * for: {@code get_conversation_template} falls back to the {@code one_shot} template, whose
     * {@code to_openai_api_messages} starts with this system turn (lm-sys/FastChat 0e6d3e4b, fastchat/conversation.py).
     */
    public static final String FASTCHAT_SYSTEM = "A chat between a curious human and an artificial intelligence assistant. "
            + "The assistant gives helpful, detailed, and polite answers to the human's questions.";

    public static Task create(Options o) {
        return create(o, false);
    }

    /**
     * @param fastChat {@code --harness fastchat}: answers asked with FastChat's system message, judged with FastChat's
     *                 verbatim prompts and first-match rating ({@link MtBenchJudge})
     */
    public static Task create(Options o, boolean fastChat) {
        MtBenchData data;
        String where;
        if (o.data() != null) {
            data = MtBenchData.loadDir(o.data());
            where = o.data().toString();
        } else {
            DatasetCache cache = o.cache() == null ? DatasetCache.standard() : o.cache();
            Path q = cache.fetch(QUESTIONS);
            data = MtBenchData.load(q, cache.fetch(JUDGE_PROMPTS), cache.fetch(REFERENCES));
            where = q.getParent().toString();
        }
        List<Sample> samples = new ArrayList<>();
        TreeSet<String> categories = new TreeSet<>();
        for (MtBenchQuestion q : data.questions()) {
            categories.add(q.category());
            List<ChatMessage> input = fastChat ? List.of(ChatMessage.system(FASTCHAT_SYSTEM), ChatMessage.user(q.turns().get(0)))
                    : List.of(ChatMessage.user(q.turns().get(0)));
            samples.add(new Sample(String.valueOf(q.id()), input, List.of(), List.of(),
                    Map.of("question_id", q.id(), "category", q.category(), "turn_2", q.turns().get(1))));
        }
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new TurnMeanMetric("score", List.of("turn_1", "turn_2"), null));
        metrics.add(new TurnMeanMetric("turn_1", List.of("turn_1"), null));
        metrics.add(new TurnMeanMetric("turn_2", List.of("turn_2"), null));
        for (String c : categories) metrics.add(new TurnMeanMetric("category/" + c, List.of("turn_1", "turn_2"), c));
        // The solver sends each category's temperature, never o.config()'s: the record says so (generation.temperature
        // null, the table in the setting's options) so that it reproduces the run. --temperature replaces both.
        Map<String, String> temperatures = new TreeMap<>();
        for (String c : categories) temperatures.put(TEMPERATURE_OPTION + c, String.valueOf(MtBenchSolver.temperature(c)));
        return new Task(NAME, VERSION, new Dataset(NAME, where, null, samples), new MtBenchSolver(o.config()),
                new MtBenchJudge(o.judge(), data, fastChat), metrics, o.config().withTemperature(null),
                new EvalSetting(fastChat ? "fastchat" : "arbiter", 0, null, null, temperatures, null, null));
    }
}
