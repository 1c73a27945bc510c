package dev.arbiter.bench;

import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadTest {
    @Test
    void syntheticPromptsHaveTheirLengthAreSeededAndNeverShareAPrefixByAccident() {
        SyntheticWorkload w = new SyntheticWorkload(5, LengthSpec.fixed(100), LengthSpec.fixed(20), 2, 50);
        Conversation a = w.conversation(3);
        assertThat(a.turns()).hasSize(2);
        assertThat(a.turns().get(0).user().split(" ")).hasSize(100);
        assertThat(a.turns().get(0).outputTokens()).isEqualTo(20);
        assertThat(a.system().split(" ")).hasSize(50);
        assertThat(a.systemTokens()).isEqualTo(50);
        assertThat(w.conversation(3)).isEqualTo(a);
        assertThat(w.conversation(4).turns().get(0).user()).startsWith("#4.1:");
        assertThat(w.conversation(4).system()).isEqualTo(a.system());  // the shared prefix is shared
    }

    @Test
    void lengthsAreFixedUniformOrNormal() {
        assertThat(LengthSpec.parse("64", "--x")).isEqualTo(LengthSpec.fixed(64));
        LengthSpec u = LengthSpec.parse("10-20", "--x");
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) assertThat(u.draw(r)).isBetween(10, 20);
        LengthSpec n = LengthSpec.parse("100~10", "--x");
        double sum = 0;
        for (int i = 0; i < 4000; i++) sum += n.draw(r);
        assertThat(sum / 4000).isBetween(99.0, 101.0);
        assertThatThrownBy(() -> LengthSpec.parse("20-10", "--input-tokens")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--input-tokens");
        assertThatThrownBy(() -> LengthSpec.parse("0", "--x")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shareGptFilesGiveTheirHumanTurnsAndAnswerLengths(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sg.json");
        String q = "Explain how a bicycle stays upright when moving.";
        String a = "x".repeat(400);
        Files.writeString(f, "[{\"conversations\":[{\"from\":\"human\",\"value\":\"" + q + "\"},{\"from\":\"gpt\",\"value\":\"" + a
                + "\"}]}, {\"conversations\":[{\"from\":\"human\",\"value\":\"hi\"},{\"from\":\"gpt\",\"value\":\"hello there friend\"}]}]");
        ShareGptWorkload w = new ShareGptWorkload(f, 1, 1, null);
        assertThat(w.size()).isEqualTo(1);  // "hi" is under 4 tokens and dropped, as vLLM does
        Turn t = w.conversation(7).turns().get(0);
        assertThat(t.user()).isEqualTo(q);
        assertThat(t.outputTokens()).isEqualTo(100);
        assertThat(new ShareGptWorkload(f, 1, 1, 32).conversation(0).turns().get(0).outputTokens()).isEqualTo(32);
    }

    @Test
    void aShareGptFileThatIsNotOneSaysWhereItIsWrong(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "[{\"turns\": []}]");
        assertThatThrownBy(() -> new ShareGptWorkload(f, 1, 1, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bad.json").hasMessageContaining("entry 0");
    }
}
