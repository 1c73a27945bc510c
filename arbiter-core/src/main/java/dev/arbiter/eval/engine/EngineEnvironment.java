package dev.arbiter.eval.engine;

import dev.arbiter.util.Ticker;

import java.time.Clock;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The engine's time and randomness, injected so tests can fix them: wall clock for timestamps, ticker for
 * durations, sleeper for rate-limit and retry waits, random source for retry jitter, and run ids.
 */
public record EngineEnvironment(Clock clock, Ticker ticker, Sleeper sleeper, RandomGenerator jitter,
                                Supplier<String> runIds) {
    public EngineEnvironment {
        if (clock == null || ticker == null || sleeper == null || jitter == null || runIds == null) {
            throw new IllegalArgumentException("clock, ticker, sleeper, jitter and runIds are all required");
        }
    }

    /** UTC system clock, System.nanoTime, real sleeps, unpredictable jitter and run ids. */
    public static EngineEnvironment system() {
        Clock clock = Clock.systemUTC();
        return new EngineEnvironment(clock, Ticker.system(), Sleeper.system(), new SplittableRandom(),
                RunIds.from(clock, new SplittableRandom()));
    }
}
