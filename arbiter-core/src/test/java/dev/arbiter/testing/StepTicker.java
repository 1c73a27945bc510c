package dev.arbiter.testing;

import dev.arbiter.util.Ticker;

import java.util.concurrent.atomic.AtomicLong;

/** A ticker that returns 0, step, 2·step, … on successive reads, so a test knows every timestamp exactly. */
public final class StepTicker implements Ticker {
    private final long step;
    private final AtomicLong reads = new AtomicLong();

    public StepTicker(long step) {
        this.step = step;
    }

    @Override
    public long nanos() {
        return reads.getAndIncrement() * step;
    }

    public long reads() { return reads.get(); }
}
