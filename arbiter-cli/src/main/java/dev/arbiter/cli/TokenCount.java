package dev.arbiter.cli;

import picocli.CommandLine;

import java.util.Locale;

/**
 * Token counts as people write them: {@code 32768}, {@code 32k} or {@code 32K} (× 1024), {@code 1m} (× 1024²),
 * as model cards and llama.cpp's {@code -c} habits use binary multiples. Negative values pass through so the
 * command can say why they are wrong.
 */
public final class TokenCount implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
        long multiplier = 1;
        if (v.endsWith("k")) {
            multiplier = 1024;
            v = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            multiplier = 1024 * 1024;
            v = v.substring(0, v.length() - 1);
        }
        try {
            return Math.multiplyExact(Long.parseLong(v), multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a token count (e.g. 32768, 32k, 1m)");
        }
    }
}
