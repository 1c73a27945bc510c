package dev.arbiter.eval.dataset;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvDatasetTest {
    @TempDir Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, content.getBytes(StandardCharsets.UTF_8));
        return p;
    }

    private static List<Sample> load(Path p) {
        return CustomDatasetLoader.load(p, LoadOptions.DEFAULT).dataset().samples();
    }

    @Test
    void readsCrlfCsvWithQuotesCommasAndEmbeddedNewlines() throws Exception {
        Path p = write("data.csv", "id,input,target\r\n"
                + "a,\"Line one,\r\nline two\",\"He said \"\"hi\"\"\"\r\n"
                + "b,plain,x\r\n");
        List<Sample> s = load(p);
        assertThat(s).extracting(Sample::id).containsExactly("a", "b");
        assertThat(s.get(0).input()).containsExactly(ChatMessage.user("Line one,\nline two"));
        assertThat(s.get(0).firstTarget()).isEqualTo("He said \"hi\"");
    }

    @Test
    void aByteOrderMarkDoesNotBecomePartOfTheFirstColumnName() throws Exception {
        Path p = write("bom.csv", "\uFEFFinput,target\nq,a\n");
        assertThat(load(p).get(0).firstTarget()).isEqualTo("a");
    }

    @Test
    void lineNumbersCountTheLinesOfMultiLineRows() throws Exception {
        Path p = write("data.csv", "input,target\r\n\"two\r\nlines\",x\r\nthree,\r\n");
        assertThatThrownBy(() -> load(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("data.csv line 4, field 'target': missing");
    }

    @Test
    void theDefaultIdIsTheDataRowNumber() throws Exception {
        Path p = write("d.csv", "input,target\n\"multi\nline\",x\n\nsecond,y\n");
        assertThat(load(p)).extracting(Sample::id).containsExactly("1", "2");
    }

    @Test
    void choicesMayBeAJsonListOrPipeSeparated() throws Exception {
        Path p = write("mc.csv", "input,target,choices\nQ1,B,\"[\"\"red, dark\"\", \"\"blue\"\"]\"\nQ2,A,yes | no|maybe\n");
        List<Sample> s = load(p);
        assertThat(s.get(0).choices()).containsExactly("red, dark", "blue");
        assertThat(s.get(1).choices()).containsExactly("yes", "no", "maybe");
    }

    @Test
    void targetsAndInputsMayBeJsonInsideCells() throws Exception {
        Path p = write("j.csv", "input,target,metadata\n"
                + "\"[{\"\"role\"\": \"\"user\"\", \"\"content\"\": \"\"hi\"\"}]\",\"[\"\"a\"\", \"\"b\"\"]\",\"{\"\"k\"\": 1}\"\n"
                + "[not json] is text,plain,\n");
        List<Sample> s = load(p);
        assertThat(s.get(0).input()).containsExactly(ChatMessage.user("hi"));
        assertThat(s.get(0).target()).containsExactly("a", "b");
        assertThat(s.get(0).metadata()).containsEntry("k", 1);
        assertThat(s.get(1).input()).containsExactly(ChatMessage.user("[not json] is text"));
    }

    @Test
    void columnsCanBeMapped() throws Exception {
        Path p = write("m.csv", "question,answer\nWhy?,Because\n");
        FieldMap map = FieldMap.parse(List.of("input=question", "target=answer"));
        Sample s = CustomDatasetLoader.load(p, LoadOptions.DEFAULT.withFields(map)).dataset().samples().get(0);
        assertThat(s.input()).containsExactly(ChatMessage.user("Why?"));
        assertThat(s.firstTarget()).isEqualTo("Because");
    }

    @Test
    void aMissingColumnIsReportedOnceFromTheHeader() throws Exception {
        Path p = write("m.csv", "question,answer\nWhy?,Because\n");
        assertThatThrownBy(() -> load(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("m.csv line 1: no column 'input' for the input (columns: question, answer");
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsAProblemThatCanBeSkipped() throws Exception {
        Path p = write("r.csv", "input,target\na,1\nb\nc,3,extra\nd,4\n");
        assertThatThrownBy(() -> load(p)).hasMessageStartingWith("r.csv line 3: row has 1 fields, the header has 2");
        LoadedDataset d = CustomDatasetLoader.load(p, LoadOptions.DEFAULT.withSkipInvalid(true));
        assertThat(d.dataset().samples()).extracting(Sample::firstTarget).containsExactly("1", "4");
        assertThat(d.skipped()).extracting(DataProblem::line).containsExactly(3, 4);
    }

    @Test
    void anUnclosedQuoteIsMalformedCsv() throws Exception {
        Path p = write("u.csv", "input,target\n\"open,1\nb,2\n");
        assertThatThrownBy(() -> load(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("u.csv: malformed CSV").hasMessageContaining("startline 2");
    }

    @Test
    void aBadJsonChoicesCellNamesTheField() throws Exception {
        Path p = write("c.csv", "input,target,choices\nq,A,[oops\n");
        assertThatThrownBy(() -> load(p)).hasMessageStartingWith("c.csv line 2, field 'choices': starts with '[' but is not a JSON list");
    }

    @Test
    void tsvUsesTabs() throws Exception {
        Path p = write("t.tsv", "input\ttarget\nhello, world\tx\n");
        assertThat(load(p).get(0).input()).containsExactly(ChatMessage.user("hello, world"));
    }

    @Test
    void aTsvCellIsTextAsWrittenQuotesIncluded() throws Exception {
        // TSV has no quoting: a cell that began with a quote failed the whole file as "malformed CSV".
        Path p = write("q.tsv", "input\ttarget\n\"Hello,\" she said\tx\nsay \"\"hi\"\"\t\"y\"\n");
        List<Sample> s = load(p);
        assertThat(s.get(0).input()).containsExactly(ChatMessage.user("\"Hello,\" she said"));
        assertThat(s.get(1).input()).containsExactly(ChatMessage.user("say \"\"hi\"\""));
        assertThat(s.get(1).firstTarget()).isEqualTo("\"y\"");
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLine() throws Exception {
        Path p = dir.resolve("latin1.csv");
        Files.write(p, ("input,target\n" + "cafe,x\n".repeat(299) + "caf\u00e9,x\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> load(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("latin1.csv line 301: not UTF-8 text (byte 0xE9)");
    }

    @Test
    void theDatasetRecordsHowManyRowsWereSkippedAndWhere() throws Exception {
        Path p = write("s.csv", "input,target\na,1\nb\nc,3\nd,4\n");
        var d = CustomDatasetLoader.load(p, LoadOptions.DEFAULT.withSkipInvalid(true)).dataset();
        assertThat(d.samples()).hasSize(3);
        assertThat(d.skipped()).isEqualTo(new dev.arbiter.eval.SkippedRows(1, List.of("s.csv:3")));
        Path clean = write("c.csv", "input,target\na,1\n");
        assertThat(CustomDatasetLoader.load(clean, LoadOptions.DEFAULT.withSkipInvalid(true)).dataset().skipped()).isNull();
    }
}
