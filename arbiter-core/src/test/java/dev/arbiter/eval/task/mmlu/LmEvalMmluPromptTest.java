package dev.arbiter.eval.task.mmlu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Byte for byte against lm-eval's MMLU context. Source: EleutherAI/lm-evaluation-harness
 * {@code lm_eval/tasks/mmlu/default/_default_template_yaml} at 478562342bc95d21cf894a6975b50e2463eaaa31
 * ({@code doc_to_text: "{{question.strip()}}\nA. {{choices[0]}}\nB. {{choices[1]}}\nC. {{choices[2]}}\nD. {{choices[3]}}\nAnswer:"},
 * {@code fewshot_split: dev}, {@code sampler: first_n}) and {@code mmlu_abstract_algebra.yaml} at
 * 470059f67ce1d96cd89d9e832f2811765faa2a42 ({@code description: "The following are multiple choice questions (with
 * answers) about abstract algebra.\n\n"}); lm-eval's defaults {@code target_delimiter: " "} and
 * {@code fewshot_delimiter: "\n\n"} join them. The continuations scored after it are " A".." D".
 */
class LmEvalMmluPromptTest {
    @Test
    void twoShotContextIsTheDescriptionThenEachDevQuestionWithItsAnswerThenTheQuestion() {
        List<MmluQuestion> dev = MmluLoader.load(MmluFixtures.hendrycks(), "dev");
        List<MmluQuestion> test = MmluLoader.load(MmluFixtures.hendrycks(), "test");
        MmluQuestion q = test.stream().filter(x -> x.subject().equals("abstract_algebra")).findFirst().orElseThrow();
        List<MmluQuestion> shots = dev.stream().filter(x -> x.subject().equals("abstract_algebra")).limit(2).toList();
        assertThat(LmEvalMmluPrompt.build(q, shots)).isEqualTo(
                "The following are multiple choice questions (with answers) about abstract algebra.\n\n"
                        + "Find all c in Z_3 such that Z_3[x]/(x^2 + c) is a field.\nA. 0\nB. 1\nC. 2\nD. 3\nAnswer: B\n\n"
                        + "Statement 1 | If aH is an element of a factor group, then |aH| divides |a|. Statement 2 | If H and K are subgroups of G then HK is a subgroup of G.\n"
                        + "A. True, True\nB. False, False\nC. True, False\nD. False, True\nAnswer: B\n\n"
                        + "Find the order of the factor group Z_6/<3>.\nA. 2\nB. 3\nC. 6\nD. 12\nAnswer:");
    }

    @Test
    void theQuestionIsStrippedAsPythonStripsButTheChoicesAreNot() {
        MmluQuestion q = new MmluQuestion("high_school_us_history", 0, "\u00a0 Who?\n ", List.of(" w", "x ", "y", "z"), 2);
        assertThat(LmEvalMmluPrompt.build(q, List.of())).isEqualTo(
                "The following are multiple choice questions (with answers) about high school us history.\n\n"
                        + "Who?\nA.  w\nB. x \nC. y\nD. z\nAnswer:");
    }
}
