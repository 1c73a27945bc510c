package dev.arbiter.eval.engine;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.ImagePart;
import dev.arbiter.eval.Sample;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The questions' fingerprint is part of a run's settings key, which finds the run to resume: written field by field
 * for speed, it must stay the digest of the very bytes the mapper writes for [[id, input, target, choices], ...], or
 * runs started before would no longer be found.
 */
class SettingsKeyQuestionsTest {
    private static final String[] TEXTS = {"", "What is 2+2?", "quote \" back \\ slash", "lines\nand\ttabs\r",
            "control \u0001", "unicode \u00e9 \ud83d\ude00 \u2028", "</script>"};

    /** The digest as it was computed before: the mapper's JSON line of the list, streamed into SHA-256. */
    private static String throughTheMapper(List<Sample> samples) throws Exception {
        List<List<Object>> q = new ArrayList<>();
        for (Sample s : samples) q.add(List.of(s.id(), s.input(), s.target(), s.choices()));
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        RecordCodec.writeLine(q, new DigestOutputStream(OutputStream.nullOutputStream(), d));
        return HexFormat.of().formatHex(d.digest());
    }

    @Test
    void theFingerprintIsTheMappersForAnyQuestions() throws Exception {
        Random r = new Random(5);
        ImagePart image = ImagePart.of("image/png", new byte[] {9, 8, 7});
        for (int round = 0; round < 200; round++) {
            List<Sample> samples = new ArrayList<>();
            for (int i = r.nextInt(30); i > 0; i--) {
                List<ChatMessage> input = new ArrayList<>();
                for (int t = 1 + r.nextInt(3); t > 0; t--) {
                    String text = TEXTS[r.nextInt(TEXTS.length)];
                    input.add(switch (r.nextInt(4)) {
                        case 0 -> ChatMessage.system(text);
                        case 1 -> ChatMessage.assistant(text);
                        case 2 -> ChatMessage.user(text, List.of(image));
                        default -> ChatMessage.user(text);
                    });
                }
                samples.add(new Sample("s" + r.nextInt(1000), input,
                        r.nextBoolean() ? null : List.of(TEXTS[r.nextInt(TEXTS.length)], "B"),
                        r.nextBoolean() ? null : List.of("A", "B", "C", "D"), null));
            }
            assertThat(SettingsKey.questions(samples)).as("round %d", round).isEqualTo(throughTheMapper(samples));
        }
    }

    @Test
    void aPinnedQuestionListKeepsItsFingerprint() {
        // computed by the mapper path before it was replaced; a change here would orphan every stored run's key
        List<Sample> samples = List.of(new Sample("q1", List.of(ChatMessage.user("What is 2+2?")), List.of("4"), List.of(), null));
        assertThat(SettingsKey.questions(samples)).isEqualTo(PINNED);
    }

    private static final String PINNED = "530d3abdf6838a8850a94d116720ba61b4deb43409c37afecbbd667d6bbc598a";
}
