package dev.arbiter.eval.engine;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A task's {@code --option} settings, unmodifiable, remembering which keys the task factory asked for: a key no
 * factory reads is a typo or a setting of another task ({@code --option length=1k} for niah's {@code lengths}), which
 * would otherwise run the default silently. A factory that walks the whole map (copies it, iterates it) may read any
 * key, so then none counts as unread: the check can miss a typo, never refuse a key the task takes. It also notes
 * which of {@link TaskParams}' own fields a task may ignore (--shots, --subject, --language) the factory read.
 */
public final class ReadRecordingMap extends AbstractMap<String, String> {
    private final Map<String, String> values;
    private final Set<String> asked = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    private final Set<String> flags = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean walked;

    private ReadRecordingMap(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static ReadRecordingMap of(Map<String, String> values) {
        return new ReadRecordingMap(values);
    }

    /** Of {@code keys}, those no one asked for since this map was made (none once the map was walked whole). */
    public Set<String> unread(Collection<String> keys) {
        Set<String> out = new LinkedHashSet<>();
        if (walked) return out;
        for (String k : keys) if (!asked.contains(k)) out.add(k);
        return out;
    }

    /** Notes that the factory read one of {@link TaskParams}' own fields a task may ignore ({@code --shots}...). */
    void noteFlag(String flag) {
        flags.add(flag);
    }

    /**
     * Of {@code given}, the flags the factory never read. Walking the map says nothing about them: they are not in it.
     */
    public Set<String> flagsNotRead(Collection<String> given) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : given) if (!flags.contains(f)) out.add(f);
        return out;
    }

    /** The keys asked for, given or not, in the order first asked: the settings the task looks at. */
    public Set<String> asked() {
        synchronized (asked) {
            return Set.copyOf(new LinkedHashSet<>(asked));
        }
    }

    @Override
    public String get(Object key) {
        if (key instanceof String k) asked.add(k);
        return values.get(key);
    }

    @Override
    public String getOrDefault(Object key, String defaultValue) {
        if (key instanceof String k) asked.add(k);
        return values.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        if (key instanceof String k) asked.add(k);
        return values.containsKey(key);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        walked = true;  // keySet, values, forEach, copies, equals, toString all come through here
        return values.entrySet();
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super String> action) {
        walked = true;
        values.forEach(action);
    }

    @Override
    public int size() {
        return values.size();
    }

    @Override
    public boolean isEmpty() {
        return values.isEmpty();
    }
}
