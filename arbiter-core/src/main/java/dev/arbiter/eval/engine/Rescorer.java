package dev.arbiter.eval.engine;

import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.ModelException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.List;

/**
 * Grades a stored answer again with another scorer, from the record alone: the sample (input, target, choices,
 * metadata) and the final conversation and response are all in it, so no dataset and no model call are needed.
 * Error records stay errors (there is no answer to grade).
 */
final class Rescorer {
    private Rescorer() {}

    static SampleRecord rescore(SampleRecord r, Scorer scorer) {
        return rescore(r, scorer, false);
    }

    /** @param gradeTruncated grade an answer cut off at the token limit as it is, as a reference harness does */
    static SampleRecord rescore(SampleRecord r, Scorer scorer, boolean gradeTruncated) {
        if (!r.answered() || (r.outcome() == SampleOutcome.TRUNCATED && !gradeTruncated)) return r; // nothing (whole) to grade
        Sample sample = new Sample(r.sampleId(), r.input(), r.target(), r.choices(), r.sampleMetadata());
        GenerateResponse output = new GenerateResponse(r.response(), r.reasoning(), r.finishReason(), null, null, null,
                r.responseModel());
        TaskState state = new TaskState(sample, r.epoch(), r.messages(), output, List.of(output));
        Score score;
        SampleError error = null;
        try {
            score = scorer.score(state);
            if (score == null) error = new SampleError("scorer", null, "scorer returned no score");
        } catch (ModelException e) {
            score = null;
            error = SampleWorker.modelError(e);
        } catch (RuntimeException e) {
            score = null;
            error = new SampleError("scorer", null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        String status = error != null ? SampleRecord.ERROR : score.scored() ? SampleRecord.SCORED : SampleRecord.UNSCORED;
        return new SampleRecord(r.sampleId(), r.epoch(), status, r.input(), r.target(), r.choices(), r.sampleMetadata(),
                r.messages(), r.response(), r.reasoning(), r.finishReason(), r.responseModel(), scorer.name(),
                score == null ? null : score.answer(), score == null ? null : score.value(),
                score == null ? null : score.explanation(), score == null ? null : score.metadata(),
                r.latencyMs(), r.elapsedMs(), r.tokensIn(), r.tokensOut(), r.calls(), r.attempts(), r.cachedCalls(),
                error, r.completedAt(), null, r.ttftMs(), r.tokensPerSecond());
    }
}
