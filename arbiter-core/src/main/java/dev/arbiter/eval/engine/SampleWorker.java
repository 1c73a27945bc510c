package dev.arbiter.eval.engine;

import dev.arbiter.client.GenerateResponse;
import dev.arbiter.client.ModelException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Score;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.TaskState;
import dev.arbiter.util.Ticker;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * Turns one sample × epoch into its record: solve, score, account. A retriable model error that outlived its
 * retries, a prompt longer than the served context, or a solver/scorer failure, becomes an error record (unscored)
 * and the run goes on; any other non-retriable model error is thrown, because it will fail every other sample too.
 * An answer cut off at the token limit is {@link SampleOutcome#TRUNCATED} and left unscored, unless the task asks for
 * a bounded answer (see {@link #bounded}) or {@code gradeTruncated} says to grade it as the reference harness does.
 */
final class SampleWorker {
    private final Task task;
    private final BiFunction<Sample, Integer, EngineGenerate> generates;
    private final Ticker ticker;
    private final Clock clock;
    private final boolean gradeTruncated;

    SampleWorker(Task task, BiFunction<Sample, Integer, EngineGenerate> generates, Ticker ticker, Clock clock) {
        this(task, generates, ticker, clock, false);
    }

    SampleWorker(Task task, BiFunction<Sample, Integer, EngineGenerate> generates, Ticker ticker, Clock clock,
                 boolean gradeTruncated) {
        this.task = task;
        this.generates = generates;
        this.ticker = ticker;
        this.clock = clock;
        this.gradeTruncated = gradeTruncated;
    }

    /**
     * One item after its solver: the state to score, or, when solving failed for this item alone, its error record.
     * {@code t0} is when the item was taken ({@link Ticker#nanos}), so its record's time covers scoring too.
     */
    record Solved(Sample sample, int epoch, long t0, EngineGenerate generate, TaskState state, SampleRecord failed) {}

    /**
     * The solver's part: every model call of the item (the requests). A sample-scoped model error or a solver
     * failure becomes the item's error record; a non-retriable model error that is not the sample's is thrown.
     */
    Solved solve(Sample sample, int epoch) {
        long t0 = ticker.nanos();
        EngineGenerate generate = generates.apply(sample, epoch);
        try {
            return new Solved(sample, epoch, t0, generate, task.solver().solve(TaskState.start(sample, epoch), generate), null);
        } catch (ModelException e) {
            if (!e.sampleScoped()) throw e;
            return new Solved(sample, epoch, t0, generate, null, failed(sample, epoch, null, generate, t0, modelError(e)));
        } catch (StoppedException e) {
            throw e;
        } catch (RuntimeException e) {
            return new Solved(sample, epoch, t0, generate, null,
                    failed(sample, epoch, null, generate, t0, new SampleError("solver", null, describe(e))));
        }
    }

    /** The rest: the truncation check, the scorer (a judge's calls included), the record. */
    SampleRecord finish(Solved solved) {
        if (solved.failed() != null) return solved.failed();
        Sample sample = solved.sample();
        int epoch = solved.epoch();
        long t0 = solved.t0();
        EngineGenerate generate = solved.generate();
        TaskState state = solved.state();
        GenerateResponse cut = lengthStopped(state);
        if (cut != null && !gradeTruncated && !bounded(task, sample)) {
            Integer max = task.config().maxTokens();
            boolean thinking = cut.text().isBlank() && cut.reasoning() != null && !cut.reasoning().isBlank();
            String why = "answer cut off at the token limit (finish_reason length" + (max == null ? "" : ", max_tokens " + max)
                    + ")" + (thinking ? " while the model was still thinking, before any answer" : "")
                    + "; not scored: raise --max-tokens";
            return record(sample, epoch, state, Score.unscored(null, why), SampleOutcome.TRUNCATED, null, generate, t0);
        }
        Score score;
        try {
            score = task.scorer().score(state);
        } catch (ModelException e) {
            // A judge's failure is this answer's problem, not the endpoint under test's.
            return failed(sample, epoch, state, generate, t0, modelError(e));
        } catch (RuntimeException e) {
            return failed(sample, epoch, state, generate, t0, new SampleError("scorer", null, describe(e)));
        }
        if (score == null) {
            return failed(sample, epoch, state, generate, t0, new SampleError("scorer", null, "scorer returned no score"));
        }
        return record(sample, epoch, state, score, score.scored() ? SampleOutcome.SCORED : SampleOutcome.UNSCORED,
                null, generate, t0);
    }

    /** The first model output that stopped at the token limit, or null. */
    private static GenerateResponse lengthStopped(TaskState state) {
        for (GenerateResponse r : state.outputs()) if (SampleOutcome.isLengthStop(r.finishReason())) return r;
        return state.output() != null && SampleOutcome.isLengthStop(state.output().finishReason()) ? state.output() : null;
    }

    /**
     * Whether the task asks for a bounded answer, so hitting the token limit is expected and the text is graded as
     * is: a logprob read (top logprobs, or a single token) or a multiple-choice letter.
     */
    static boolean bounded(Task task, Sample sample) {
        Integer max = task.config().maxTokens();
        return task.config().topLogprobs() != null || (max != null && max <= 1) || !sample.choices().isEmpty();
    }

    private SampleRecord failed(Sample sample, int epoch, TaskState state, EngineGenerate g, long t0, SampleError err) {
        SampleOutcome o = SampleError.CONTEXT_EXCEEDED.equals(err.kind()) ? SampleOutcome.CONTEXT_OVERFLOW : SampleOutcome.ERROR;
        return record(sample, epoch, state, null, o, err, g, t0);
    }

    private SampleRecord record(Sample sample, int epoch, TaskState state, Score score, SampleOutcome outcome,
                                SampleError error, EngineGenerate g, long t0) {
        GenerateResponse out = state == null ? null : state.output();
        String status = SampleRecord.statusOf(outcome);
        return new SampleRecord(sample.id(), epoch, status, sample.input(), sample.target(), sample.choices(),
                sample.metadata(), state == null ? List.of() : state.messages(),
                out == null ? null : out.text(), out == null ? null : out.reasoning(),
                out == null ? null : out.finishReason(), out == null ? null : out.model(),
                task.scorer().name(), score == null ? null : score.answer(), score == null ? null : score.value(),
                score == null ? null : score.explanation(), score == null ? null : score.metadata(),
                g.latencyNanos / 1_000_000, (ticker.nanos() - t0) / 1_000_000,
                g.tokensReported ? (int) g.tokensIn : null, g.tokensReported ? (int) g.tokensOut : null,
                g.calls, g.attempts, g.cachedCalls, error, clock.instant(), outcome, ttftMs(out), tokensPerSecond(out));
    }

    /** Time to first token of a streamed answer, in ms; null when the answer was not streamed. */
    static Long ttftMs(GenerateResponse out) {
        if (out == null || out.timing() == null || out.timing().tokenNanos().isEmpty()) return null;
        return out.timing().firstTokenNanos() / 1_000_000;
    }

    /**
     * Decode speed of a streamed answer: (completion tokens − 1) ÷ time from the first to the last content chunk,
     * in tokens/s (the first token's time is TTFT's); null when not streamed, unknown, or too short to measure.
     */
    static Double tokensPerSecond(GenerateResponse out) {
        if (out == null || out.timing() == null) return null;
        List<Long> t = out.timing().tokenNanos();
        int tokens = out.usage().completionTokens();
        if (t.size() < 2 || tokens < 2) return null;
        long span = t.get(t.size() - 1) - t.get(0);
        return span <= 0 ? null : (tokens - 1) / (span / 1e9);
    }

    static SampleError modelError(ModelException e) {
        return new SampleError(e.kind().name().toLowerCase(Locale.ROOT), e.status() > 0 ? e.status() : null,
                e.getMessage());
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
