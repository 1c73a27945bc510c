package dev.arbiter.eval.scorer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class NumberExtractorTest {
    @ParameterizedTest(name = "last number in [{0}] is {1}")
    @CsvSource(delimiter = '|', value = {
            "The answer is 42.|42",
            "#### 72|72",
            "She pays $1,234.50 in total|1234.5",
            "It costs -$5|-5",
            "x = −3|-3",
            "First 3 apples, then 18|18",
            "3.0|3",
            "0.50|0.5",
            "about 12,000,000 people|12000000",
            "a list 1,2,3|3",
            "GPT-4 scored 86.4%|86.4",
            "from 3-5 days|5",
            "\\boxed{17}|17",
            "1e3 grams|1000",
            "version 1.2.3 has 7 bugs|7",
            ".5 of it|0.5",
            "€ 20|20"})
    void extractsAndNormalisesTheLastNumber(String text, String expected) {
        assertThat(NumberExtractor.last(text)).hasValueSatisfying(n -> assertThat(NumberExtractor.format(n)).isEqualTo(expected));
    }

    @Test
    void textWithoutDigitsHasNoNumber() {
        assertThat(NumberExtractor.last("seventy-two")).isEmpty();
        assertThat(NumberExtractor.last("")).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] parses as {1}")
    @CsvSource(delimiter = '|', value = {"72|72", " 1,000 |1000", "$3.50|3.5", "-2|-2", "50%|50"})
    void parsesATargetThatIsExactlyOneNumber(String text, String expected) {
        assertThat(NumberExtractor.parse(text)).hasValueSatisfying(n -> assertThat(NumberExtractor.format(n)).isEqualTo(expected));
    }

    @Test
    void aTargetWithWordsIsNotANumber() {
        assertThat(NumberExtractor.parse("72 apples")).isEmpty();
        assertThat(NumberExtractor.parse("seventy")).isEmpty();
    }

    @Test
    void formatDropsTrailingZerosWithoutScientificNotation() {
        assertThat(NumberExtractor.format(new BigDecimal("1.2000E+3"))).isEqualTo("1200");
        assertThat(NumberExtractor.format(new BigDecimal("0.000"))).isEqualTo("0");
    }
}
