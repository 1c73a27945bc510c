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
 * retries, or a solver/scorer failure, becomes an error record (unscored) and the run goes on; a non-retriable
 * model error is thrown, because it will fail every other sample too.
 */
final class SampleWorker {
    private final Task task;
    private final BiFunction<Sample, Integer, EngineGenerate> generates;
    private final Ticker ticker;
    private final Clock clock;

    SampleWorker(Task task, BiFunction<Sample, Integer, EngineGenerate> generates, Ticker ticker, Clock clock) {
        this.task = task;
        this.generates = generates;
        this.ticker = ticker;
        this.clock = clock;
    }

    SampleRecord run(Sample sample, int epoch) {
        long t0 = ticker.nanos();
        EngineGenerate generate = generates.apply(sample, epoch);
        TaskState state;
        try {
            state = task.solver().solve(TaskState.start(sample, epoch), generate);
        } catch (ModelException e) {
            if (!e.sampleScoped()) throw e;
            return failed(sample, epoch, null, generate, t0, modelError(e));
        } catch (StoppedException e) {
            throw e;
        } catch (RuntimeException e) {
            return failed(sample, epoch, null, generate, t0, new SampleError("solver", null, describe(e)));
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
        return record(sample, epoch, state, score, score.scored() ? SampleRecord.SCORED : SampleRecord.UNSCORED,
                null, generate, t0);
    }

    private SampleRecord failed(Sample sample, int epoch, TaskState state, EngineGenerate g, long t0, SampleError err) {
        return record(sample, epoch, state, null, SampleRecord.ERROR, err, g, t0);
    }

    private SampleRecord record(Sample sample, int epoch, TaskState state, Score score, String status, SampleError error,
                                EngineGenerate g, long t0) {
        GenerateResponse out = state == null ? null : state.output();
        return new SampleRecord(sample.id(), epoch, status, sample.input(), sample.target(), sample.choices(),
                sample.metadata(), state == null ? List.of() : state.messages(),
                out == null ? null : out.text(), out == null ? null : out.reasoning(),
                out == null ? null : out.finishReason(), out == null ? null : out.model(),
                task.scorer().name(), score == null ? null : score.answer(), score == null ? null : score.value(),
                score == null ? null : score.explanation(), score == null ? null : score.metadata(),
                g.latencyNanos / 1_000_000, (ticker.nanos() - t0) / 1_000_000,
                g.tokensReported ? (int) g.tokensIn : null, g.tokensReported ? (int) g.tokensOut : null,
                g.calls, g.attempts, g.cachedCalls, error, clock.instant());
    }

    static SampleError modelError(ModelException e) {
        return new SampleError(e.kind().name().toLowerCase(Locale.ROOT), e.status() > 0 ? e.status() : null,
                e.getMessage());
    }

    private static String describe(RuntimeException e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
