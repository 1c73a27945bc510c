package dev.arbiter.eval.engine;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/** Run ids that sort by start time and do not collide: {@code 20250301-142233-7f3a9c} (UTC, then 24 random bits). */
public final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private RunIds() {}

    public static Supplier<String> from(Clock clock, SplittableRandom random) {
        return () -> {
            int bits;
            synchronized (random) {
                bits = random.nextInt(1 << 24);
            }
            return STAMP.format(clock.instant()) + "-" + String.format(Locale.US, "%06x", bits);
        };
    }
}
