package dev.arbiter.eval.engine;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Task;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Task names to factories. Names are case-insensitive; registering a name twice is a bug. Thread-safe.
 * The command line's registry is {@code dev.arbiter.eval.task.StandardTasks#registry}.
 */
public final class TaskRegistry {
    private final Map<String, TaskFactory> factories = new TreeMap<>();

    public synchronized TaskRegistry register(String name, TaskFactory factory) {
        String key = normalise(name);
        if (key.isEmpty()) throw new IllegalArgumentException("task name is required");
        if (factories.putIfAbsent(key, factory) != null) throw new IllegalStateException("task " + key + " registered twice");
        return this;
    }

    public synchronized List<String> names() {
        return List.copyOf(factories.keySet());
    }

    /** The task named {@code name} built from {@code params}; an unknown name lists the known ones. */
    public Task create(String name, TaskParams params) {
        TaskFactory f;
        synchronized (this) {
            f = factories.get(normalise(name));
        }
        if (f == null) {
            throw new InvalidInputException("unknown task '" + name + "'; known tasks: "
                    + (names().isEmpty() ? "(none registered)" : String.join(", ", names())));
        }
        return f.create(params);
    }

    private static String normalise(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
