package dev.arbiter.cli;

import picocli.CommandLine;

import java.util.Locale;

/**
 * Token volumes as people write them for a month of traffic: {@code 500000000}, {@code 500M}, {@code 2B}, {@code 5e9}
 * (decimal multiples, unlike {@link TokenCount}'s binary ones for context lengths).
 */
final class TokenVolume implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
        double multiplier = 1;
        if (v.endsWith("k")) multiplier = 1e3;
        else if (v.endsWith("m")) multiplier = 1e6;
        else if (v.endsWith("b") || v.endsWith("g")) multiplier = 1e9;
        else if (v.endsWith("t")) multiplier = 1e12;
        if (multiplier != 1) v = v.substring(0, v.length() - 1);
        try {
            double d = Double.parseDouble(v) * multiplier;
            if (!Double.isFinite(d) || d < 1 || d > Long.MAX_VALUE) throw new NumberFormatException();
            return Math.round(d);
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a token volume (e.g. 500000000, 500M, 2B, 5e9)");
        }
    }
}
