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

    /** CPython 3.11's str.casefold() on each: "ẞ" and "ß" are "ss", dotless "ı" stays, final "ς" is "σ". */
    @ParameterizedTest(name = "casefold [{0}] is [{1}]")
    @CsvSource(delimiter = '|', value = {
            "Stra\u1e9eE|strasse", "Straße|strasse", "KAP\u0131|kap\u0131", "KAPI|kapi", "\u0130|i\u0307",
            "ΟΔΟΣ|οδοσ", "οδος|οδοσ", "ﬁne|fine", "\u13f8\uab70|\u13f0\u13a0", "µ|μ"})
    void caseFoldIsPythons(String in, String out) {
        assertThat(TextNormalizer.caseFold(in)).isEqualTo(out);
    }

    @org.junit.jupiter.api.Test
    void pythonStripRemovesTheNoBreakSpacesJavaKeeps() {
        assertThat(PythonText.strip("\u00a0\u2007 Paris\u202f\u0085\u3000")).isEqualTo("Paris");
        assertThat(PythonText.strip("\u200bParis")).isEqualTo("\u200bParis"); // zero-width space is not space to Python
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

    /** The regex steps as they were before the ASCII fast path: the oracle the fast path must agree with. */
    private static String byRegex(TextNormalizer n, String s) {
        String t = s;
        if (n.ignoreCase()) t = TextNormalizer.caseFold(t);
        if (n.ignorePunctuation()) t = java.util.regex.Pattern.compile("[\\p{P}\\p{S}]").matcher(t).replaceAll("");
        if (n.ignoreArticles()) t = java.util.regex.Pattern.compile("(?iU)\\b(a|an|the)\\b").matcher(t).replaceAll(" ");
        if (n.ignoreWhitespace()) {
            t = java.util.regex.Pattern.compile("\\s+", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS).matcher(t).replaceAll(" ").strip();
        }
        return t;
    }

    @org.junit.jupiter.api.Test
    void asciiTextNormalisesExactlyAsTheRegexStepsDoForEveryCombinationOfSteps() {
        String[] pieces = {"a", "A", "an", "AN", "An", "the", "The", "THE", "then", "ant", "at", "_a", "a_", "a1", "1a",
                " ", "  ", "\t", "\n", "\r\n", "\u000B", "\f", "\u001C", "\u001F", ".", ",", "-", "'", "$", "+", "<", "^", "`",
                "|", "~", "!", "\"", "_", "x", "Q", "9", "\u0000", "\u007F", "\u0008"};
        java.util.Random random = new java.util.Random(19);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) b.append(pieces[random.nextInt(pieces.length)]);
            for (int flags = 0; flags < 16; flags++) {
                TextNormalizer n = new TextNormalizer((flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (flags & 8) != 0);
                assertThat(n.apply(b.toString())).as("%s on [%s]", n, b).isEqualTo(byRegex(n, b.toString()));
            }
        }
        for (char c = 0; c < 128; c++) {
            assertThat(TextNormalizer.SQUAD.apply("x" + c + "the" + c + "y")).as("char %d", (int) c)
                    .isEqualTo(byRegex(TextNormalizer.SQUAD, "x" + c + "the" + c + "y"));
        }
    }
}
