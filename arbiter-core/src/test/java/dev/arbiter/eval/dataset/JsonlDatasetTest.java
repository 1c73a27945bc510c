package dev.arbiter.eval.dataset;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonlDatasetTest {
    @TempDir Path dir;

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static List<Sample> load(Path p) {
        return CustomDatasetLoader.load(p, LoadOptions.DEFAULT).dataset().samples();
    }

    @Test
    void readsTextInputsTargetsAndOptionalFields() throws Exception {
        Path p = write("qa.jsonl", """
                {"id": "q1", "input": "Capital of France?", "target": "Paris", "metadata": {"topic": "geo", "level": 2}}
                {"input": "2+2?", "target": ["4", "four"], "system": "Answer tersely."}

                {"id": 7, "input": "Pick", "target": "B", "choices": ["x", "y"]}
                """);
        List<Sample> s = load(p);
        assertThat(s).extracting(Sample::id).containsExactly("q1", "2", "7");
        assertThat(s.get(0).input()).containsExactly(ChatMessage.user("Capital of France?"));
        assertThat(s.get(0).metadata()).containsEntry("topic", "geo").containsEntry("level", 2);
        assertThat(s.get(1).target()).containsExactly("4", "four");
        assertThat(s.get(1).input()).containsExactly(ChatMessage.system("Answer tersely."), ChatMessage.user("2+2?"));
        assertThat(s.get(2).choices()).containsExactly("x", "y");
    }

    @Test
    void theDefaultIdIsTheLineNumber() throws Exception {
        Path p = write("d.jsonl", "\n{\"input\": \"a\", \"target\": \"b\"}\n");
        assertThat(load(p).get(0).id()).isEqualTo("1");
    }

    @Test
    void anInputMayBeAChatConversation() throws Exception {
        Path p = write("chat.jsonl", """
                {"input": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}, {"role": "user", "content": "Name a colour"}], "target": "red"}
                """);
        assertThat(load(p).get(0).input()).hasSize(4).last().isEqualTo(ChatMessage.user("Name a colour"));
    }

    @Test
    void recordsThePathAndTheSha256OfTheFileBytes() throws Exception {
        String content = "{\"input\": \"a\", \"target\": \"b\"}\r\n";
        Path p = write("h.jsonl", content);
        var d = CustomDatasetLoader.load(p, LoadOptions.DEFAULT).dataset();
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        assertThat(d.sha256()).isEqualTo(expected);
        assertThat(d.path()).isEqualTo(p.toString());
        assertThat(d.name()).isEqualTo("h");
    }

    @Test
    void aRelativePathIsRecordedAbsoluteSoTheRunSaysWhichFileItUsed() throws Exception {
        Path p = write("rel.jsonl", "{\"input\": \"a\", \"target\": \"b\"}\n");
        Path relative = Path.of("").toAbsolutePath().relativize(p);
        var d = CustomDatasetLoader.load(relative, LoadOptions.DEFAULT).dataset();
        assertThat(d.path()).isEqualTo(p.toAbsolutePath().normalize().toString());
    }

    @Test
    void malformedJsonNamesFileAndLine() throws Exception {
        Path p = write("data.jsonl", "{\"input\": \"a\", \"target\": \"b\"}\n{\"input\": \"a\", \"target\": }\n");
        assertThatThrownBy(() -> load(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("data.jsonl line 2: not valid JSON");
    }

    @Test
    void aMissingTargetNamesFileLineAndField() throws Exception {
        Path p = write("data.jsonl", "{\"input\": \"a\", \"target\": \"b\"}\n".repeat(6) + "{\"input\": \"a\"}\n");
        assertThatThrownBy(() -> load(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("data.jsonl line 7, field 'target': missing");
    }

    @Test
    void aWrongTypeNamesWhatWasExpected() throws Exception {
        Path p = write("data.jsonl", "{\"input\": \"a\", \"target\": {\"x\": 1}}\n");
        assertThatThrownBy(() -> load(p)).hasMessageStartingWith("data.jsonl line 1, field 'target': expected text or a list of texts, got an object");
        Path q = write("q.jsonl", "{\"input\": 5, \"target\": \"x\"}\n");
        assertThatThrownBy(() -> load(q)).hasMessageContaining("field 'input': expected text or a list of {role, content} messages, got a number");
        Path r = write("r.jsonl", "{\"input\": [{\"role\": \"robot\", \"content\": \"x\"}], \"target\": \"x\"}\n");
        assertThatThrownBy(() -> load(r)).hasMessageContaining("field 'input': message 1: role must be system, user or assistant");
        Path m = write("m.jsonl", "{\"input\": \"x\", \"target\": \"x\", \"metadata\": [1]}\n");
        assertThatThrownBy(() -> load(m)).hasMessageContaining("field 'metadata': expected a JSON object, got a list");
    }

    @Test
    void aLineThatIsNotAnObjectIsRejected() throws Exception {
        Path p = write("data.jsonl", "[\"input\", \"target\"]\n");
        assertThatThrownBy(() -> load(p)).hasMessageStartingWith("data.jsonl line 1: expected a JSON object, got a list");
    }

    @Test
    void fieldsCanBeMappedToTheFilesOwnNames() throws Exception {
        Path p = write("m.jsonl", "{\"qid\": \"a1\", \"question\": \"Why?\", \"answer\": \"Because\"}\n");
        FieldMap map = FieldMap.parse(List.of("input=question", "target=answer", "id=qid"));
        Sample s = CustomDatasetLoader.load(p, LoadOptions.DEFAULT.withFields(map)).dataset().samples().get(0);
        assertThat(s.id()).isEqualTo("a1");
        assertThat(s.firstTarget()).isEqualTo("Because");
    }

    @Test
    void aMappedFieldThatIsMissingIsNamedAsInTheFile() throws Exception {
        Path p = write("m.jsonl", "{\"question\": \"Why?\", \"target\": \"x\"}\n");
        FieldMap map = FieldMap.parse(List.of("input=prompt"));
        assertThatThrownBy(() -> CustomDatasetLoader.load(p, LoadOptions.DEFAULT.withFields(map)))
                .hasMessageStartingWith("m.jsonl line 1, field 'prompt': missing");
    }

    @Test
    void skipInvalidSkipsBadRowsAndReportsThem() throws Exception {
        Path p = write("data.jsonl", """
                {"input": "a", "target": "1"}
                {"input": "b"}
                not json
                {"input": "c", "target": "3"}
                """);
        LoadedDataset d = CustomDatasetLoader.load(p, LoadOptions.DEFAULT.withSkipInvalid(true));
        assertThat(d.dataset().samples()).extracting(Sample::id).containsExactly("1", "4");
        assertThat(d.skipped()).extracting(DataProblem::line).containsExactly(2, 3);
        assertThat(d.skipped().get(0).toString()).isEqualTo("data.jsonl line 2, field 'target': missing");
    }

    @Test
    void withoutSkipInvalidTheErrorCountsTheOtherBadRows() throws Exception {
        Path p = write("data.jsonl", "{\"input\": \"b\"}\nnope\n{\"input\": \"c\", \"target\": \"3\"}\n");
        assertThatThrownBy(() -> load(p)).hasMessageContaining("line 1").hasMessageContaining("and 1 more bad rows")
                .hasMessageContaining("--skip-invalid");
    }

    @Test
    void duplicateIdsAreAnErrorEvenWhenSkippingInvalidRows() throws Exception {
        Path p = write("data.jsonl", "{\"id\": \"x\", \"input\": \"a\", \"target\": \"1\"}\n{\"id\": \"x\", \"input\": \"b\", \"target\": \"2\"}\n");
        assertThatThrownBy(() -> CustomDatasetLoader.load(p, LoadOptions.DEFAULT.withSkipInvalid(true)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("data.jsonl line 2, field 'id': duplicate id 'x' (first used on line 1)");
    }

    @Test
    void aTargetIsOptionalWhenTheScorerNeedsNone() throws Exception {
        Path p = write("d.jsonl", "{\"input\": \"Write a poem\"}\n");
        var s = CustomDatasetLoader.load(p, LoadOptions.DEFAULT.withRequireTarget(false)).dataset().samples();
        assertThat(s.get(0).target()).isEmpty();
    }

    @Test
    void aByteOrderMarkIsIgnoredAndNullMetadataValuesDropped() throws Exception {
        Path p = write("bom.jsonl", "\uFEFF{\"input\": \"a\", \"target\": \"b\", \"metadata\": {\"k\": null, \"j\": 1}}\n");
        assertThat(load(p).get(0).metadata()).isEqualTo(Map.of("j", 1));
    }

    @Test
    void aMissingFileIsUnavailableAndAnEmptyOneIsInvalid() throws Exception {
        assertThatThrownBy(() -> load(dir.resolve("none.jsonl"))).isInstanceOf(UnavailableException.class);
        Path p = write("empty.jsonl", "\n\n");
        assertThatThrownBy(() -> load(p)).isInstanceOf(InvalidInputException.class).hasMessage("empty.jsonl: no samples");
    }

    @Test
    void bytesThatAreNotUtf8AreRejected() throws Exception {
        Path p = dir.resolve("latin1.jsonl");
        Files.write(p, "{\"input\": \"caf\u00e9\", \"target\": \"x\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> load(p)).isInstanceOf(InvalidInputException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void aReplacementCharacterWrittenAsSuchIsText() throws Exception {
        // U+FFFD in the file (EF BF BD): valid UTF-8, kept; the same bytes with a stray 0xFF beside them are not.
        Path ok = write("fffd.jsonl", "\uFEFF{\"input\": \"broken \uFFFD glyph\", \"target\": \"x\"}\n");
        assertThat(load(ok).get(0).input().get(0).content()).isEqualTo("broken \uFFFD glyph");
        Path bad = dir.resolve("fffd-bad.jsonl");
        byte[] good = "{\"input\": \"\uFFFD\", \"target\": \"x\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] withStray = java.util.Arrays.copyOf(good, good.length + 1);
        withStray[good.length] = (byte) 0xFF;
        Files.write(bad, withStray);
        assertThatThrownBy(() -> load(bad)).isInstanceOf(InvalidInputException.class).hasMessageContaining("not UTF-8");
    }

    @Test
    void aNumericTargetIsTheNumberAsWrittenInTheFile() throws Exception {
        // Read as doubles, these were "3.1", "1000000.0", "1.0E21" and "1.0E-5": an exact answer "3.10" scored 0.
        Path p = write("n.jsonl", """
                {"input": "a", "target": 3.10}
                {"input": "b", "target": 1e6}
                {"input": "c", "target": [1e21, 0.00001]}
                {"input": "d", "target": 2E3, "choices": [0.50, 2E3]}
                """);
        List<Sample> s = load(p);
        assertThat(s).extracting(Sample::target).containsExactly(List.of("3.10"), List.of("1e6"), List.of("1e21", "0.00001"), List.of("2E3"));
        assertThat(s.get(3).choices()).containsExactly("0.50", "2E3");
        Path csv = write("n.csv", "input,target\na,3.10\nb,1e6\n");
        assertThat(load(csv)).extracting(Sample::firstTarget).containsExactly("3.10", "1e6");
    }

    @Test
    void aBlankTargetIsMissingAsAnEmptyOneIs() throws Exception {
        // "" was refused but "  " and [""] loaded, and were then scored 0 every time.
        for (String target : List.of("\"\"", "\"  \"", "[]")) {
            Path p = write("b.jsonl", "{\"input\": \"a\", \"target\": \"a\"}\n{\"input\": \"a\", \"target\": " + target + "}\n");
            assertThatThrownBy(() -> load(p)).as(target).hasMessageStartingWith("b.jsonl line 2, field 'target': missing");
        }
        Path list = write("l.jsonl", "{\"input\": \"a\", \"target\": [\"x\", \" \"]}\n");
        assertThatThrownBy(() -> load(list)).hasMessageStartingWith("l.jsonl line 1, field 'target': item 2 is blank");
        Path choice = write("c.jsonl", "{\"input\": \"a\", \"target\": \"x\", \"choices\": [\"x\", \"\"]}\n");
        assertThatThrownBy(() -> load(choice)).hasMessageStartingWith("c.jsonl line 1, field 'choices': item 2 is blank");
    }

    @Test
    void aStringLongerThanJacksonsDefaultLimitLoads() throws Exception {
        // Jackson refuses strings over 20,000,000 characters by default, with a length that was not the string's.
        String big = "x".repeat(20_000_001);
        Path p = write("big.jsonl", "{\"input\": \"" + big + "\", \"target\": \"y\"}\n");
        assertThat(load(p).get(0).input().get(0).content()).hasSize(20_000_001);
    }

    @Test
    void bytesThatAreNotUtf8NameTheirLine() throws Exception {
        Path p = dir.resolve("latin1.jsonl");
        String good = "{\"input\": \"cafe\", \"target\": \"x\"}\n".repeat(300);
        Files.write(p, (good + "{\"input\": \"caf\u00e9\", \"target\": \"x\"}\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> load(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("latin1.jsonl line 301: not UTF-8 text (byte 0xE9)");
    }

    @Test
    void aChoiceTargetThatNamesTwoOptionsIsRefusedAtLoad() throws Exception {
        // Read as a 0-based index, "3" was D; it is also the text of C: the row was scored against D.
        Path p = write("c.jsonl", """
                {"input": "q", "target": "C", "choices": ["1", "2", "3", "4"]}
                {"input": "q", "target": "3", "choices": ["1", "2", "3", "4"]}
                """);
        assertThatThrownBy(() -> load(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("c.jsonl line 2, field 'target': '3' names two options: C by its text, D as a 0-based index");
        Path letters = write("l.jsonl", "{\"input\": \"q\", \"target\": \"A\", \"choices\": [\"B\", \"A\", \"C\"]}\n");
        assertThatThrownBy(() -> load(letters))
                .hasMessageStartingWith("l.jsonl line 1, field 'target': 'A' names two options: B by its text, A as a letter");
        Path none = write("n.jsonl", "{\"input\": \"q\", \"target\": \"E\", \"choices\": [\"x\", \"y\"]}\n");
        assertThatThrownBy(() -> load(none)).hasMessageStartingWith("n.jsonl line 1, field 'target': 'E' is not one of the 2 choices");
    }

    @Test
    void aChoiceTargetWithOneReadingLoads() throws Exception {
        Path p = write("c.jsonl", """
                {"input": "q", "target": "10", "choices": ["5", "10", "15", "20"]}
                {"input": "q", "target": 1, "choices": ["x", "y"]}
                {"input": "q", "target": "2", "choices": ["0", "1", "2", "3"]}
                """);
        assertThat(load(p)).hasSize(3);
    }
}
