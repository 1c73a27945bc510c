package dev.arbiter.eval.task.math;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * hendrycks/math's own {@code modeling/math_equivalence_test.py} (commit 5f3bf91d13367550bed100240554fd11c25abe48),
 * every case, against {@link MathEquivalence}. Each agrees with the reference, or names the deliberate difference:
 * Arbiter reads a bare comma list as the unordered "enter all solutions" set, where Hendrycks compares strings.
 */
class HendrycksEquivalenceCasesTest {
    static final String UNORDERED_LISTS = "deliberate: a bare list is an unordered set of solutions in Arbiter";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("test_fractions", "\\tfrac{1}{2} + \\frac1{72}", "\\\\frac{1}{2} + 2/3", false, null),
                Arguments.of("test_order", "10, 4, -2", "4, 10, -2", false, UNORDERED_LISTS),
                Arguments.of("test_order2", "10, 4, 2", "4, 12, 2", false, null),
                Arguments.of("test_dfrac", "\\tfrac{1}{2} +\\! \\frac1{72}", "\\\\dfrac{1}{2} +\\frac{1}{72}", true, null),
                Arguments.of("test_units", "10\\text{ units}", "10 ", true, null),
                Arguments.of("test_units2", "10\\text{ units}", "100 ", false, null),
                Arguments.of("test_dollars", "10", "\\$10", true, null),
                Arguments.of("test_parentheses", "\\left(x-2\\right)\\left(x+2\\right)", "(x-2)(x+2)", true, null),
                Arguments.of("test_decimals", "0.1, 4, 2", "4, .1, 2", false, UNORDERED_LISTS),
                Arguments.of("test_decimals2", "0.1", ".1", true, null),
                Arguments.of("test_percentage", "10\\%", "10", true, null),
                Arguments.of("test_sqrt", "10\\sqrt{3} + \\sqrt4", "10\\sqrt3 + \\sqrt{4}", true, null),
                Arguments.of("test_frac", "\\frac34i", "\\frac{3}{4}i", true, null),
                Arguments.of("test_tfrac", "\\tfrac83", "\\frac{8}{3}", true, null),
                Arguments.of("test_expression", "5x - 7y + 11z + 4 = 0", "x + y - z + 2 = 0", false, null),
                Arguments.of("test_half", "1/2", "\\frac{1}{2}", true, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithHendrycksOrNamesTheDifference(String name, String in, String out, boolean reference, String difference) {
        boolean arbiter = MathEquivalence.equivalent(in, out);
        if (difference == null) assertThat(arbiter).as(name).isEqualTo(reference);
        else assertThat(arbiter).as(name + ": " + difference).isEqualTo(!reference);
    }
}
