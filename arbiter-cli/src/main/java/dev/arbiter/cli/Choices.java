package dev.arbiter.cli;

import dev.arbiter.catalog.Suggest;
import dev.arbiter.error.InvalidInputException;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Checks for flags that take a code from a fixed list, with a "did you mean". */
final class Choices {
    private Choices() {}

    /**
     * The code lists, built on first use: most runs give neither flag, and building the two sets from the JDK's
     * locale tables was 1.4% of recommend's start-up.
     */
    private static final class Codes {
        /** ISO 3166-1 alpha-2 country codes (lower case) and {@code eu}. */
        static final Set<String> REGIONS;
        /** ISO 639-1 language codes (lower case). */
        static final Set<String> LANGUAGES;

        static {
            Set<String> r = new TreeSet<>(List.of("eu"));
            for (String c : Locale.getISOCountries()) r.add(c.toLowerCase(Locale.ROOT));
            REGIONS = Set.copyOf(r);
            Set<String> l = new TreeSet<>();
            for (String c : Locale.getISOLanguages()) if (c.length() == 2) l.add(c);
            LANGUAGES = Set.copyOf(l);
        }
    }

    static String region(String value) {
        return value == null ? null : check("--region", value, Codes.REGIONS, "eu or an ISO 3166 country code (fr, de, us, …)");
    }

    static String language(String value) {
        return value == null ? null : check("--language", value, Codes.LANGUAGES, "an ISO 639-1 code (fr, en, de, …)");
    }

    private static String check(String flag, String value, Set<String> known, String expected) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (known.contains(v)) return v;
        String near = Suggest.nearest(v, known.stream().sorted().toList());
        throw new InvalidInputException(flag + " '" + value + "' is not " + expected + near);
    }
}
