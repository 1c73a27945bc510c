package dev.arbiter.fit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** How several devices of one profile talk to each other; it decides whether tensor parallelism is cheap. */
public enum Interconnect {
    NVLINK("nvlink"), PCIE("pcie"), INFINITY_FABRIC("infinity-fabric"), NONE("none");

    private final String wire;

    Interconnect(String wire) { this.wire = wire; }

    @JsonValue
    public String wire() { return wire; }

    @JsonCreator
    public static Interconnect of(String s) {
        return Arrays.stream(values()).filter(i -> i.wire.equalsIgnoreCase(s)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("interconnect must be one of nvlink, pcie, infinity-fabric, none; got '" + s + "'"));
    }
}
