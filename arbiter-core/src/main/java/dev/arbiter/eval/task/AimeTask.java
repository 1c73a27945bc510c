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
 * Maxwell-Jia/AIME_2024 and opencompass/AIME2025 do. The contest year is recorded as the dataset's name
 * ({@code aime_2024}, {@code aime_2025}; {@code aime} when unknown or mixed), so the catalogue's AIME 2024 figures are
 * compared only with a run on the 2024 problems: {@code --option year=Y}, else the year every row's {@code ID}
 * ({@code 2024-I-1}) or {@code year} states, else the one year in the file's name.
 */
public final class AimeTask {
    public static final String NAME = "aime";
    /** 2: a whole number written with a fraction of zeros (33.0) is read as that number. */
    public static final int VERSION = 2;
    static final String INSTRUCTION = "\nPlease reason step by step, and put your final answer within \\boxed{}.";
    static final GenerationConfig CONFIG = new GenerationConfig(0.6, 0.95, 32768, null, null, null, null);
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private AimeTask() {}

    public static Task create(Path data, GenerationConfig config) {
        return create(data, null, config);
    }

    /** @param year the contest year as given ({@code --option year}), or null to read it from the data */
    public static Task create(Path data, Integer year, GenerationConfig config) {
        if (data == null) throw new InvalidInputException("aime needs --data: a JSONL/JSON/CSV export of AIME problems with problem and answer fields");
        GenerationConfig c = config == null ? CONFIG : config;
        List<Sample> samples = new ArrayList<>();
        java.util.Set<Integer> stated = new java.util.TreeSet<>();
        for (JsonLines.Row r : BenchmarkRows.read(data)) {
            Integer y = statedYear(r);
            if (y != null) stated.add(y);
            if (y != null && year != null && !y.equals(year)) {
                throw r.error("the row is from AIME " + y + " but --option year says " + year);
            }
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
        Integer y = year != null ? year : stated.size() == 1 ? stated.iterator().next() : stated.isEmpty() ? yearInName(data) : null;
        return new Task(NAME, VERSION, new Dataset(y == null ? NAME : NAME + "_" + y, data.toString(), sha, samples), new GenerateSolver(c), new AimeScorer(),
                List.of(new Accuracy()), c);
    }

    private static final Pattern ID_YEAR = Pattern.compile("((?:19|20)\\d{2})[-_ ].*");
    private static final Pattern NAME_YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");

    /** The year a row states: a {@code year} field, or an id such as {@code 2024-I-1}; null when it states none. */
    static Integer statedYear(JsonLines.Row r) {
        for (String f : List.of("year", "Year")) {
            String v = r.optionalText(f);
            if (v != null && v.strip().matches("(19|20)\\d{2}")) return Integer.valueOf(v.strip());
        }
        for (String f : List.of("ID", "id")) {
            String v = r.optionalText(f);
            Matcher m = v == null ? null : ID_YEAR.matcher(v.strip());
            if (m != null && m.matches()) return Integer.valueOf(m.group(1));
        }
        return null;
    }

    /** The one year the data's file or folder name holds ({@code aime_2024.jsonl}, {@code AIME2025-I.jsonl}), else null. */
    static Integer yearInName(Path data) {
        String name = data.getFileName() == null ? "" : data.getFileName().toString();
        Matcher m = NAME_YEAR.matcher(name);
        java.util.Set<Integer> found = new java.util.TreeSet<>();
        while (m.find()) found.add(Integer.valueOf(m.group(1)));
        return found.size() == 1 ? found.iterator().next() : null;
    }

    private static String first(JsonLines.Row r, String... fields) {
        for (String f : fields) {
            String v = r.optionalText(f);
            if (v != null) return v;
        }
        throw r.error("missing field '" + fields[0] + "'");
    }

    /**
     * The whole number {@code text} holds once TeX dressing is removed ($, spaces, {}, \text, a degree sign, a
     * fraction of zeros: 33.0 is 33, as every grader that compares numbers reads it), else null.
     */
    static Integer integer(String text) {
        if (text == null) return null;
        String t = text.replaceAll("\\\\(text|mathrm|textbf)\\{([^}]*)}", "$2").replaceAll("[${}\\s]", "")
                .replace("^\\circ", "").replace("^{\\circ}", "").replace(",", "").replaceFirst("(\\d)\\.0+$", "$1");
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
