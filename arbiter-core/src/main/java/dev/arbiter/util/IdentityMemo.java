package dev.arbiter.util;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Values computed once per key instance. By identity, not equals: hashing a record key (an Architecture, a request)
 * makes the JVM build its hashCode and equals from method handles the first time, about a dozen generated classes per
 * record type, which was a fifth of fit's and recommend's start-up; the catalogue hands out one instance per model,
 * so identity finds what a process computed. Bounded: past {@code capacity} keys it starts again (a long-running
 * {@code serve} reloads the catalogue, and with it new instances). Thread-safe.
 */
public final class IdentityMemo<K, V> {
    private final int capacity;
    private final Map<K, V> values = new IdentityHashMap<>();

    public IdentityMemo(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        this.capacity = capacity;
    }

    /** The value for {@code key}, computing it (under the memo's lock: compute must not call back into this memo). */
    public synchronized V get(K key, Function<? super K, ? extends V> compute) {
        V v = values.get(key);
        if (v == null) {
            v = compute.apply(key);
            if (values.size() >= capacity) values.clear();
            values.put(key, v);
        }
        return v;
    }
}
