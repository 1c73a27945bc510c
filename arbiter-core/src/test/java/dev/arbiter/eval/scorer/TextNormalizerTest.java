package dev.arbiter.eval.scorer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {
    @ParameterizedTest(name = "SQuAD normalises [{0}] to [{1}]")
    @CsvSource(delimiter = '|', value = {
            "The Eiffel Tower.|eiffel tower",
            "  an   apple  |apple",
            "Theatre|theatre",
            "state-of-the-art|stateoftheart",
            "“Quoted” — text…|quoted text",
            "$1,000|1000",
            "ANSWER|answer"})
    void squadNormalisationMatchesTheReferenceScript(String in, String out) {
        assertThat(TextNormalizer.SQUAD.apply(in)).isEqualTo(out);
    }

    @ParameterizedTest(name = "only case+whitespace: [{0}] to [{1}]")
    @CsvSource(delimiter = '|', value = {
            "The  Eiffel\tTower.|the eiffel tower.",
            " An apple |an apple"})
    void lenientKeepsPunctuationAndArticles(String in, String out) {
        assertThat(TextNormalizer.LENIENT.apply(in)).isEqualTo(out);
    }

    @org.junit.jupiter.api.Test
    void tabsAndNewlinesCollapseToOneSpace() {
        assertThat(TextNormalizer.SQUAD.apply("A\tcat,\n the dog!")).isEqualTo("cat dog");
    }

    @org.junit.jupiter.api.Test
    void eachStepCanBeSwitchedOffOnItsOwn() {
        String in = " The Cat. ";
        assertThat(new TextNormalizer(false, true, true, true).apply(in)).isEqualTo("Cat");
        assertThat(new TextNormalizer(true, false, true, true).apply(in)).isEqualTo("   cat ");
        assertThat(new TextNormalizer(true, true, false, true).apply(in)).isEqualTo("cat.");
        assertThat(new TextNormalizer(true, true, true, false).apply(in)).isEqualTo("the cat");
        assertThat(TextNormalizer.NONE.apply(in)).isEqualTo(in);
    }
}
