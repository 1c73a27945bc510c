package dev.arbiter.bench;

import java.math.BigDecimal;
import java.util.Locale;

/** Numbers for labels and messages: Locale.US (the digits of ROOT, without loading locale data), no trailing zeros. */
final class Format {
    private Format() {}

    static String num(double v) {
        if (Double.isInfinite(v)) return "inf";
        return new BigDecimal(String.format(Locale.US, "%.3f", v)).stripTrailingZeros().toPlainString();
    }
}
