package dev.arbiter.eval.scorer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ChoiceExtractorTest {
    private static final List<String> OPTIONS = List.of("Paris", "Lyon", "Nice", "Lille");

    static Stream<org.junit.jupiter.params.provider.Arguments> replies() {
        return Stream.of(
                arguments("B", "B"),
                arguments("b", "B"),
                arguments("(B)", "B"),
                arguments("**B**", "B"),
                arguments("B.", "B"),
                arguments("Answer: B", "B"),
                arguments("ANSWER: C", "C"),
                arguments("The answer is B", "B"),
                arguments("The correct answer is (D).", "D"),
                arguments("**Answer:** C", "C"),
                arguments("**Answer**: C", "C"),
                arguments("Final answer: **A**", "A"),
                arguments("B. Lyon", "B"),
                arguments("C) Nice\nBecause it is on the coast.", "C"),
                arguments("I think **B** is right.", "B"),
                arguments("Between the options, (C) fits best.", "C"),
                arguments("$\\boxed{D}$", "D"),
                arguments("The answer is A. Wait, no: the answer is C.", "C"),
                arguments("(A) is tempting, but the answer is B.", "B"),
                arguments("A good question. The answer is D", "D"),
                arguments("Answer: A\n\nExplanation: option B is wrong because ...", "A"),
                arguments("The correct option is B", "B"),
                arguments("Lille", "D"),
                arguments("lyon.", "B"));
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @MethodSource("replies")
    void findsTheStatedLetter(String reply, String letter) {
        assertThat(ChoiceExtractor.extract(reply, 4, OPTIONS)).hasValue(ChoiceLetters.index(letter));
    }

    static Stream<String> noChoice() {
        return Stream.of(
                "",
                "I am not sure.",
                "The answer is a trick question.",
                "A. Paris\nB. Lyon\nC. Nice\nD. Lille",
                "Because of the river.",
                "The answer is E",
                "Answer: none of them");
    }

    @ParameterizedTest(name = "[{0}] → none")
    @MethodSource("noChoice")
    void findsNoLetterWhenNoneIsStated(String reply) {
        assertThat(ChoiceExtractor.extract(reply, 4, OPTIONS)).isEqualTo(OptionalInt.empty());
    }

    @Test
    void lettersBeyondTheOptionsAreIgnoredInFavourOfAValidEarlierOne() {
        assertThat(ChoiceExtractor.extract("The answer is B. (Not E.)", 4, List.of())).hasValue(1);
    }
}
