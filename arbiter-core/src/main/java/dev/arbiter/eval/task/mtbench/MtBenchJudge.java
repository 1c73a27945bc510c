package dev.arbiter.eval.task.mtbench;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * FastChat's single-answer grading: turn 1 with {@code single-v1}, turn 2 with {@code single-v1-multi-turn} (the whole
 * conversation, focus on the second answer); math, reasoning and coding use the reference-guided
 * {@code single-math-v1}(-multi-turn) prompts with GPT-4's reference answers. The judge is called greedily with 2048
 * tokens, as FastChat. The score value is the mean of the turns that were rated; metadata holds {@code turn_1},
 * {@code turn_2} (absent when that judgment could not be parsed or the judge failed), {@code unscored_turns},
 * {@code category} and the judgments. A sample with no rated turn is unscored.
 *
 * <p>Answers are untrusted: before they are put into a judge prompt, {@code [[}/{@code ]]} and the prompt's own
 * section markers are defused, so an answer cannot close its section or plant a rating.
 */
public final class MtBenchJudge implements Scorer {
    public static final String SINGLE = "single-v1";
    public static final String SINGLE_MULTI = "single-v1-multi-turn";
    public static final String MATH = "single-math-v1";
    public static final String MATH_MULTI = "single-math-v1-multi-turn";
    /** FastChat's NEED_REF_CATS. */
    public static final Set<String> REFERENCE_CATEGORIES = Set.of("math", "reasoning", "coding");
    private static final Pattern SECTION_MARKER = Pattern.compile("(?i)(?:\\[|<\\|)\\s*(the\\s+(?:start|end)\\s+of)");
    /** What {@link RatingParser}'s single-bracket fallback reads. */
    private static final Pattern BRACKETED_NUMBER = Pattern.compile("\\[(\\d+\\.?\\d*)]");
    /** How FastChat calls its judges (greedy, 2048 tokens); the pairwise judge uses the same. */
    public static final GenerationConfig JUDGE_CONFIG = new GenerationConfig(0.0, null, 2048, null, null, null, null);

    private final ModelClient judge;
    private final MtBenchData data;
    private final boolean fastChat;

    public MtBenchJudge(ModelClient judge, MtBenchData data) {
        this(judge, data, false);
    }

    /**
     * @param fastChat FastChat's own grading ({@code --harness fastchat}): answers reach the judge verbatim (no
     *                 defusing, so FastChat's 160 judge prompts are reproduced byte for byte) and the rating is the
     *                 first {@code [[N]]} ({@link RatingParser#parseFirst}), any value kept
     */
    public MtBenchJudge(ModelClient judge, MtBenchData data, boolean fastChat) {
        if (judge == null) throw new IllegalArgumentException("MT-Bench needs a judge model");
        this.judge = judge;
        this.data = data;
        this.fastChat = fastChat;
    }

    public static boolean needsReference(String category) { return REFERENCE_CATEGORIES.contains(category); }

    @Override
    public String name() { return fastChat ? "mt_bench_single_fastchat" : "mt_bench_single"; }

    @Override
    public String judge() { return judge.describe(); }

    @Override
    public Score score(TaskState state) {
        String category = (String) state.sample().metadata().get("category");
        int id = Integer.parseInt(state.sample().id());
        List<String> questions = List.of(state.sample().input().stream().filter(m -> m.role().equals("user")).findFirst()
                .orElseThrow(() -> new IllegalStateException("MT-Bench sample without a user turn")).content(), (String) state.sample().metadata().get("turn_2"));
        List<String> answers = new ArrayList<>();
        for (GenerateResponse r : state.outputs()) answers.add(r.text());
        Map<String, Object> meta = new HashMap<>();
        meta.put("category", category);
        List<Double> rated = new ArrayList<>();
        int failures = 0;
        for (int turn = 1; turn <= 2; turn++) {
            if (answers.size() < turn) {
                failures++;
                continue;
            }
            List<ChatMessage> prompt = prompt(turn, category, questions, answers, data.references().get(id));
            // A judge call that fails (after the judge client's retries) is thrown: the engine records the sample as an
            // error (exit 4, asked again on --resume), not as an answer the judge could not read, which would pass a
            // run with a dead judge as completed with nothing scored.
            String judgment = judge.generate(GenerateRequest.chat(prompt, JUDGE_CONFIG)).text();
            meta.put("judgment_" + turn, judgment);
            OptionalDouble r = fastChat ? RatingParser.parseFirst(judgment) : RatingParser.parse(judgment);
            if (r.isPresent()) {
                meta.put("turn_" + turn, r.getAsDouble());
                rated.add(r.getAsDouble());
            } else {
                failures++;
            }
        }
        meta.put("unscored_turns", failures);
        if (rated.isEmpty()) return new Score(null, null, "no judge rating could be read for either turn", meta);
        double mean = rated.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Score(mean, null, "rated " + rated + (failures > 0 ? ", " + failures + " turn(s) unrated" : ""), meta);
    }

    /** The judge conversation (system, user) for {@code turn} 1 or 2, per FastChat's {@code run_judge_single}. */
    public List<ChatMessage> prompt(int turn, String category, List<String> questions, List<String> answers, List<String> reference) {
        boolean ref = needsReference(category);
        JudgeTemplate t = data.judges().get(turn == 1 ? (ref ? MATH : SINGLE) : (ref ? MATH_MULTI : SINGLE_MULTI));
        Map<String, String> v = new HashMap<>();
        if (ref) {
            if (reference == null || reference.size() < 2) throw new IllegalStateException("no reference answer for a " + category + " question");
            v.put("ref_answer_1", reference.get(0));
            v.put("ref_answer_2", reference.get(1));
        }
        if (turn == 1) {
            v.put("question", questions.get(0));
            v.put("answer", shown(answers.get(0)));
        } else {
            v.put("question_1", questions.get(0));
            v.put("question_2", questions.get(1));
            v.put("answer_1", shown(answers.get(0)));
            v.put("answer_2", shown(answers.get(1)));
        }
        return List.of(ChatMessage.system(t.systemPrompt()), ChatMessage.user(t.fill(v)));
    }

    private String shown(String answer) {
        return fastChat ? answer : defuse(answer);
    }

    /**
     * Breaks rating brackets and section markers in model text so they read as text, not structure: {@code [[10]]}
     * becomes {@code [ [10 ] ]} and {@code [10]} becomes {@code [10 ]} (neither is read by {@link RatingParser}, even
     * when a judge that gives no rating of its own quotes them), and {@code [The End of} / {@code <|The End of} in
     * any case or spacing become {@code (The End of}. The pairwise judge's verdicts {@code [[A]]}/{@code [[B]]}/
     * {@code [[C]]} are broken the same way ({@code [ [A] ]}).
     */
    public static String defuse(String answer) {
        String t = SECTION_MARKER.matcher(answer).replaceAll("($1");
        t = t.replace("[[", "[ [").replace("]]", "] ]");
        return BRACKETED_NUMBER.matcher(t).replaceAll("[$1 ]");
    }
}
