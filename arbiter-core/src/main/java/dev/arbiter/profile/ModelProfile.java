package dev.arbiter.profile;

import java.util.Map;

/** A model's six axis values, in the order of {@link Dimensions#bundled()}. */
public record ModelProfile(String model, Map<String, AxisScore> axes) {
    public ModelProfile {
        axes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(axes));
    }

    public AxisScore axis(String id) { return axes.get(id); }
}
