package dev.arbiter.eval.task.math;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.TaskState;
import dev.arbiter.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Verdicts that were wrong in MathEquivalence v1 (issue 10) and in v2 (the reviewer's M1–M5), each pinned. */
class MathVerdictDefectsTest {
    @Test
    void aPowerOfAHugePowerIsNotTakenPreciselySoAShortAnswerCannotHoldTheGrader() {
        // (10^{9999})^{9999} = 10^99,980,001: its exact difference with 5 would have that many digits
        assertThat(LatexExpression.parse("\\pi\\cdot(10^{9999})^{9999}").orElseThrow().precise()).isEmpty();
        assertThat(MathEquivalence.equivalent("\\pi\\cdot(10^{9999})^{9999}", "5")).isFalse();
        assertThat(MathEquivalence.equivalent("\\pi\\cdot(10^{999})^{999}", "5")).isFalse();
        // ordinary powers are still taken precisely
        assertThat(LatexExpression.parse("\\pi*2^{100}").orElseThrow().precise()).isPresent();
    }

    @Test
    void matrixRowSeparatorsAreNotMergedAway() {
        assertThat(MathEquivalence.equivalent("\\begin{pmatrix} 1 \\\\ 23 \\end{pmatrix}", "\\begin{pmatrix} 12 \\\\ 3 \\end{pmatrix}")).isFalse();
        assertThat(MathEquivalence.equivalent("\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}", "\\begin{pmatrix}1\\\\2\\end{pmatrix}")).isTrue();
    }

    /** Every answer holding a row separator equals itself with other spacing around it (MATH: 72, MATH-500: 7). */
    @Test
    void everyBundledAnswerWithRowSeparatorsEqualsItselfSpacedDifferently() {
        int seen = 0;
        List<String> broken = new ArrayList<>();
        for (String file : List.of("math/test.jsonl", "math500/test.jsonl")) {
            for (MathProblem p : MathLoader.load(SharedData.path(file))) {
                if (!p.answer().contains("\\\\")) continue;
                seen++;
                String spaced = p.answer().replace("\\\\", " \\\\ ").replace("&", " & ");
                String tight = p.answer().replaceAll("\\s*\\\\\\\\\\s*", "\\\\\\\\").replaceAll("\\s*&\\s*", "&");
                if (!MathEquivalence.equivalent(spaced, p.answer()) || !MathEquivalence.equivalent(tight, spaced)) {
                    broken.add(file + " " + p.id() + ": " + p.answer());
                }
            }
        }
        assertThat(seen).isEqualTo(72 + 7);
        assertThat(broken).isEmpty();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {"12345678902|12345678901", "100000000000000000001|100000000000000000000",
            "1234567890123|1234567890124", "\\frac{12345678901}{2}|6172839450", "2^{40}|1099511627777", "1000000000.5|1000000000"})
    void largeNumbersAreComparedExactly(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isFalse();
        assertThat(MathEquivalence.equivalent(b, a)).isFalse();
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {"12345678901|12,345,678,901", "2^{40}|1099511627776", "\\frac{10}{4}|2.5",
            "1099511627776|1099511627776.0"})
    void exactlyEqualLargeNumbersStayEqual(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isTrue();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {"\\sqrt{x^2}|x", "x^{1/2}\\cdot x^{1/2}|x", "\\sqrt{x^2y^2}|xy", "(x^{3})^{1/3}|x", "\\frac{\\sqrt{x^2}}{x}|1"})
    void symbolicChecksSampleNegativeAndNonIntegerValues(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isFalse();
    }

    @Test
    void symbolicIdentitiesStillHoldWhereBothSidesAreDefined() {
        assertThat(MathEquivalence.equivalent("(x-1)^2", "x^2-2x+1")).isTrue();
        assertThat(MathEquivalence.equivalent("\\frac{x^2-1}{x-1}", "x+1")).isTrue();
        assertThat(MathEquivalence.equivalent("\\sqrt{x^2+1}", "\\sqrt{1+x^2}")).isTrue();
    }

    /** M1: MATH writes mixed numbers (MATH-500 test/geometry/826 and test/algebra/2470); v2 read them as products. */
    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {"1\\frac{4}{5}|\\frac{9}{5}", "1\\frac{4}{5}|1.8", "137 \\frac{1}{2}|137.5",
            "137 \\frac{1}{2}|\\frac{275}{2}", "6\\frac15|\\frac{31}{5}", "-1\\frac{1}{2}|-\\frac{3}{2}", "1\\frac{4}{5}\\pi|\\frac{9\\pi}{5}"})
    void anIntegerFollowedByANumericFractionIsAMixedNumber(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isTrue();
        assertThat(MathEquivalence.equivalent(b, a)).isTrue();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {"1\\frac{4}{5}|\\frac{4}{5}", "137 \\frac{1}{2}|\\frac{137}{2}", "137 \\frac{1}{2}|68.5"})
    void aMixedNumberIsNotTheProductOfItsParts(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isFalse();
        assertThat(MathEquivalence.equivalent(b, a)).isFalse();
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {"2\\frac{\\pi}{3}|\\frac{2\\pi}{3}", "3\\frac{x}{2}|\\frac{3x}{2}", "2^3\\frac{1}{2}|4",
            "1.5\\frac{1}{2}|0.75", "x^2\\frac{1}{2}|\\frac{x^2}{2}"})
    void aNonNumericFractionAnExponentOrADecimalBeforeAFractionStaysAProduct(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isTrue();
    }

    /** M2: v2 refused exponents above 64 exactly and let a double with tolerance 1e-9 decide. */
    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {"2^{65}+1|2^{65}", "3^{100}-1000|3^{100}", "2^{200}|2^{200}+1", "(2^{40})^{2}+1|2^{80}",
            "\\frac{1}{3^{70}}|\\frac{1}{3^{70}+1}"})
    void integerPowersOfAnySizeAreComparedExactly(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isFalse();
        assertThat(MathEquivalence.equivalent(b, a)).isFalse();
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {"2^{65}|36893488147419103232", "3^{100}|515377520732011331036461129765621272702107522001",
            "2^{-70}|\\frac{1}{2^{70}}", "(-1)^{1000001}|-1"})
    void exactlyEqualLargePowersStayEqual(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isTrue();
    }

    @Test
    void aPowerTooLargeToHoldIsEqualOnlyToItsOwnTextAndCostsNothing() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(MathEquivalence.equivalent("2^{100000}", "2^{100000}+1")).isFalse();
            assertThat(MathEquivalence.equivalent("10^{10^{10}}", "10^{10^{10}}+1")).isFalse();
            assertThat(MathEquivalence.equivalent("10^{10^{10}}", "10^{10^{10}}")).isTrue();
            assertThat(MathEquivalence.equivalent("2^{100000}", "2^{ 100000 }")).isTrue();
        });
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {"1.41421356237|\\sqrt2", "0.8660254038|\\frac{\\sqrt3}{2}", "3.14159265359|\\pi",
            "1.259921050|\\sqrt[3]{2}", "1.414213562373095|2^{1/2}", "0.7071067812|\\sin\\frac{\\pi}{4}", "2.302585093|\\ln10",
            "2.718281828|e", "\\frac{141421356237}{100000000000}|\\sqrt{2}"})
    void aDecimalApproximationNeverEqualsAnIrrational(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isFalse();
        assertThat(MathEquivalence.equivalent(b, a)).isFalse();
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {"0.5|\\frac12", "0.75|\\frac{3}{4}", "0.5|\\frac{\\sqrt{1}}{2}", "2|\\sqrt{4}", "1.5|\\sqrt{\\frac{9}{4}}",
            "2|\\sqrt[3]{8}", "4|8^{2/3}", "2|\\sqrt{2}\\cdot\\sqrt{2}", "\\frac{1}{2}|\\sin\\frac{\\pi}{6}", "2\\sqrt{3}|\\sqrt{12}",
            "\\frac{3\\pi}{2}|\\frac{3}{2}\\pi", "\\sqrt[3]{16}|2\\sqrt[3]{2}", "\\sqrt{8}-2\\sqrt{2}|0", "\\frac{\\sqrt{6}+\\sqrt{2}}{4}|\\frac{\\sqrt{2+\\sqrt{3}}}{2}"})
    void exactValuesStillEqualTheirOtherForms(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isTrue();
        assertThat(MathEquivalence.equivalent(b, a)).isTrue();
    }

    /** M3: v2's exact parser took one digit of a bare exponent, reading 2^10 as 2^1 times 0. */
    @Test
    void aBareMultiDigitExponentIsTheWholeNumber() {
        assertThat(MathEquivalence.equivalent("2^10", "1024")).isTrue();
        assertThat(MathEquivalence.equivalent("2^10", "0")).isFalse();
    }

    @Test
    void aBoxedBareExponentScoresAgainstEitherReferenceAsItsValue() {
        assertThat(MathScorerFinalAnswerTest.score("So $\\boxed{2^10}$.", "1024").value()).isEqualTo(1.0);
        assertThat(MathScorerFinalAnswerTest.score("So $\\boxed{2^10}$.", "0").value()).isEqualTo(0.0);
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {"10^12|1000000000000", "2^-10|\\frac{1}{1024}", "3^{10}|59049", "2^1.5|2\\sqrt{2}", "x^10|x^{10}"})
    void bareExponentsReadTheSameInEveryParser(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isTrue();
    }

    /** M4: v2 unwrapped \text{} and read the letters as a product of variables, so anagrams were equal. */
    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {"\\text{dod}|\\text{odd}", "\\text{dod}|odd", "\\text{KAME}|\\text{MAKE}", "\\mbox{yadnus}|\\text{Sunday}",
            "\\text{neither}|\\text{nirethe}"})
    void wordsInTextAreComparedAsTextNeverAsVariables(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isFalse();
        assertThat(MathEquivalence.equivalent(b, a)).isFalse();
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {"\\text{odd}|odd", "\\text{Evelyn}|\\textbf{Evelyn}", "\\text{(C)}|C", "\\text{A,D}|D, A",
            "\\text{B, E, G}|\\text{G,E,B}", "5\\text{ cm}|5", "xy|yx", "\\mathbf{a}+\\mathbf{b}|\\mathbf{b}+\\mathbf{a}"})
    void equalWordsAndProductsOfVariablesStayEqual(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isTrue();
        assertThat(MathEquivalence.equivalent(b, a)).isTrue();
    }

    @Test
    void lmEvalGradingComparesTextWordsAsTextToo() {
        String dod = "Final Answer: The final answer is $\\text{dod}$. I hope it is correct.";
        String odd = "Final Answer: The final answer is $\\text{odd}$. I hope it is correct.";
        assertThat(minerva(dod, "\\text{odd}").value()).isEqualTo(0.0);
        assertThat(minerva(odd, "\\text{odd}").value()).isEqualTo(1.0);
    }

    private static Score minerva(String reply, String reference) {
        Sample s = new Sample("1", List.of(ChatMessage.user("Problem")), List.of(reference), List.of(), Map.of("subject", "algebra", "level", 1));
        return new MinervaScorer().score(TaskState.start(s, 0).withOutput(new GenerateResponse(reply, null, "stop", null, null, null, "t")));
    }

    /**
     * M5: v2 read any "digits,three digits" answer as one number, so MATH idx 4791's two solutions {@code 70,110} took
     * 70110 and refused the same set in another order, though a bare list is unordered.
     */
    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {"110, 70|70,110", "70, 110|70,110", "110,70|70,110", "1,000, 2|2, 1,000"})
    void aThousandsShapedAnswerIsAListBesideAList(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isTrue();
        assertThat(MathEquivalence.equivalent(b, a)).isTrue();
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource(delimiter = '|', value = {"15600|15,600", "61328|61,328", "1000000|1,000,000", "-1234.5|-1,234.5", "70110|70,110",
            "10080|10,\\!080", "8880|8{,}880", "11111111100|11,\\! 111,\\! 111,\\! 100", "\\frac{12}{5525}|\\frac{12}{5,\\!525}",
            "\\$32348|\\$32,\\!348"})
    void aThousandsShapedAnswerIsANumberBesideANumber(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isTrue();
        assertThat(MathEquivalence.equivalent(b, a)).isTrue();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {"110, 7|70,110", "70, 110, 5|70,110", "15600|15,601", "1,0000|10000", "(1,\\!000)|(1, 000)"})
    void listsAndNumbersStillDifferWhereTheyDiffer(String a, String b) {
        assertThat(MathEquivalence.equivalent(a, b)).isFalse();
        assertThat(MathEquivalence.equivalent(b, a)).isFalse();
    }

    @Test
    void latexSeparatorsAreNeverAListsComma() {
        assertThat(MathEquivalence.equivalent("10,\\!080", "80, 10")).isFalse();
        assertThat(MathEquivalence.equivalent("8{,}880", "880, 8")).isFalse();
    }
}
