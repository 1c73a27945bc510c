package dev.arbiter.eval.task.mtbench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class RatingParserTest {
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "Rating: [[7]]|7", "Rating: [[7.5]]|7.5", "The answer is fine. [[10]]|10", "Rating: [8]|8",
            "As the format says, \"Rating: [[5]]\". My verdict: Rating: [[3]]|3", "[[4]] but in brackets [9]|4",
            "Rating: 7/10|NONE", "no rating here|NONE", "Rating: [[0]]|NONE", "Rating: [[11]]|NONE", "Rating: [[seven]]|NONE"})
    void readsTheRating(String judgment, Double expected) {
        OptionalDouble r = RatingParser.parse(judgment);
        if (expected == null) assertThat(r).isEmpty();
        else assertThat(r).hasValue(expected);
    }
}
