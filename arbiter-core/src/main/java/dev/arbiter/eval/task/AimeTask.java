package dev.arbiter.eval.task;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Dataset;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.metrics.Accuracy;
import dev.arbiter.eval.solver.GenerateSolver;
import dev.arbiter.eval.task.math.Boxed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AIME 2024 / 2025: 30 problems a year, each answer a whole number 0–999. Asked with the prompt DeepSeek-R1 and Qwen
 * use ("Please reason step by step, and put your final answer within \boxed{}."), graded by MATH's last-box
 * extraction read as an integer ({@code 033} = {@code 33}; a box that holds no single whole number is wrong). Published
 * figures are pass@1 averaged over many samples at temperature 0.6 (R1: 64, top-p 0.95, 32,768 tokens): those are the
 * defaults here, with {@code --epochs N} for the number of samples — accuracy clusters the epochs of a problem, so it
 * is the mean pass@1 with an interval over problems. Data: {@code --data} with a JSONL/JSON/CSV export holding
 * {@code problem} (or {@code Problem}, {@code question}) and {@code answer} (or {@code Answer}), as
 * Maxwell-Jia/AIME_2024 and opencompass/AIME2025 do.
 */
public final class AimeTask {
    public static final String NAME = "aime";
    public static final int VERSION = 1;
    static final String INSTRUCTION = "\nPlease reason step by step, and put your final answer within \\boxed{}.";
    static final GenerationConfig CONFIG = new GenerationConfig(0.6, 0.95, 32768, null, null, null, null);
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private AimeTask() {}

    public static Task create(Path data, GenerationConfig config) {
        if (data == null) throw new InvalidInputException("aime needs --data: a JSONL/JSON/CSV export of AIME problems with problem and answer fields");
        GenerationConfig c = config == null ? CONFIG : config;
        List<Sample> samples = new ArrayList<>();
        for (JsonLines.Row r : BenchmarkRows.read(data)) {
            String problem = first(r, "problem", "Problem", "question");
            String answer = first(r, "answer", "Answer");
            Integer value = integer(answer);
            if (value == null || value < 0 || value > 999) throw r.error("answer must be a whole number 0–999 (AIME), got '" + answer + "'");
            String id = r.optionalText("id") != null ? r.optionalText("id") : r.optionalText("ID") != null ? r.optionalText("ID")
                    : Integer.toString(samples.size());
            samples.add(new Sample(id, List.of(ChatMessage.user(problem + INSTRUCTION)), List.of(Integer.toString(value)), List.of(), Map.of()));
        }
        if (samples.isEmpty()) throw new InvalidInputException(data + ": no AIME problems");
        String sha = Files.isRegularFile(data) ? DatasetCache.sha256(data) : null;
        return new Task(NAME, VERSION, new Dataset(NAME, data.toString(), sha, samples), new GenerateSolver(c), new AimeScorer(),
                List.of(new Accuracy()), c);
    }

    private static String first(JsonLines.Row r, String... fields) {
        for (String f : fields) {
            String v = r.optionalText(f);
            if (v != null) return v;
        }
        throw r.error("missing field '" + fields[0] + "'");
    }

    /** The whole number {@code text} holds once TeX dressing is removed ($, spaces, {}, \text, a degree sign), else null. */
    static Integer integer(String text) {
        if (text == null) return null;
        String t = text.replaceAll("\\\\(text|mathrm|textbf)\\{([^}]*)}", "$2").replaceAll("[${}\\s]", "")
                .replace("^\\circ", "").replace("^{\\circ}", "").replace(",", "");
        Matcher m = INTEGER.matcher(t);
        if (!m.matches()) return null;
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static final class AimeScorer implements Scorer {
        @Override
        public String name() { return "aime_boxed_integer"; }

        @Override
        public Score score(TaskState state) {
            String boxed = Boxed.last(state.completion() == null ? "" : state.completion());
            if (boxed == null) return new Score(0.0, null, "no \\boxed{} answer", Map.of("boxed", false));
            Integer v = integer(boxed);
            String target = state.sample().firstTarget();
            if (v == null) return new Score(0.0, boxed, "the box holds no whole number", Map.of("boxed", true));
            boolean ok = v.toString().equals(target);
            return new Score(ok ? 1.0 : 0.0, v.toString(), (ok ? "equals " : "differs from ") + target, Map.of("boxed", true));
        }
    }
}
