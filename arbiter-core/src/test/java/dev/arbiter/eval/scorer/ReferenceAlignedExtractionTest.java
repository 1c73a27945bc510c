package dev.arbiter.eval.scorer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** Extraction and matching rules aligned with the reference harnesses (issue 10). */
class ReferenceAlignedExtractionTest {
    @Test
    void aLetterAfterAColonIsTheBareLetterFallbackOfLmEval() {
        assertThat(ChoiceExtractor.extract("After weighing the options, I pick: B", 4, List.of())).isEqualTo(OptionalInt.of(1));
        assertThat(ChoiceExtractor.extract("My choice: C\nbecause it fits", 4, List.of())).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void aWordAfterAColonIsNotALetter() {
        assertThat(ChoiceExtractor.extract("Reason: Because the sky is blue", 4, List.of())).isEmpty();
    }

    @Test
    void includesCaseFoldsAsInspectDoes() {
        var scorer = new IncludesScorer(TextNormalizer.LENIENT);
        assertThat(scorer.score(States.answered("Die STRASSE ist lang", "straße")).value()).isEqualTo(1.0);
        assertThat(scorer.score(States.answered("ΟΔΟΣ", "οδος")).value()).isEqualTo(1.0);
    }
}
