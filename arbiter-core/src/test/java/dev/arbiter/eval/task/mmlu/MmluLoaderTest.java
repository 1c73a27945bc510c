package dev.arbiter.eval.task.mmlu;

import dev.arbiter.error.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MmluLoaderTest {
    @Test
    void readsHendrycksCsvsWithCrlfQuotesAndEmbeddedNewlines() {
        List<MmluQuestion> qs = MmluLoader.load(MmluFixtures.hendrycks(), "test");
        assertThat(qs).hasSize(6);
        assertThat(qs).extracting(MmluQuestion::subject).containsExactly("abstract_algebra", "abstract_algebra", "abstract_algebra",
                "abstract_algebra", "high_school_us_history", "high_school_us_history");
        MmluQuestion quoted = qs.get(3);
        assertThat(quoted.question()).isEqualTo("Which ring has characteristic 0?\nConsider \"Z\", \"Z_3\" and \"2Z\".");
        assertThat(quoted.choices()).containsExactly("Z_3 only", "Z and 2Z", "Z_3 x Z_3", "None of the above");
        assertThat(quoted.answerLetter()).isEqualTo("B");
        assertThat(qs.get(4).question()).contains("\"The House has passed the bill, 1,000 copies").endsWith("Which body acted first?");
        assertThat(qs).allSatisfy(q -> assertThat(q.choices()).noneMatch(c -> c.contains("\r")));
        assertThat(qs.get(4).id()).isEqualTo("high_school_us_history/0");
    }

    @Test
    void readsTheDevSplitBesideTheTestSplit() {
        List<MmluQuestion> dev = MmluLoader.load(MmluFixtures.hendrycks(), "dev");
        assertThat(dev).hasSize(10);
        assertThat(dev.get(0).question()).startsWith("Find all c in Z_3");
    }

    @Test
    void readsMmmluCsvByHeaderIgnoringTheIndexColumn() {
        List<MmluQuestion> qs = MmluLoader.load(MmluFixtures.mmmluFrench(), "test");
        assertThat(qs).hasSize(3);
        assertThat(qs.get(1).question()).isEqualTo("Quel anneau a une caractéristique nulle ?\nOn considère « Z », \"Z_3\" et 2Z.");
        assertThat(qs.get(1).subject()).isEqualTo("abstract_algebra");
        assertThat(qs.get(2).choices().get(0)).isEqualTo("L'achat de la Louisiane");
        assertThat(qs.get(2).id()).isEqualTo("high_school_us_history/0");
    }

    @Test
    void readsJsonlWithAnswerAsIndexOrLetter() {
        List<MmluQuestion> qs = MmluLoader.load(MmluFixtures.jsonl(), "test");
        assertThat(qs).extracting(MmluQuestion::answerLetter).containsExactly("B", "B", "A");
        assertThat(qs.get(1).question()).isEqualTo("Which ring has characteristic 0?\nConsider \"Z\".");
    }

    @Test
    void rejectsAnAnswerThatIsNotAnOptionLetterNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path test = Files.createDirectories(dir.resolve("test"));
        Files.writeString(test.resolve("anatomy_test.csv"), "\"Q1\nspans two lines\",a,b,c,d,A\r\nQ2,a,b,c,d,E\r\n");
        assertThatThrownBy(() -> MmluLoader.load(dir, "test"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("anatomy_test.csv:3:").hasMessageContaining("got 'E'");
    }

    @Test
    void rejectsACsvWithoutTheMmmluHeader(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.csv");
        Files.writeString(f, "What?,a,b,c,d,A\n");
        assertThatThrownBy(() -> MmluLoader.load(f, "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("header must name Question");
    }

    @Test
    void rejectsAJsonlAnswerOutsideTheChoices(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("q.jsonl");
        Files.writeString(f, "{\"question\":\"q\",\"choices\":[\"a\",\"b\"],\"answer\":2}\n");
        assertThatThrownBy(() -> MmluLoader.load(f, "test"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("q.jsonl:1:").hasMessageContaining("answer");
    }
}
