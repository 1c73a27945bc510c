package dev.arbiter.cost;

import dev.arbiter.error.InvalidInputException;

import java.util.Locale;

/**
 * The currency figures are shown in: bundled prices are USD and are multiplied by {@code perUsd}. Figures the user
 * types (--price-per-hour, --energy-price, --purchase-price, --budget-per-month) are in this currency.
 *
 * @param code   ISO 4217 code, upper case
 * @param perUsd units of this currency per US dollar (1 for USD)
 */
public record Currency(String code, double perUsd) {
    public static final Currency USD = new Currency("USD", 1.0);

    public Currency {
        if (code == null || !code.matches("[A-Za-z]{3}")) throw new InvalidInputException("--currency must be a 3-letter ISO 4217 code, got '" + code + "'");
        code = code.toUpperCase(Locale.ROOT);
        if (!(perUsd > 0) || Double.isInfinite(perUsd)) throw new InvalidInputException("--rate must be > 0 (units of " + code + " per US dollar), got " + perUsd);
        if (code.equals("USD") && perUsd != 1.0) throw new InvalidInputException("--rate must be 1 for USD, got " + perUsd);
    }

    /** From the command line: USD when no code; any other code needs its rate. */
    public static Currency of(String code, Double rate) {
        if (code == null) {
            if (rate != null) throw new InvalidInputException("--rate needs --currency CODE (the currency the rate converts US dollars to)");
            return USD;
        }
        if (code.equalsIgnoreCase("USD")) return new Currency("USD", rate == null ? 1.0 : rate);
        if (rate == null) throw new InvalidInputException("--currency " + code + " needs --rate R (units of " + code.toUpperCase(Locale.ROOT)
                + " per US dollar, e.g. --rate 0.92); Arbiter does not fetch exchange rates");
        return new Currency(code, rate);
    }

    public double fromUsd(double usd) { return usd * perUsd; }

    public double toUsd(double amount) { return amount / perUsd; }
}
