package dev.arbiter.eval.task.niah;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic filler prose: sentences assembled from fixed word lists by a seeded generator, so the same seed
 * always yields the same text on every machine. No digits and no city names appear, so the needle is unique.
 */
public final class Filler {
    private static final List<String> ADJECTIVES = List.of("quiet", "ancient", "narrow", "distant", "patient", "bright", "weathered",
            "hidden", "gentle", "restless", "golden", "silver", "crowded", "empty", "humble", "careful");
    private static final List<String> NOUNS = List.of("river", "library", "garden", "market", "harbour", "orchard", "workshop", "valley",
            "lighthouse", "meadow", "bridge", "archive", "courtyard", "forest", "village", "observatory");
    private static final List<String> VERBS = List.of("carries", "remembers", "shelters", "echoes", "outlasts", "reflects", "gathers",
            "welcomes", "follows", "guards", "measures", "invites");
    private static final List<String> OBJECTS = List.of("old stories", "the morning light", "travellers from afar", "forgotten songs",
            "the scent of rain", "long afternoons", "the sound of bells", "careful notes", "seasonal winds", "quiet conversations");
    private static final List<String> TAILS = List.of("past the northern hills", "before the evening tide", "without any hurry",
            "as it always has", "through the changing seasons", "beneath a pale sky", "for anyone who listens", "along the old road");

    private Filler() {}

    /** At least {@code chars} characters of whole sentences separated by single spaces. */
    public static String generate(long seed, int chars) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(chars + 200);
        int sentences = 0;
        while (sb.length() < chars) {
            if (sb.length() > 0) sb.append(++sentences % 6 == 0 ? "\n\n" : " ");
            String s = "The " + pick(rnd, ADJECTIVES) + " " + pick(rnd, NOUNS) + " " + pick(rnd, VERBS) + " "
                    + pick(rnd, OBJECTS) + " " + pick(rnd, TAILS) + ".";
            sb.append(s);
        }
        return sb.toString();
    }

    private static String pick(SplittableRandom rnd, List<String> words) {
        return words.get(rnd.nextInt(words.size()));
    }
}
