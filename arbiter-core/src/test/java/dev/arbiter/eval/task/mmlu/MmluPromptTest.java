package dev.arbiter.eval.task.mmlu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MmluPromptTest {
    private static final MmluQuestion Q = new MmluQuestion("high_school_us_history", 0, "Who?", List.of("w", "x", "y", "z"), 2);

    @Test
    void zeroShotIsTheHendrycksHeaderThenTheQuestionEndingInTheCue() {
        assertThat(MmluPrompt.build(MmluTemplate.forLanguage("en"), Q, List.of())).isEqualTo(
                "The following are multiple choice questions (with answers) about high school us history.\n\n"
                        + "Who?\nA. w\nB. x\nC. y\nD. z\nAnswer:");
    }

    @Test
    void fiveShotShowsEachShotWithItsAnswerSeparatedByBlankLines() {
        List<MmluQuestion> dev = MmluLoader.load(MmluFixtures.hendrycks(), "dev").subList(0, 5);
        String prompt = MmluPrompt.build(MmluTemplate.forLanguage("en"), Q, dev);
        assertThat(prompt.split("\nAnswer:", -1)).hasSize(7);
        assertThat(prompt).contains("\nD. 3\nAnswer: B\n\nStatement 1 | If aH");
        assertThat(prompt).contains("Answer: A\n\nWho?\nA. w");
        assertThat(prompt).endsWith("D. z\nAnswer:");
    }

    @Test
    void frenchUsesTheFrenchHeaderAndCue() {
        String prompt = MmluPrompt.build(MmluTemplate.forLanguage("fr"), Q, List.of(Q));
        assertThat(prompt).startsWith("Voici des questions à choix multiples (avec réponses) sur high school us history.\n\n");
        assertThat(prompt).contains("D. z\nRéponse : C\n\n").endsWith("D. z\nRéponse :");
    }
}
