package dev.arbiter.eval.harness.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.GenerateResponse;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.TaskState;
import dev.arbiter.eval.scorer.IncludesScorer;
import dev.arbiter.eval.scorer.ScorerOptions;
import dev.arbiter.eval.scorer.Scorers;
import dev.arbiter.eval.scorer.TextNormalizer;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inspect's own verdicts: {@code /reference/inspect-match-cases.jsonl}, built by {@code build_inspect_match_cases.py}
 * running Inspect's {@code match_str} (UKGovernmentBEIS/inspect_ai 499e6152, {@code src/inspect_ai/scorer/_common.py})
 * and {@code includes} on every case of its {@code tests/scorer/test_match.py} and on text cases of ours. Each case
 * must agree on the verdict and on the answer Inspect reports.
 */
class InspectMatchCasesTest {
    private static List<JsonNode> cases(String scorer) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = InspectMatchCasesTest.class.getResourceAsStream("/reference/inspect-match-cases.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) continue;
                JsonNode n = new ObjectMapper().readTree(line);
                if (n.get("scorer").asText().equals(scorer)) out.add(n);
            }
        }
        return out;
    }

    private static List<String> targets(JsonNode c) {
        List<String> t = new ArrayList<>();
        c.get("targets").forEach(x -> t.add(x.asText()));
        return t;
    }

    private static TaskState answered(String output, List<String> targets) {
        Sample s = new Sample("c", List.of(ChatMessage.user("q")), targets, List.of(), Map.of());
        return TaskState.start(s, 0).withOutput(new GenerateResponse(output, null, "stop", null, List.of(), null, null));
    }

    @Test
    void everyMatchCaseAgreesWithInspect() throws Exception {
        List<JsonNode> cases = cases("match");
        assertThat(cases).hasSizeGreaterThan(40);
        for (JsonNode c : cases) {
            InspectMatch.Result r = InspectMatch.matchAny(c.get("output").asText(), targets(c),
                    InspectMatch.Location.parse(c.get("location").asText()), true, c.get("numeric").asBoolean());
            assertThat(r.matched()).as(c.get("case").asText()).isEqualTo(c.get("correct").asBoolean());
            assertThat(r.answer()).as(c.get("case").asText() + " answer").isEqualTo(c.get("answer").asText());
        }
    }

    @Test
    void theMatchScorerGivesInspectsVerdicts() throws Exception {
        for (JsonNode c : cases("match")) {
            Score s = Scorers.create("match", ScorerOptions.of(Map.of("location", c.get("location").asText(),
                    "numeric", c.get("numeric").asText()))).score(answered(c.get("output").asText(), targets(c)));
            assertThat(s.value()).as(c.get("case").asText()).isEqualTo(c.get("correct").asBoolean() ? 1.0 : 0.0);
        }
    }

    @Test
    void everyIncludesCaseAgreesWithInspect() throws Exception {
        // Inspect's includes only case-folds; Arbiter's default also collapses whitespace (ignore_whitespace=false matches Inspect)
        IncludesScorer inspectLike = new IncludesScorer(new TextNormalizer(true, false, false, false));
        for (JsonNode c : cases("includes")) {
            Score s = inspectLike.score(answered(c.get("output").asText(), targets(c)));
            assertThat(s.value()).as(c.get("case").asText()).isEqualTo(c.get("correct").asBoolean() ? 1.0 : 0.0);
        }
    }

    /**
     * match_str's {@code value.strip()} and {@code casefold()} as CPython 3.11 computes them: Python strips the no-break
     * spaces Java's String.strip keeps; it folds "ẞ" to "ss" and leaves dotless "ı" as it is.
     */
    @Test
    void stripAndCaseFoldArePythonsNotJavas() {
        assertThat(InspectMatch.match("The capital is Paris\u00a0", "Paris", InspectMatch.Location.END, true, true, false).matched()).isTrue();
        assertThat(InspectMatch.match("The capital is Paris\u202f", "Paris", InspectMatch.Location.END, true, true, false).matched()).isTrue();
        assertThat(InspectMatch.match("Paris\u2007", "Paris", InspectMatch.Location.EXACT, true, true, false).matched()).isTrue();
        assertThat(InspectMatch.match("\u00a042\u00a0", "42", InspectMatch.Location.EXACT, true, true, true).matched()).isTrue();
        assertThat(InspectMatch.match("STRASSE", "Stra\u1e9ee", InspectMatch.Location.EXACT, true, true, false).matched()).isTrue();
        assertThat(InspectMatch.match("KAP\u0131", "KAPI", InspectMatch.Location.EXACT, true, true, false).matched()).isFalse();
        Score s = Scorers.create("match", ScorerOptions.of(Map.of())).score(answered("The capital is Paris\u00a0", List.of("Paris")));
        assertThat(s.value()).isEqualTo(1.0);
    }

    @Test
    void numbersAreNormalisedToFiveSignificantDigitsAsPythonFormatsThem() {
        assertThat(InspectNumber.format5g(3.141592)).isEqualTo("3.1416");
        assertThat(InspectNumber.format5g(123456)).isEqualTo("1.2346e+05");
        assertThat(InspectNumber.format5g(0.00001234)).isEqualTo("1.234e-05");
        assertThat(InspectNumber.format5g(-5.0)).isEqualTo("-5");
        assertThat(InspectNumber.format5g(1000)).isEqualTo("1000");
        assertThat(InspectNumber.format5g(0.5)).isEqualTo("0.5");
    }
}
