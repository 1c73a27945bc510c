package dev.arbiter.eval.task.math;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MathEquivalenceTest {
    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {
            "\\frac12|0.5", "\\dfrac{1}{2}|1/2", "\\tfrac{3}{4}|0.75", "2\\sqrt{3}|\\sqrt{12}", "\\sqrt2|\\sqrt{2}",
            "10^\\circ|10", "10^{\\circ}|10", "\\$5|5", "x=3|3", "x = 3|3", "1,\\!000|1000", "1,000|1000",
            "\\text{(C)}|C", "5\\text{ cm}|5", "12\\text{ inches}|12", "50\\%|50", "3.|3", "\\left( 3, \\frac{\\pi}{2} \\right)|(3,\\frac{\\pi}{2})",
            "\\frac{3\\pi}{2}|3\\pi/2", "(x+1)^2|x^2+2x+1", "\\frac{\\sqrt{2}}{2}|\\frac{1}{\\sqrt{2}}", "\\{1,2\\}|\\{2,1\\}",
            "2, -3|-3, 2", "[1,2)|[1, 2)", "(-\\infty, 3]|(-\\infty,3]", "\\sqrt[3]{8}|2", "2\\cdot 3|6", "6\\times 10^{2}|600",
            "\\frac{1}{4}x^2|x^2/4", "-\\frac{2}{3}|\\frac{-2}{3}"})
    void judgesEquivalentForms(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isTrue();
        assertThat(MathEquivalence.equivalent(b, a)).isTrue();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {
            "2|3", "0.3333|\\frac13", "(1,2]|[1,2]", "(1,2)|\\{1,2\\}", "(1,2)|(2,1)", "x^2|x^3", "1,2|1,2,3",
            "\\frac{1}{2}|\\frac{1}{3}", "\\sqrt{2}|1.414", "2x|2y", "\\infty|-\\infty", "A|B", "5|"})
    void rejectsDifferentAnswers(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b == null ? "" : b)).isFalse();
    }
}
