package dev.arbiter.bench;

import java.util.Arrays;

/** A growable array of longs (nanoseconds), so ITL gaps of a long run cost 8 bytes each rather than a boxed Long. */
final class LongList {
    private long[] values = new long[16];
    private int size;

    void add(long v) {
        if (size == values.length) values = Arrays.copyOf(values, size * 2);
        values[size++] = v;
    }

    void addAll(long[] more) {
        for (long v : more) add(v);
    }

    int size() { return size; }

    long[] toArray() { return Arrays.copyOf(values, size); }

    Distribution distribution() { return Distribution.ofNanos(values, size); }
}
