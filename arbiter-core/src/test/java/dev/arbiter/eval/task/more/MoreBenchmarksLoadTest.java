package dev.arbiter.eval.task.more;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.engine.TaskParams;
import dev.arbiter.eval.engine.TaskRegistry;
import dev.arbiter.eval.task.MoreBenchmarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each task reads a small file written here in its benchmark's real layout (invented questions). */
public class MoreBenchmarksLoadTest {
    @TempDir Path dir;
    final TaskRegistry registry = MoreBenchmarks.registerAll(new TaskRegistry());

    static TaskParams params(Path data, Integer shots, Long seed, Map<String, String> options) {
        return new TaskParams(data, null, seed, shots, null, List.of(), null, options);
    }

    public static String mmluProRow(int id, String category, String answer, String cot) {
        return "{\"question_id\": " + id + ", \"question\": \"Question " + id + "?\", \"options\": [\"o0\", \"o1\", \"o2\", \"o3\", \"o4\", \"o5\", \"o6\", \"o7\", \"o8\", \"o9\"], "
                + "\"answer\": \"" + answer + "\", \"answer_index\": " + (answer.charAt(0) - 'A') + ", \"cot_content\": \"" + cot + "\", \"category\": \"" + category + "\", \"src\": \"ori_mmlu\"}";
    }

    @Test
    void mmluProBuildsTheAuthorsFiveShotPromptFromTheValidationSplit() throws IOException {
        StringBuilder val = new StringBuilder();
        for (int i = 0; i < 5; i++) val.append(mmluProRow(100 + i, "law", "B", "A: Let's think step by step. Shot " + i + ". The answer is (B).")).append('\n');
        Path dev = Files.writeString(dir.resolve("validation.jsonl"), val);
        Path test = Files.writeString(dir.resolve("test.jsonl"), mmluProRow(7, "law", "D", "") + "\n");
        Task t = registry.create("mmlu_pro", params(test, null, null, Map.of("dev", dev.toString())));
        Sample s = t.dataset().samples().get(0);
        assertThat(s.input().get(0)).isEqualTo(ChatMessage.system("You are a knowledge expert, you are supposed to answer the "
                + "multi-choice question to derive your final answer as `The answer is ...`."));
        String prompt = s.input().get(1).content();
        assertThat(prompt).startsWith("The following are multiple choice questions (with answers) about law. Think step by step and then "
                + "output the answer in the format of \"The answer is (X)\" at the end.\n\nQuestion: Question 100?\nOptions: A. o0\nB. o1\n");
        assertThat(prompt).contains("J. o9\nAnswer: Let's think step by step. Shot 0. The answer is (B).\n\nQuestion: Question 101?");
        assertThat(prompt).endsWith("Question: Question 7?\nOptions: A. o0\nB. o1\nC. o2\nD. o3\nE. o4\nF. o5\nG. o6\nH. o7\nI. o8\nJ. o9\nAnswer: Let's think step by step.\n\n");
        assertThat(s.target()).containsExactly("D");
        assertThat(t.config().maxTokens()).isEqualTo(4000);
    }

    @Test
    void mmluProWithShotsButNoValidationSplitSaysWhatToGive() throws IOException {
        Path test = Files.writeString(dir.resolve("test.jsonl"), mmluProRow(7, "law", "D", "") + "\n");
        assertThatThrownBy(() -> registry.create("mmlu_pro", params(test, null, null, Map.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--option dev=PATH");
        assertThat(registry.create("mmlu_pro", params(test, 0, null, Map.of())).dataset().samples()).hasSize(1);
    }

    @Test
    void mmluProDisagreeingAnswerFieldsNameTheLine() throws IOException {
        Path test = Files.writeString(dir.resolve("test.jsonl"), "\n" + mmluProRow(7, "law", "D", "").replace("\"answer_index\": 3", "\"answer_index\": 2") + "\n");
        assertThatThrownBy(() -> registry.create("mmlu_pro", params(test, 0, null, Map.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("test.jsonl:2").hasMessageContaining("disagree");
    }

    public static final String GPQA_HEADER = "Pre-Revision Question,Question,Correct Answer,Incorrect Answer 1,Incorrect Answer 2,Incorrect Answer 3,Record ID,High-level domain,Subdomain\n";

    @Test
    void gpqaShufflesEachQuestionsAnswersFromTheSeedAndRecordsThePermutation() throws IOException {
        StringBuilder csv = new StringBuilder(GPQA_HEADER);
        for (int i = 0; i < 12; i++) csv.append("x,\"What is q").append(i).append(", really?\",right").append(i).append(",w1,w2,w3,rec").append(i).append(",Physics,Optics\n");
        Path data = Files.writeString(dir.resolve("gpqa_diamond.csv"), csv);
        Task a = registry.create("gpqa", params(data, null, 3L, Map.of()));
        Task b = registry.create("gpqa", params(data, null, 3L, Map.of()));
        Task c = registry.create("gpqa", params(data, null, 4L, Map.of()));
        List<String> lettersA = a.dataset().samples().stream().map(Sample::firstTarget).toList();
        assertThat(lettersA).isEqualTo(b.dataset().samples().stream().map(Sample::firstTarget).toList());
        assertThat(lettersA).isNotEqualTo(c.dataset().samples().stream().map(Sample::firstTarget).toList());
        assertThat(new java.util.HashSet<>(lettersA)).as("the right answer lands on every letter").containsExactlyInAnyOrder("A", "B", "C", "D");
        Sample s = a.dataset().samples().get(0);
        assertThat(s.id()).isEqualTo("rec0");
        assertThat(s.choices().get(s.firstTarget().charAt(0) - 'A')).isEqualTo("right0");
        assertThat(s.input().get(0).content()).startsWith("Answer the following multiple choice question. The last line of your response "
                + "should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of ABCD. Think step by step "
                + "before answering.\n\nWhat is q0, really?\n\nA) ");
        assertThat(s.metadata()).containsKeys("permutation", "domain");
    }

    @Test
    void gpqaOrdersTheAnswersAsSimpleEvalsDoes() throws IOException {
        StringBuilder csv = new StringBuilder(GPQA_HEADER);
        for (int i = 0; i < 6; i++) csv.append("x,q").append(i).append(",right").append(i).append(",w1,w2,w3,rec").append(i).append(",Physics,Optics\n");
        Path data = Files.writeString(dir.resolve("gpqa_diamond.csv"), csv);
        // python3: rng = random.Random(0); [rng.sample(range(4), 4) for _ in range(6)]
        // [[3, 1, 0, 2], [3, 1, 2, 0], [2, 3, 0, 1], [2, 0, 3, 1], [1, 3, 0, 2], [2, 1, 0, 3]]
        Task t = registry.create("gpqa", params(data, null, null, Map.of()));
        assertThat(t.dataset().samples()).extracting(Sample::firstTarget).containsExactly("C", "D", "C", "B", "C", "C");
        assertThat(t.dataset().samples().get(0).choices()).containsExactly("w3", "w1", "right0", "w2");
        assertThat(t.dataset().samples().get(0).metadata().get("permutation")).isEqualTo(List.of(3, 1, 0, 2));
        // --seed 7: [[2, 0, 1, 3], [0, 2, 3, 1], [0, 2, 3, 1]]
        Task seven = registry.create("gpqa", params(data, null, 7L, Map.of()));
        assertThat(seven.dataset().samples().subList(0, 3)).extracting(Sample::firstTarget).containsExactly("B", "A", "A");
    }

    @Test
    void gpqaScoresALowerCaseLetterWrongAsSimpleEvalsDoes() throws IOException {
        // gpqa_eval.py: extracted_answer = match.group(1); score = 1.0 if extracted_answer == correct_answer else 0.0
        Path data = Files.writeString(dir.resolve("gpqa_main.csv"), GPQA_HEADER + "x,What is q?,right,w1,w2,w3,rec0,Physics,Optics\n");
        Task t = registry.create("gpqa", params(data, null, 0L, Map.of()));
        Sample s = t.dataset().samples().get(0);
        String letter = s.firstTarget();
        assertThat(grade(t, s, "Reasoning.\nAnswer: " + letter).value()).isEqualTo(1.0);
        Score lower = grade(t, s, "Reasoning.\nAnswer: " + letter.toLowerCase(java.util.Locale.ROOT));
        assertThat(lower.value()).isEqualTo(0.0);
        assertThat(lower.answer()).isEqualTo(letter.toLowerCase(java.util.Locale.ROOT));
    }

    static Score grade(Task t, Sample s, String reply) {
        return t.scorer().score(TaskState.start(s, 0).withOutput(
                new dev.arbiter.client.GenerateResponse(reply, null, "stop", null, null, null, "t")));
    }

    @Test
    void gpqaWithoutDataExplainsWhereTheCopyComesFrom() {
        assertThatThrownBy(() -> registry.create("gpqa", params(null, null, null, Map.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("idavidrein/gpqa");
    }

    @Test
    void aimeReadsEitherFieldSpellingAndRefusesANonAimeAnswer() throws IOException {
        Path data = Files.writeString(dir.resolve("aime_2024.jsonl"), """
                {"ID": "2024-I-1", "Problem": "Find x.", "Solution": "...", "Answer": 33}
                {"id": 2, "problem": "Find y.", "answer": "204"}
                """);
        Task t = registry.create("aime", params(data, null, null, Map.of()));
        assertThat(t.dataset().samples()).extracting(Sample::id).containsExactly("2024-I-1", "2");
        assertThat(t.dataset().samples().get(0).input().get(0).content()).isEqualTo("Find x.\nPlease reason step by step, and put your final answer within \\boxed{}.");
        assertThat(t.config().temperature()).isEqualTo(0.6);
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"problem\": \"p\", \"answer\": \"1/2\"}\n");
        assertThatThrownBy(() -> registry.create("aime", params(bad, null, null, Map.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("bad.jsonl:1").hasMessageContaining("0–999");
    }

    @Test
    void aimeRecordsTheContestYearFromRowsFileNameOrOptionAsTheDatasetName() throws IOException {
        Path ids = Files.writeString(dir.resolve("problems.jsonl"), """
                {"ID": "2024-I-1", "Problem": "a", "Answer": 1}
                {"ID": "2024-II-3", "Problem": "b", "Answer": 2}
                """);
        assertThat(registry.create("aime", params(ids, null, null, Map.of())).dataset().name()).isEqualTo("aime_2024");
        Path named = Files.writeString(dir.resolve("AIME2025-I.jsonl"), "{\"question\": \"a\", \"answer\": \"1\"}\n");
        assertThat(registry.create("aime", params(named, null, null, Map.of())).dataset().name()).isEqualTo("aime_2025");
        Path plain = Files.writeString(dir.resolve("problems-plain.jsonl"), "{\"question\": \"a\", \"answer\": \"1\"}\n");
        assertThat(registry.create("aime", params(plain, null, null, Map.of())).dataset().name()).isEqualTo("aime");
        assertThat(registry.create("aime", params(plain, null, null, Map.of("year", "2024"))).dataset().name()).isEqualTo("aime_2024");
        Path mixed = Files.writeString(dir.resolve("both.jsonl"), """
                {"ID": "2024-I-1", "Problem": "a", "Answer": 1}
                {"ID": "2025-I-1", "Problem": "b", "Answer": 2}
                """);
        assertThat(registry.create("aime", params(mixed, null, null, Map.of())).dataset().name()).isEqualTo("aime");
        assertThatThrownBy(() -> registry.create("aime", params(ids, null, null, Map.of("year", "2025"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("problems.jsonl:1").hasMessageContaining("AIME 2024");
        assertThatThrownBy(() -> registry.create("aime", params(plain, null, null, Map.of("year", "24"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--option year");
    }

    @Test
    void mmluReduxKeepsOkRelabelsWrongGroundTruthAndDropsTheRest() throws IOException {
        Files.createDirectories(dir.resolve("redux"));
        Files.writeString(dir.resolve("redux/anatomy.jsonl"), """
                {"question": "q1", "choices": ["a", "b", "c", "d"], "answer": 1, "error_type": "ok", "source": "s", "correct_answer": null}
                {"question": "q2", "choices": ["a", "b", "c", "d"], "answer": 0, "error_type": "wrong_groundtruth", "source": "s", "correct_answer": "C"}
                {"question": "q3", "choices": ["a", "b", "c", "d"], "answer": 0, "error_type": "no_correct_answer", "source": "s", "correct_answer": null}
                {"question": "q4", "choices": ["a", "b", "c", "d"], "answer": 0, "error_type": "wrong_groundtruth", "source": "s", "correct_answer": null}
                """);
        Task t = registry.create("mmlu_redux", params(dir.resolve("redux"), null, null, Map.of()));
        assertThat(t.dataset().samples()).extracting(Sample::firstTarget).containsExactly("B", "C");
        assertThat(t.dataset().samples().get(0).metadata()).containsEntry("subject", "anatomy");
        assertThat(t.dataset().path()).contains("kept=1").contains("relabelled=1").contains("dropped=2");
        Task okOnly = registry.create("mmlu_redux", params(dir.resolve("redux"), null, null, Map.of("labels", "ok")));
        assertThat(okOnly.dataset().samples()).extracting(Sample::firstTarget).containsExactly("B");
    }

    @Test
    void parquetIsRefusedWithTheExportCommand() throws IOException {
        Path data = Files.write(dir.resolve("test-00000-of-00001.parquet"), new byte[]{'P', 'A', 'R', '1'});
        assertThatThrownBy(() -> registry.create("mmlu_pro", params(data, 0, null, Map.of())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("read_parquet");
    }
}
