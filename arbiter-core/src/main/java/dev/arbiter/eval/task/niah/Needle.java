package dev.arbiter.eval.task.niah;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The fact hidden in the haystack: a random six-digit passcode for a random city, and the question that retrieves it.
 * The filler holds no digits, so the passcode occurs nowhere else.
 */
public record Needle(String city, String passcode) {
    static final List<String> CITIES = List.of("Lisbon", "Nairobi", "Osaka", "Quito", "Tallinn", "Hobart", "Windhoek", "Reykjavik",
            "Valparaiso", "Tbilisi", "Ljubljana", "Montevideo", "Kathmandu", "Zanzibar", "Halifax", "Bergen");

    public Needle {
        if (passcode == null || !passcode.matches("\\d{6}")) throw new IllegalArgumentException("passcode must be 6 digits, got " + passcode);
    }

    public static Needle random(SplittableRandom rnd) {
        return new Needle(CITIES.get(rnd.nextInt(CITIES.size())), String.format(Locale.US, "%06d", rnd.nextInt(1_000_000)));
    }

    public String sentence() {
        return "The secret passcode for " + city + " is " + passcode + ".";
    }

    public String question() {
        return "What is the secret passcode for " + city + "? Answer with the passcode only.";
    }
}
