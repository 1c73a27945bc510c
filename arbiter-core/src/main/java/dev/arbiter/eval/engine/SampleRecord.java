package dev.arbiter.eval.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.arbiter.client.ChatMessage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one answer (sample × epoch): one line of the run's JSONL log and one row of the store.
 * Holds the sample's target, choices and metadata too, so stored answers can be re-scored without the dataset.
 *
 * @param status        {@code scored}, {@code unscored} (answer could not be graded) or {@code error} (no answer)
 * @param input         the sample's input conversation
 * @param messages      the final conversation, model turns included
 * @param response      the full final response text (reasoning removed), as the scorer saw it
 * @param reasoning     the reasoning the client split off, or null
 * @param answer        what the scorer extracted
 * @param score         the score value; null (and written as null) when unscored
 * @param latencyMs     summed duration of this answer's model calls that succeeded, in ms (0 when all cached)
 * @param elapsedMs     wall time from starting the sample to its score, retries and waits included, in ms
 * @param tokensIn      prompt tokens over all calls, null when the server reported none
 * @param tokensOut     completion tokens over all calls, null when the server reported none
 * @param calls         model calls the solver made
 * @param attempts      HTTP attempts over all calls (calls + retries); 0 for answers served from the cache
 * @param cachedCalls   calls answered from the response cache
 * @param outcome       what became of the answer ({@link SampleOutcome}); derived from {@code status} for records
 *                      written before it existed
 * @param ttftMs        streamed answers: time to the first content token of the last model call, in ms; else null
 * @param tokensPerSecond streamed answers: completion tokens ÷ the time from first to last token of the last call,
 *                      in tokens/s; null when not streamed or when the server reported no token count
 */
public record SampleRecord(String sampleId, int epoch, String status,
                           List<ChatMessage> input, List<String> target, List<String> choices,
                           Map<String, Object> sampleMetadata,
                           List<ChatMessage> messages, String response, String reasoning, String finishReason,
                           String responseModel, String scorer, String answer,
                           @JsonInclude(JsonInclude.Include.ALWAYS) Double score,
                           String explanation, Map<String, Object> scoreMetadata,
                           long latencyMs, long elapsedMs, Integer tokensIn, Integer tokensOut,
                           int calls, int attempts, int cachedCalls, SampleError error, Instant completedAt,
                           SampleOutcome outcome, Long ttftMs, Double tokensPerSecond) {
    public static final String SCORED = "scored";
    public static final String UNSCORED = "unscored";
    public static final String ERROR = "error";

    public SampleRecord {
        if (sampleId == null || sampleId.isBlank()) throw new IllegalArgumentException("sample_id is required");
        if (epoch < 0) throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        if (!SCORED.equals(status) && !UNSCORED.equals(status) && !ERROR.equals(status)) {
            throw new IllegalArgumentException("status must be scored, unscored or error, got " + status);
        }
        if (SCORED.equals(status) != (score != null)) {
            throw new IllegalArgumentException("sample " + sampleId + ": status " + status + " with score " + score);
        }
        if (ERROR.equals(status) && error == null) throw new IllegalArgumentException("an error record needs its error");
        if (outcome == null) outcome = defaultOutcome(status, error);
        if (!status.equals(statusOf(outcome))) {
            throw new IllegalArgumentException("sample " + sampleId + ": outcome " + outcome.jsonName() + " with status " + status);
        }
        input = input == null ? List.of() : List.copyOf(input);
        target = target == null ? List.of() : List.copyOf(target);
        choices = choices == null ? List.of() : List.copyOf(choices);
        sampleMetadata = sampleMetadata == null ? Map.of() : sampleMetadata;
        messages = messages == null ? List.of() : List.copyOf(messages);
        scoreMetadata = scoreMetadata == null ? Map.of() : scoreMetadata;
    }

    /** The status an outcome is stored under: scored, unscored (unscored, truncated) or error (error, context_overflow). */
    public static String statusOf(SampleOutcome o) {
        return switch (o) {
            case SCORED -> SCORED;
            case UNSCORED, TRUNCATED -> UNSCORED;
            case CONTEXT_OVERFLOW, ERROR -> ERROR;
        };
    }

    private static SampleOutcome defaultOutcome(String status, SampleError error) {
        if (SCORED.equals(status)) return SampleOutcome.SCORED;
        if (UNSCORED.equals(status)) return SampleOutcome.UNSCORED;
        return error != null && SampleError.CONTEXT_EXCEEDED.equals(error.kind()) ? SampleOutcome.CONTEXT_OVERFLOW : SampleOutcome.ERROR;
    }

    /** True when the sample has an answer that a scorer can look at (scored or unscored, not an error). */
    @JsonIgnore
    public boolean answered() { return !ERROR.equals(status); }
}
