package dev.arbiter.eval.engine;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.eval.store.StoredSample;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A long answer is written once per line (log and store), and every field comes back as it was. */
class AnswerStoredOnceTest {
    static SampleRecord record(String response, String answer) {
        return new SampleRecord("q1", 0, SampleRecord.SCORED, List.of(ChatMessage.user("say it")), List.of("x"), null, null,
                List.of(ChatMessage.user("say it"), ChatMessage.assistant(response)), response, null, "stop", "m", "exact", answer,
                1.0, "ok", null, 3, 3, 10, 1, 1, 1, 0, null, Instant.parse("2026-01-01T00:00:00Z"), null, null, null);
    }

    @Test
    void aMegabyteAnswerTakesItsSizeOnceAndRoundTrips() {
        String big = "y".repeat(1 << 20);
        SampleRecord r = record(big, big);
        String line = RecordCodec.sampleLine(r);
        assertThat(line.length()).isBetween(big.length(), big.length() + 4096);
        assertThat(line).contains("\"same_as_response\":true").contains("\"answer_same_as_response\":true");
        SampleRecord back = RecordCodec.sample(new StoredSample("run", "t", "q1", 0, line, 1.0, "scored"));
        assertThat(back).isEqualTo(r);
    }

    @Test
    void fieldsThatDifferFromTheResponseAreWrittenAsTheyAre() {
        SampleRecord r = record("The answer is 42.", "42");
        String line = RecordCodec.sampleLine(r);
        assertThat(line).contains("\"answer\":\"42\"").contains("\"same_as_response\":true").doesNotContain("answer_same_as_response");
        assertThat(RecordCodec.sample(new StoredSample("run", "t", "q1", 0, line, 1.0, "scored"))).isEqualTo(r);
    }

    @Test
    void aLineWrittenBeforeThisChangeStillReads() {
        SampleRecord r = record("hi", "hi");
        String old = RecordCodec.line(r);
        assertThat(RecordCodec.sample(new StoredSample("run", "t", "q1", 0, old, 1.0, "scored"))).isEqualTo(r);
    }
}
