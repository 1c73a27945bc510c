package dev.arbiter.eval.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What became of one answer (sample × epoch): the one vocabulary the run record, the JSONL log, {@code eval}'s
 * text and JSON and the reports share. Exactly one outcome per answer; only {@link #SCORED} answers enter metrics.
 * A scorer's own finer verdicts (HumanEval's passed / failed / timed_out) stay in its {@code outcome} metadata.
 */
public enum SampleOutcome {
    /** The scorer graded the answer. */
    SCORED,
    /** There is an answer but the scorer could not read one (no letter, no number): counted, never scored 0. */
    UNSCORED,
    /**
     * The server stopped at the token limit ({@code finish_reason: "length"}, Ollama {@code done_reason: "length"}),
     * so the answer is cut off — possibly while still thinking, with no answer text at all. Unscored unless the task
     * asks for a bounded answer; the remedy is a larger {@code --max-tokens}.
     */
    TRUNCATED,
    /** The prompt does not fit the served context: the server refused it (or would have cut it). This sample only. */
    CONTEXT_OVERFLOW,
    /** No answer: a model error that outlived its retries, or a solver or scorer failure. */
    ERROR;

    /** The JSON (and text) name: snake_case. */
    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static SampleOutcome fromJson(String name) {
        for (SampleOutcome o : values()) if (o.jsonName().equals(name)) return o;
        throw new IllegalArgumentException("unknown sample outcome '" + name + "'");
    }

    /** A finish reason meaning "stopped at the token limit", in any server's spelling. */
    public static boolean isLengthStop(String finishReason) {
        return finishReason != null && (finishReason.equalsIgnoreCase("length") || finishReason.equalsIgnoreCase("max_tokens"));
    }
}
