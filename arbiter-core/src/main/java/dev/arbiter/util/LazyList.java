package dev.arbiter.util;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

/**
 * An immutable list built on first read. For explanations that are expensive to format and rarely read: recommend
 * estimates a few hundred fits (every model at every quantisation on every runtime) and shows the basis of a handful;
 * formatting every basis line was a third of its CPU (docs/performance.md). Equality, hashing and JSON see the same
 * elements as an eager list would.
 */
public final class LazyList<T> extends AbstractList<T> implements RandomAccess {
    private Supplier<List<T>> source;
    private volatile List<T> built;

    private LazyList(Supplier<List<T>> source) { this.source = source; }

    /** A list of what {@code source} returns when first read (copied; source is called at most once). */
    public static <T> List<T> of(Supplier<List<T>> source) {
        if (source == null) throw new IllegalArgumentException("source is required");
        return new LazyList<>(source);
    }

    private List<T> built() {
        List<T> b = built;
        if (b == null) {
            synchronized (this) {
                b = built;
                if (b == null) {
                    b = List.copyOf(source.get());
                    built = b;
                    source = null;  // let what it captured go
                }
            }
        }
        return b;
    }

    @Override public T get(int index) { return built().get(index); }

    @Override public int size() { return built().size(); }
}
