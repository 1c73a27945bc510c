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
    void eachLevelsSyntheticPromptsAreItsOwnAndDependOnlyOnTheSeedAndTheLevel() {
        SyntheticWorkload w = new SyntheticWorkload(5, LengthSpec.fixed(20), LengthSpec.fixed(4), 1, 0);
        String first = w.conversation(new Workload.Slot(0, 3, 0)).turns().get(0).user();
        Conversation third = w.conversation(new Workload.Slot(2, 3, 40));
        assertThat(first).startsWith("#3.1: ").isEqualTo(w.conversation(3).turns().get(0).user());
        assertThat(third.turns().get(0).user()).startsWith("#L3.3.1: ");
        assertThat(third.turns().get(0).user().substring(8)).isNotEqualTo(first.substring(5));  // its words drawn anew
        assertThat(third.id()).isEqualTo(3);
        assertThat(w.conversation(new Workload.Slot(2, 3, 0))).isEqualTo(third);  // whatever the earlier levels sent
        assertThat(new SyntheticWorkload(5, LengthSpec.fixed(20), LengthSpec.fixed(4), 1, 0)
                .conversation(new Workload.Slot(2, 3, 40))).isEqualTo(third);
        assertThat(w.conversation(Workload.Slot.warmup(3)).turns().get(0).user()).startsWith("#W.3.1: ");
        assertThat(w.distinct()).isEmpty();
    }

    @Test
    void aShareGptLevelGoesOnWhereTheLastStoppedAndWarmUpTakesTheOtherEnd(@TempDir Path dir) throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 4; i++) {
            json.append(i == 0 ? "" : ",").append("{\"conversations\":[{\"from\":\"human\",\"value\":\"question number ")
                    .append(i).append(" about bicycles\"},{\"from\":\"gpt\",\"value\":\"an answer long enough\"}]}");
        }
        Path f = dir.resolve("sg.json");
        Files.writeString(f, json.append("]").toString());
        ShareGptWorkload w = new ShareGptWorkload(f, 1, 1, null);
        java.util.List<String> order = java.util.stream.IntStream.range(0, 4).mapToObj(i -> w.conversation(i).turns().get(0).user()).toList();
        assertThat(order).doesNotHaveDuplicates();
        assertThat(w.conversation(new Workload.Slot(1, 0, 2)).turns().get(0).user()).isEqualTo(order.get(2));
        assertThat(w.conversation(new Workload.Slot(1, 1, 2)).turns().get(0).user()).isEqualTo(order.get(3));
        assertThat(w.conversation(new Workload.Slot(2, 1, 4)).turns().get(0).user()).isEqualTo(order.get(1));  // wrapped
        assertThat(w.conversation(Workload.Slot.warmup(0)).turns().get(0).user()).isEqualTo(order.get(3));
        assertThat(w.distinct()).hasValue(4);
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

    @Test
    void datasetPromptsAreShuffledBySeedKeepTheirImagesAndWarmUpTakesTheOtherEnd() {
        dev.arbiter.client.ImagePart img = dev.arbiter.client.ImagePart.of("image/png", new byte[] {1, 2, 3});
        java.util.List<DatasetWorkload.Prompt> ps = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ps.add(new DatasetWorkload.Prompt("q" + i, i == 0 ? "be brief" : null, java.util.List.of(
                    dev.arbiter.client.ChatMessage.user("question number " + i, i == 0 ? java.util.List.of(img) : java.util.List.of()),
                    dev.arbiter.client.ChatMessage.user("follow-up " + i))));
        }
        DatasetWorkload w = new DatasetWorkload("t", "file.jsonl", ps, LengthSpec.fixed(32), 1, 4);
        java.util.List<String> firsts = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> w.conversation(i).turns().get(0).user()).toList();
        assertThat(firsts).doesNotHaveDuplicates().hasSize(10);
        assertThat(firsts).isNotEqualTo(ps.stream().map(p -> p.turns().get(0).content()).toList());  // shuffled
        assertThat(new DatasetWorkload("t", "f", ps, LengthSpec.fixed(32), 1, 4).conversation(3)).isEqualTo(w.conversation(3));
        assertThat(w.conversation(13).turns().get(0).user()).isEqualTo(firsts.get(3));  // wraps round
        assertThat(w.conversation(Workload.Slot.warmup(0)).turns().get(0).user()).isEqualTo(firsts.get(9));
        Turn t = w.conversation(0).turns().get(0);
        assertThat(t.outputTokens()).isEqualTo(32);
        assertThat(t.inputTokens()).isEqualTo(t.user().length() / 4);
        assertThat(w.conversation(0).turns()).hasSize(1);  // --turns 1 of two
        int withImage = firsts.indexOf("question number 0");
        Conversation c0 = new DatasetWorkload("t", "f", ps, LengthSpec.fixed(32), 2, 4).conversation(withImage);
        assertThat(c0.turns()).hasSize(2);
        assertThat(c0.turns().get(0).images()).containsExactly(img);
        assertThat(c0.system()).isEqualTo("be brief");
        assertThat(w.describe()).isEqualTo("dataset t (10 prompts from file.jsonl) output 32");
    }
}
