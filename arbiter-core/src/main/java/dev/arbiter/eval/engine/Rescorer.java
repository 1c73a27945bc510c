package dev.arbiter.eval.engine;

import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.ModelException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.TaskState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        if (score != null) score = withSampleFacts(score, r);
        String status = error != null ? SampleRecord.ERROR : score.scored() ? SampleRecord.SCORED : SampleRecord.UNSCORED;
        return new SampleRecord(r.sampleId(), r.epoch(), status, r.input(), r.target(), r.choices(), r.sampleMetadata(),
                r.messages(), r.response(), r.reasoning(), r.finishReason(), r.responseModel(), scorer.name(),
                score == null ? null : score.answer(), score == null ? null : score.value(),
                score == null ? null : score.explanation(), score == null ? null : score.metadata(),
                r.latencyMs(), r.elapsedMs(), r.tokensIn(), r.tokensOut(), r.calls(), r.attempts(), r.cachedCalls(),
                error, r.completedAt(), null, r.ttftMs(), r.tokensPerSecond());
    }

    /**
     * The new score with the sample's facts the task's own scorer had noted (MMLU's subject, MMLU-Pro's category,
     * MT-Bench's category: an entry of the old score's metadata equal to the sample's entry of that name), where the
     * new scorer does not set them: the task's per-group metrics read them, and another scorer does not know them.
     */
    static Score withSampleFacts(Score score, SampleRecord r) {
        if (r.scoreMetadata() == null || r.sampleMetadata() == null) return score;
        Map<String, Object> meta = null;
        for (Map.Entry<String, Object> e : r.scoreMetadata().entrySet()) {
            Object fact = r.sampleMetadata().get(e.getKey());
            if (fact == null || !fact.equals(e.getValue()) || score.metadata().containsKey(e.getKey())) continue;
            if (meta == null) meta = new LinkedHashMap<>(score.metadata());
            meta.put(e.getKey(), fact);
        }
        return meta == null ? score : new Score(score.value(), score.answer(), score.explanation(), meta);
    }
}
