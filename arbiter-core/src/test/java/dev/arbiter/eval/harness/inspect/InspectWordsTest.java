package dev.arbiter.eval.harness.inspect;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast paths of {@link InspectWords} give what the regexes they skip give. */
class InspectWordsTest {
    /** The words besides numbers that Python's {@code float()} reads: ASCII letters in any case, a sign. */
    private static final java.util.regex.Pattern SPECIAL =
            java.util.regex.Pattern.compile("[+-]?(?:inf|infinity|nan)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Letters, digits of two scripts, a combining mark, "_", punctuation, spaces, numbers that are not digits. */
    private static final String[] PARTS = {"a", "an", "the", "e", "n", "N", "x", "The", "AN", "_", "1", "٣", "\u094d", "\u0915",
            ".", ",", "'", "\t", "\u00a0", "é", "ß", "Ⅻ", "½", "inf", "nan", "e5", "+", "-", "INFINITY", "\u0131", "y", "i", "t"};
    /** The same with a supplementary letter and digit, which Java's look-behind in the regex misreads. */
    private static final String[] WITH_SUPPLEMENTARY = concat(PARTS, "\uD835\uDC00", "\uD835\uDFCE");

    @Test
    void articlesAreDroppedAsTheRegexDropsThem() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            String p = piece(random, PARTS);
            assertThat(InspectWords.withoutArticles(p)).as("'%s'", p)
                    .isEqualTo(InspectWords.ARTICLE.matcher(p).replaceAll(" "));
        }
        // Python: re.sub(r"\b(a|an|the)\b", " ", "\U0001D7CEa") keeps it (a bold digit is \w); the regex here, whose
        // look-behind reads the digit's low surrogate alone, would drop the "a"; the word-character path does not
        assertThat(InspectWords.withoutArticles("\uD835\uDFCEa")).isEqualTo("\uD835\uDFCEa");
        assertThat(InspectWords.withoutArticles("\uD835\uDC00the")).isEqualTo("\uD835\uDC00the");
    }

    @Test
    void aTextWithNoDigitIsANumberOnlyAsInfOrNan() {
        SplittableRandom random = new SplittableRandom(12);
        int skipped = 0;
        for (int i = 0; i < 200_000; i++) {
            String p = piece(random, WITH_SUPPLEMENTARY);
            assertThat(InspectWords.special(p) != null).as("'%s'", p)
                    .isEqualTo(SPECIAL.matcher(dev.arbiter.eval.scorer.PythonText.strip(p)).matches());
            if (InspectWords.hasDigit(p)) continue;
            skipped++;
            assertThat(InspectNumber.pythonFloat(p)).as("'%s'", p).isNull();
        }
        for (String w : new String[]{"inf", " -Infinity ", "+NaN", "INF", "\u0131nf", "infinit", "--inf", "nan.", "+", ""}) {
            assertThat(InspectWords.special(w) != null).as("'%s'", w)
                    .isEqualTo(SPECIAL.matcher(dev.arbiter.eval.scorer.PythonText.strip(w)).matches());
        }
        assertThat(skipped).isGreaterThan(10_000);
        assertThat(InspectWords.number("3.10")).isEqualTo(InspectWords.number("3.1"));
        assertThat(InspectWords.number("٣")).isEqualTo("3.0");
        assertThat(InspectWords.number("\uD835\uDFCE")).isEqualTo("0.0");  // a supplementary decimal digit
        assertThat(InspectWords.number("-INF")).isEqualTo("-inf");
        assertThat(InspectWords.number("because")).isNull();
    }

    @Test
    void aPieceOfAsciiLettersGetsTheWordsTheGeneralStepsGive() {
        String[] letters = {"a", "an", "the", "The", "AN", "inf", "INFinity", "NaN", "nan", "x", "Because", "e", "i", "n", "f", "t", "y"};
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 100_000; i++) {
            String p = piece(random, letters);
            for (int flags = 0; flags < 8; flags++) {
                InspectWords w = new InspectWords((flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0);
                java.util.Set<String> fast = new java.util.HashSet<>();
                java.util.Set<String> general = new java.util.HashSet<>();
                assertThat(InspectWords.asciiLetters(p)).isTrue();
                w.letters(p, fast);
                w.anyPiece(p, general);
                assertThat(fast).as("'%s' %s", p, w).isEqualTo(general);
            }
        }
        assertThat(InspectWords.asciiLetters("")).isFalse();
        assertThat(InspectWords.asciiLetters("caf\u00e9")).isFalse();
        assertThat(InspectWords.asciiLetters("a_b")).isFalse();
    }

    private static String piece(SplittableRandom random, String[] parts) {
        StringBuilder b = new StringBuilder();
        for (int n = 1 + random.nextInt(4); n > 0; n--) b.append(parts[random.nextInt(parts.length)]);
        return b.toString();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
