package dev.arbiter.eval.task.mmlu;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LetterExtractorTest {
    private static final List<String> CHOICES = List.of("Paris", "London", "Rome", "Berlin");

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "C|C", " C.|C", "(B)|B", "B) London|B", "D: Berlin|D", "Answer: C|C", "answer: (d)|NONE",
            "The answer is (B).|B", "The answer is B because London is the capital.|B",
            "**Answer:** D|D", "Réponse : A|A", "La réponse est C.|C",
            "Let me think. A is wrong, B is wrong. Answer: C. Wait, actually the answer is D.|D",
            "The correct option is \\boxed{B}|B", "Rome|C", "rome.|C",
            "A capital city is Paris.|NONE", "I am not sure.|NONE", "Answer: E|NONE", "E|NONE", "Answer: Cairo|NONE"})
    void findsTheChosenLetter(String text, String letter) {
        assertThat(LetterExtractor.extract(text, CHOICES)).isEqualTo(letter);
    }
}
