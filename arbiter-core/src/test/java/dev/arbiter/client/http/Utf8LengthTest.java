package dev.arbiter.client.http;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The answer cap's fast byte count agrees with its code-point walk, lone surrogates included. */
class Utf8LengthTest {
    private static long byCodePoints(String s) {
        long used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            used += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
        }
        return used;
    }

    @Test
    void countsTheBytesTheCodePointWalkCounts() {
        char[] alphabet = {'a', ' ', '\n', 'é', 'ß', '☃', '中', '\uD83D', '\uDE00', '\uDBFF', '\uDFFF', '\u07FF', '\u0800', '\u007F'};
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(10); k > 0; k--) b.append(alphabet[random.nextInt(alphabet.length)]);
            assertThat(ResponseAssembler.utf8Length(b.toString())).as("[%s]", b).isEqualTo(byCodePoints(b.toString()));
        }
    }
}
