package dev.arbiter.eval.task.vision;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MMMU's parsing against the answers the authors' eval_utils.py gives for the same inputs (each expected value below
 * was produced by running their parse_multi_choice_response / parse_open_response / eval_open on the input).
 */
class MmmuAnswersTest {
    static final List<String> OPTIONS = List.of("$6", "$7", "the hydrogen bond", "It's 12");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "B|B",
            "(C)|C",
            "The answer is (B).|B",
            "I think A or (D) is right, but (B) is better|B",   // brackets win over bare letters; the last one counts
            "A B C|C",                                         // several bare letters: the last
            "Looking at the figure, the hydrogen bond explains it best overall|C",  // > 5 words: option text
            "Between $6 and $7 the figure suggests $7 is charged|B",                // both texts: the one seen last
            "B.|B",
            "'''D'''|D",                                          // the CSV quote doubled: the answer is 'D'
            ":A,|A",
            "answer: C|C",
            "(A) and (B) and (A)|A",
    })
    void multipleChoicePicksTheLetterTheAuthorsScriptPicks(String response, String letter) {
        MmmuAnswers.Choice c = MmmuAnswers.multipleChoice(response, OPTIONS, "validation_Art_1");
        assertThat(c.letter()).isEqualTo(letter);
        assertThat(c.random()).isFalse();
    }

    @Test
    void anAnswerNamingNoOptionGetsASeededRandomLetterAndSaysSo() {
        for (String r : List.of("Option D, clearly", "D) is my choice", "")) {
            MmmuAnswers.Choice c = MmmuAnswers.multipleChoice(r, OPTIONS, "validation_Art_1");
            assertThat(c.random()).as(r).isTrue();
            assertThat(c.letter()).isIn("A", "B", "C", "D");
            assertThat(MmmuAnswers.multipleChoice(r, OPTIONS, "validation_Art_1")).isEqualTo(c);  // same id, same pick
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "The answer is 42.|42.0",
            "So the total is 1,234.5 dollars|1,234.5 dollars;1234.0;234.5",
            "x = 3.14159|3.14",
            "Therefore the final result is photosynthesis|photosynthesis",
            "It is 2.675|2.67",          // Python's round: 2.675 is 2.67499… in binary
            "It is 2.665|2.67",
            "0.5\\nso it is 1/2|1.0;1/2;2.0",
            "The value is 3e5|300000.0;5.0",
            "It is -0.5|-0.5",
            "A|' a;a '",                 // a one-character answer is padded so it cannot match inside a word
            "is .|is",
            "12 apples|12 apples;12.0",
            "The speed is 5 m/s. So v is 5|5.0",
    })
    void openAnswersYieldTheAuthorsPredictions(String response, String expected) {
        Set<Object> got = MmmuAnswers.open(response.replace("\\n", "\n"));
        assertThat(got.stream().map(String::valueOf).sorted().toList())
                .isEqualTo(Arrays.stream(expected.split(";", -1)).sorted().toList());
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "42|The answer is 42.|true",
            "1234.5|So the total is 1,234.5 dollars|false",
            "3.14|x = 3.14159|true",
            "photosynthesis|Therefore the final result is photosynthesis|true",
            "2.67|It is 2.675|true",
            "2.68|It is 2.675|false",
            "1/2;0.5|0.5\\nso it is 1/2|true",
            "300000|The value is 3e5|true",
            "a|A|true",
            "b|A|false",
            "5|The speed is 5 m/s. So v is 5|true",
            "apple|12 apples|true",
            "2.66|It is 2.665|false",
    })
    void openAnswersMatchGoldAsTheAuthorsScriptDoes(String golds, String response, boolean correct) {
        List<String> g = Arrays.asList(golds.split(";"));
        assertThat(MmmuAnswers.openMatches(g, MmmuAnswers.open(response.replace("\\n", "\n")))).isEqualTo(correct);
    }

    @Test
    void pythonFloatAcceptsWhatPythonAcceptsOnly() {
        assertThat(MmmuAnswers.pythonFloat("1_000")).isEqualTo(1000.0);
        assertThat(MmmuAnswers.pythonFloat(" 5. ")).isEqualTo(5.0);
        assertThat(MmmuAnswers.pythonFloat("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(MmmuAnswers.pythonFloat("1d")).isNull();
        assertThat(MmmuAnswers.pythonFloat("0x1p3")).isNull();
        assertThat(MmmuAnswers.pythonFloat("1__0")).isNull();
        assertThat(MmmuAnswers.round2(0.125)).isEqualTo(0.12);  // exactly half: to even
        assertThat(MmmuAnswers.round2(0.375)).isEqualTo(0.38);
    }

    @Test
    void pythonListLiteralsAreReadWithTheirQuotesAndEscapes() {
        assertThat(PyList.parse("['$6', \"It's\", 'a\\'b', 'x\\ny',]")).containsExactly("$6", "It's", "a'b", "x\ny");
        assertThat(PyList.parse(" [] ")).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PyList.parse("['a' 'b']"))
                .hasMessageContaining("expected ',' or ']' at character 6");
    }
}
