package dev.arbiter.eval.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming line reader builds the trees Jackson's object mapper builds, node type for node type. */
class JsonlReaderTest {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    @Test
    void theSameTreesAsTheMapper() throws Exception {
        List<String> lines = List.of(
                "{\"input\": \"a\", \"target\": \"b\"}",
                "{\"n\": 1, \"l\": 3000000000, \"big\": 123456789012345678901234567890, \"neg\": -7}",
                "{\"f\": 1.5, \"e\": 1e300, \"tiny\": 4.9e-324, \"z\": -0.0, \"huge\": 1e400}",
                "{\"t\": true, \"f\": false, \"n\": null, \"s\": \"\\u00e9\\n\\\"q\\\" \\ud83d\\ude00\"}",
                "{\"nested\": {\"a\": [1, [2, {\"b\": []}], {}], \"c\": {\"d\": null}}}",
                "{\"dup\": 1, \"dup\": \"last\"}",
                "  {\"padded\": \"yes\"}   ",
                "[1, 2]", "\"just a string\"", "42");
        for (String line : lines) {
            JsonNode mine = JsonlReader.tree(line);
            JsonNode theirs = MAPPER.readTree(line);
            assertThat(mine).as(line).isEqualTo(theirs);
            assertThat(classes(mine)).as(line).isEqualTo(classes(theirs));
        }
    }

    @Test
    void numbersKeepTheirWrittenText() throws Exception {
        JsonNode n = JsonlReader.tree("{\"a\": 3.10, \"b\": 1e6, \"c\": 1E21, \"d\": 0.00001, \"e\": -0.0, \"f\": 12}");
        assertThat(n.properties()).extracting(e -> e.getValue().asText())
                .containsExactly("3.10", "1e6", "1E21", "0.00001", "-0.0", "12");
        assertThat(n.get("b").doubleValue()).isEqualTo(1e6);
    }

    @Test
    void whatTheMapperRefusesIsRefused() throws Exception {
        for (String line : List.of("{\"a\": }", "{\"a\": 1} {\"b\": 2}", "{\"a\": 1} x", "{\"a\": 1", "{a: 1}", "{\"a\": 1}}")) {
            assertThatThrownBy(() -> MAPPER.readTree(line)).as(line).isInstanceOf(JsonProcessingException.class);
            assertThatThrownBy(() -> JsonlReader.tree(line)).as(line).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void linesAreNumberedAsWrittenWithCrLfAndBlankLines() {
        Rows rows = JsonlReader.read("{\"a\": 1}\r\n\r\n  \n{\"a\": 2}\n{\"a\": }\n{\"a\": 3}", "f.jsonl");
        assertThat(rows.rows()).extracting(RawRow::line).containsExactly(1, 4, 6);
        assertThat(rows.rows()).extracting(RawRow::ordinal).containsExactly(1, 2, 4);
        assertThat(rows.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).startsWith("not valid JSON");
        });
    }

    @Test
    void readInTwoHalvesItGivesWhatOneReadGives() {
        java.util.Random random = new java.util.Random(7);
        List<String> lines = List.of("{\"a\": 1}", "{\"q\": \"x\", \"n\": [1, 2.5, null]}", "", "   ", "{\"a\": }",
                "[1]", "{\"long\": 12345678901}", "{\"s\": \"with \\n escaped\"}", "not json");
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(40);
            for (int l = 0; l < n; l++) {
                if (l > 0) text.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
                text.append(lines.get(random.nextInt(lines.size())));
            }
            if (random.nextBoolean()) text.append('\n');
            String t = text.toString();
            Rows whole = JsonlReader.read(t, "f.jsonl", Integer.MAX_VALUE);
            Rows halves = JsonlReader.read(t, "f.jsonl", 0);  // split at the first newline past the middle
            assertThat(halves.rows()).as(t).isEqualTo(whole.rows());
            assertThat(halves.problems()).as(t).isEqualTo(whole.problems());
        }
    }

    /** The node classes of a tree, depth first: IntNode and LongNode are equal to nothing but themselves. */
    private static String classes(JsonNode n) {
        // a number with a fraction keeps its written text in a DoubleNode of its own (numbersKeepTheirWrittenText)
        StringBuilder sb = new StringBuilder(n instanceof WrittenDoubleNode ? "DoubleNode" : n.getClass().getSimpleName());
        n.elements().forEachRemaining(c -> sb.append('(').append(classes(c)).append(')'));
        return sb.toString();
    }
}
