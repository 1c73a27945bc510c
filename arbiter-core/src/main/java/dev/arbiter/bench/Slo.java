package dev.arbiter.bench;

import dev.arbiter.error.InvalidInputException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Service-level objectives for goodput, as vLLM's {@code --goodput}: a completed request is good when each given
 * bound holds for it. TPOT is not defined for a one-token answer; such a request passes the TPOT bound (as in vLLM).
 * Bounds are in milliseconds; null means no bound on that metric.
 */
public record Slo(Double ttftMs, Double tpotMs, Double e2eMs) {
    private static final Pattern PART = Pattern.compile("\\s*(ttft|tpot|e2el?)\\s*[=:]\\s*([0-9]*\\.?[0-9]+)\\s*(ms|s)?\\s*",
            Pattern.CASE_INSENSITIVE);

    public Slo {
        for (Double d : new Double[] {ttftMs, tpotMs, e2eMs}) {
            if (d != null && !(d > 0)) throw new IllegalArgumentException("an SLO bound must be > 0 ms");
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return ttftMs == null && tpotMs == null && e2eMs == null;
    }

    /**
     * {@code ttft=500ms,tpot=50ms,e2e=2s}; vLLM's {@code ttft:500 tpot:50} (bare numbers are ms) is accepted too.
     *
     * @throws InvalidInputException naming the part that is not understood
     */
    public static Slo parse(String spec) {
        if (spec == null || spec.isBlank()) return new Slo(null, null, null);
        Double ttft = null, tpot = null, e2e = null;
        java.util.Set<String> given = new java.util.HashSet<>();
        for (String part : spec.split("[,\\s]+")) {
            if (part.isBlank()) continue;
            Matcher m = PART.matcher(part);
            if (!m.matches()) {
                throw new InvalidInputException("--slo: cannot read '" + part + "'; expected e.g. ttft=500ms,tpot=50ms,e2e=2s");
            }
            double v = Double.parseDouble(m.group(2));
            if ("s".equalsIgnoreCase(m.group(3))) v *= 1000;
            if (!(v > 0)) throw new InvalidInputException("--slo: '" + part + "' must be > 0");
            String metric = m.group(1).toLowerCase(Locale.ROOT).replace("e2el", "e2e");
            // a bound given twice is a typo or a pasted flag: which one the user meant is not ours to guess
            if (!given.add(metric)) throw new InvalidInputException("--slo: " + metric + " is given twice in '" + spec.strip() + "'");
            switch (metric) {
                case "ttft" -> ttft = v;
                case "tpot" -> tpot = v;
                default -> e2e = v;
            }
        }
        return new Slo(ttft, tpot, e2e);
    }

    /** Whether a completed request meets every bound (bounds compared in nanoseconds, inclusive). */
    public boolean met(RequestRecord r) {
        if (!r.ok()) return false;
        if (ttftMs != null && r.ttftNanos() > ttftMs * 1e6) return false;
        long tpot = r.tpotNanos();
        if (tpotMs != null && tpot >= 0 && tpot > tpotMs * 1e6) return false;
        return e2eMs == null || r.e2eNanos() <= e2eMs * 1e6;
    }
}
