package dev.arbiter.client.http;

/** A body stream that knows when the bytes it last handed out reached the process (a measuring-ticker reading). */
public interface ArrivalStamped {
    /** Ticker reading when the bytes holding the last byte read arrived; {@link Long#MIN_VALUE} before any byte. */
    long arrivalNanos();
}
