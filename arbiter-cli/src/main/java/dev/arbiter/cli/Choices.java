package dev.arbiter.cli;

import dev.arbiter.catalog.Suggest;
import dev.arbiter.error.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Checks for flags that take a code from a fixed list, with a "did you mean". */
final class Choices {
    private Choices() {}

    /** ISO 3166-1 alpha-2 country codes (lower case) and {@code eu}. */
    static final Set<String> REGIONS;
    /** ISO 639-1 language codes (lower case). */
    static final Set<String> LANGUAGES;

    static {
        Set<String> r = new TreeSet<>(List.of("eu"));
        Arrays.stream(Locale.getISOCountries()).map(c -> c.toLowerCase(Locale.ROOT)).forEach(r::add);
        REGIONS = Set.copyOf(r);
        Set<String> l = new TreeSet<>();
        Arrays.stream(Locale.getISOLanguages()).filter(c -> c.length() == 2).forEach(l::add);
        LANGUAGES = Set.copyOf(l);
    }

    static String region(String value) {
        return check("--region", value, REGIONS, "eu or an ISO 3166 country code (fr, de, us, …)");
    }

    static String language(String value) {
        return check("--language", value, LANGUAGES, "an ISO 639-1 code (fr, en, de, …)");
    }

    private static String check(String flag, String value, Set<String> known, String expected) {
        if (value == null) return null;
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (known.contains(v)) return v;
        String near = Suggest.nearest(v, known.stream().sorted().toList());
        throw new InvalidInputException(flag + " '" + value + "' is not " + expected + near);
    }
}
