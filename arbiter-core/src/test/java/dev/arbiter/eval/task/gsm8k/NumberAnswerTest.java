package dev.arbiter.eval.task.gsm8k;

import dev.arbiter.testing.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NumberAnswerTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1,000|1000", "1,000.00|1000", "$18|18", "18.0|18", "18.|18", "50%|50", "-3|-3", "0.50|0.5",
            "$ 1,234.5|1234.5", "-0|0", "007|7", "abc|", "-|", "''|"})
    void normalisesNumbers(String raw, String expected) {
        assertThat(NumberAnswer.normalise(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "So she makes $18. The answer is 18.|18|ANSWER_IS",
            "The answer is $1,200.|1200|ANSWER_IS",
            "The final answer is: 42|42|ANSWER_IS",
            "Work... #### 72|72|HASHES",
            "The answer is 5. Wait, I erred. The answer is 7.|7|ANSWER_IS",
            "#### 3 then The answer is 4|4|ANSWER_IS",
            "Therefore the total is \\boxed{1,000}.|1000|BOXED",
            "She has 3 apples and 4 pears, 7 in all.|7|LAST_NUMBER",
            "I cannot say.||NONE"})
    void extractsTheFlexibleAnswerAndSaysWhereItCameFrom(String text, String value, NumberAnswer.Source source) {
        NumberAnswer.Extraction e = NumberAnswer.flexible(text);
        assertThat(e.value()).isEqualTo(value);
        assertThat(e.source()).isEqualTo(source);
    }

    /** Arbiter's own reading where it used to take the wrong number (lm-eval's flexible-extract takes the last number). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // after a cue, an arithmetic chain ending in "= N" gives N
            "The answer is 3 + 15 = 18.|18|ANSWER_IS",
            "The answer is 2 * 9 = 18 dollars.|18|ANSWER_IS",
            "The answer is 5 x 3 = 15.|15|ANSWER_IS",
            "The answer is 20 - 2 = 9 + 9 = 18|18|ANSWER_IS",
            "#### 3 + 15 = 18|18|HASHES",
            "The answer is 3 + 15 = 18 + 2|3|ANSWER_IS",
            "The answer is 18. Then 3 + 4 = 7.|18|ANSWER_IS",
            // a final \boxed{} wins over an earlier cue; a later cue over an earlier box
            "So the answer is 5 apples for Tom, and 1 more for Ann: the final answer is $\\boxed{6}$.|6|BOXED",
            "\\boxed{5} was wrong. The answer is 6.|6|ANSWER_IS",
            // LaTeX thousands separators
            "\\boxed{1,\\!000}|1000|BOXED",
            "\\boxed{1{,}000}|1000|BOXED",
            "\\boxed{1\\,000}|1000|BOXED",
            "The answer is $1{,}250{,}000$.|1250000|ANSWER_IS",
            "She pays \\$12\\,500 in all.|12500|LAST_NUMBER",
            "\\boxed{18\\text{ dollars}}|18|BOXED"})
    void readsTheFinalAnswerWhereAnEarlierNumberOrALatexSeparatorMisledIt(String text, String value, NumberAnswer.Source source) {
        NumberAnswer.Extraction e = NumberAnswer.flexible(text);
        assertThat(e.value()).isEqualTo(value);
        assertThat(e.source()).isEqualTo(source);
    }

    @Test
    void nestedBoxesGiveTheLastBoxThatHoldsANumber() {
        assertThat(NumberAnswer.flexible("\\boxed{\\boxed{7} apples}").value()).isEqualTo("7");
        assertThat(NumberAnswer.flexible("\\boxed{3} then \\boxed{\\text{none}}").value()).isEqualTo("3");
        // a box left open hides the boxes after it (the rest of the text is inside it)
        assertThat(NumberAnswer.flexible("\\boxed{4} \\boxed{5 \\boxed{6}").value()).isEqualTo("4");
        // untrusted text: 20,000 nested boxes are read once, the innermost number found
        String deep = "\\boxed{".repeat(20_000) + "7" + "}".repeat(20_000);
        assertThat(NumberAnswer.flexible(deep).value()).isEqualTo("7");
    }

    @Test
    void strictExtractionIgnoresBoxedAndBareNumbers() {
        assertThat(NumberAnswer.strict("so \\boxed{5}").source()).isEqualTo(NumberAnswer.Source.NONE);
        assertThat(NumberAnswer.strict("it is 5").value()).isNull();
    }

    @Test
    void everyTestReferenceSolutionExtractsToItsOwnAnswer() {
        List<Gsm8kProblem> problems = Gsm8kLoader.load(SharedData.path("gsm8k/test.jsonl"));
        List<String> misses = new ArrayList<>();
        for (Gsm8kProblem p : problems) {
            NumberAnswer.Extraction e = NumberAnswer.strict(p.solution());
            if (!Gsm8kScorer.same(e.value(), p.gold())) misses.add(p.index() + ": " + e.value() + " vs " + p.gold());
        }
        assertThat(problems).hasSize(1319);
        assertThat(misses).isEmpty();
    }
}
