package dev.arbiter.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;

/** Converters that refuse zero, negative and non-finite numbers where the flag is parsed (e.g. {@code --gpus 0}). */
final class Positive {
    private Positive() {}

    /** A whole number ≥ 1. */
    static final class Int implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a whole number");
            }
            if (n < 1) throw new TypeConversionException("must be 1 or more, got " + n);
            return n;
        }
    }

    /** A finite number > 0. */
    static final class Decimal implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double d;
            try {
                d = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
            if (!Double.isFinite(d) || d <= 0) {
                throw new TypeConversionException(String.format(Locale.US, "must be a number > 0, got %s", value));
            }
            return d;
        }
    }
}
