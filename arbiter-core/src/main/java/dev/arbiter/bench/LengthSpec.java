package dev.arbiter.bench;

import dev.arbiter.error.InvalidInputException;

import java.util.SplittableRandom;

/**
 * A token length: fixed ({@code 512}), uniform over an inclusive range ({@code 256-1024}) or normal, rounded and
 * kept at 1 or more ({@code 512~128}: mean 512, standard deviation 128).
 */
public record LengthSpec(int min, int max, double mean, double sd, boolean normal) {
    public LengthSpec {
        if (min < 1 || max < min) throw new IllegalArgumentException("lengths need 1 <= min <= max, got " + min + ".." + max);
        if (normal && !(sd >= 0)) throw new IllegalArgumentException("sd must be >= 0");
    }

    public static LengthSpec fixed(int n) {
        return new LengthSpec(n, n, n, 0, false);
    }

    /** @param flag the option's name, for the error message */
    public static LengthSpec parse(String s, String flag) {
        String t = s == null ? "" : s.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.contains("~")) {
                String[] p = t.split("~", 2);
                double mean = Double.parseDouble(p[0]);
                double sd = Double.parseDouble(p[1]);
                if (mean < 1 || sd < 0) throw new NumberFormatException();
                return new LengthSpec(1, Integer.MAX_VALUE, mean, sd, true);
            }
            if (t.contains("-")) {
                String[] p = t.split("-", 2);
                int a = Integer.parseInt(p[0].strip());
                int b = Integer.parseInt(p[1].strip());
                if (a < 1 || b < a) throw new NumberFormatException();
                return new LengthSpec(a, b, (a + b) / 2.0, 0, false);
            }
            int n = Integer.parseInt(t);
            if (n < 1) throw new NumberFormatException();
            return fixed(n);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidInputException(flag + ": cannot read '" + s + "'; expected tokens as N (fixed), A-B (uniform) "
                    + "or MEAN~SD (normal), each >= 1");
        }
    }

    int draw(SplittableRandom r) {
        if (normal) return (int) Math.max(1, Math.round(mean + sd * gaussian(r)));
        return min == max ? min : min + r.nextInt(max - min + 1);
    }

    private static double gaussian(SplittableRandom r) {
        // Box–Muller; 1 - u avoids log(0)
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    @Override
    public String toString() {
        if (normal) return Format.num(mean) + "~" + Format.num(sd);
        return min == max ? Integer.toString(min) : min + "-" + max;
    }
}
