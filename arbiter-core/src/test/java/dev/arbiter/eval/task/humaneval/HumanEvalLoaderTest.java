package dev.arbiter.eval.task.humaneval;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HumanEvalLoaderTest {
    static final String GOOD = "{\"task_id\": \"T/0\", \"prompt\": \"def f(x):\\n    \\\"\\\"\\\"doc\\\"\\\"\\\"\\n\", "
            + "\"entry_point\": \"f\", \"canonical_solution\": \"    return x\\n\", "
            + "\"test\": \"def check(c):\\n    assert c(1) == 1\\n\"}";
    @TempDir
    Path dir;

    @Test
    void readsAll164ProblemsFromTheGzipFile() {
        HumanEvalData d = new HumanEvalLoader().load(HumanEvalFixtures.file());

        assertThat(d.problems()).hasSize(164);
        assertThat(d.problems().get(0).taskId()).isEqualTo("HumanEval/0");
        assertThat(d.problems().get(0).entryPoint()).isEqualTo("has_close_elements");
        assertThat(d.problems().get(163).taskId()).isEqualTo("HumanEval/163");
        // SOURCE.md's digest of the file as stored
        assertThat(d.sha256()).isEqualTo("b796127e635a67f93fb35c04f4cb03cf06f38c8072ee7cee8833d7bee06979ef");
    }

    @Test
    void readsTheSameProblemsFromPlainJsonLines() throws IOException {
        Path plain = dir.resolve("HumanEval.jsonl");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(HumanEvalFixtures.file()))) {
            Files.write(plain, in.readAllBytes());
        }

        assertThat(new HumanEvalLoader().load(plain).problems())
                .isEqualTo(HumanEvalFixtures.data().problems());
    }

    @Test
    void namesTheFileLineAndMissingField() throws IOException {
        Path f = write(GOOD + "\n\n" + GOOD.replace("\"entry_point\": \"f\", ", "").replace("T/0", "T/1"));

        assertThatThrownBy(() -> new HumanEvalLoader().load(f)).isInstanceOf(InvalidInputException.class)
                .hasMessage(f + ":3: field 'entry_point' is missing (expected a string)");
    }

    @Test
    void rejectsAFieldOfTheWrongType() throws IOException {
        Path f = write(GOOD.replace("\"test\": \"def check(c):\\n    assert c(1) == 1\\n\"", "\"test\": 42"));

        assertThatThrownBy(() -> new HumanEvalLoader().load(f)).isInstanceOf(InvalidInputException.class)
                .hasMessage(f + ":1: field 'test' must be a string, got number");
    }

    @Test
    void rejectsAnEntryPointThatIsNotAnIdentifier() throws IOException {
        Path f = write(GOOD.replace("\"entry_point\": \"f\"", "\"entry_point\": \"f); import os; (\""));

        assertThatThrownBy(() -> new HumanEvalLoader().load(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(f + ":1 (T/0): entry_point must be a Python identifier");
    }

    @Test
    void rejectsBrokenJsonWithItsLine() throws IOException {
        Path f = write(GOOD + "\n{\"task_id\": \"T/1\", \"prompt\": ");

        assertThatThrownBy(() -> new HumanEvalLoader().load(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(f + ":2: not valid JSON");
    }

    @Test
    void rejectsADuplicateTaskId() throws IOException {
        Path f = write(GOOD + "\n" + GOOD + "\n");

        assertThatThrownBy(() -> new HumanEvalLoader().load(f)).hasMessage(f + ":2: duplicate task_id 'T/0'");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path f = write("\n\n");

        assertThatThrownBy(() -> new HumanEvalLoader().load(f)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no problems");
    }

    @Test
    void reportsAMissingFileAsUnavailable() {
        assertThatThrownBy(() -> new HumanEvalLoader().load(dir.resolve("nope.jsonl.gz")))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("nope.jsonl.gz");
    }

    private Path write(String text) throws IOException {
        Path f = dir.resolve("he.jsonl");
        Files.writeString(f, text);
        return f;
    }
}
