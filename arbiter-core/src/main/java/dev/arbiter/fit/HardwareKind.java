package dev.arbiter.fit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;

/**
 * What kind of device a profile describes. Only {@link #GPU} devices can be pooled with {@code --gpus N}: a Mac,
 * a board or a phone is one device with one memory, and buying a second does not make one model span both.
 * {@link #EDGE} is a board with a GPU llama.cpp uses (Jetson: CUDA); a board without one (Raspberry Pi) is {@link #CPU}.
 */
public enum HardwareKind {
    GPU, APPLE, EDGE, PHONE, CPU;

    @JsonValue
    public String wire() { return name().toLowerCase(Locale.ROOT); }

    @JsonCreator
    public static HardwareKind of(String s) {
        return Arrays.stream(values()).filter(k -> k.wire().equalsIgnoreCase(s)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kind must be one of gpu, apple, edge, phone, cpu; got '" + s + "'"));
    }

    public boolean canPool() { return this == GPU; }
}
