package dev.arbiter.eval.engine;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Which samples a run evaluates. With a limit below the dataset size: shuffle with {@code new Random(seed)}
 * (seed 0 when none is given) and take the first {@code limit}, so the same seed picks the same samples on every
 * machine and Java version (java.util.Random's sequence is specified). Without a limit: all, in dataset order.
 */
public final class Sampling {
    private Sampling() {}

    public static List<Sample> select(List<Sample> all, Integer limit, Long seed) {
        checkUniqueIds(all);
        if (limit == null || limit >= all.size()) return List.copyOf(all);
        List<Sample> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed == null ? 0L : seed));
        return List.copyOf(shuffled.subList(0, limit));
    }

    private static void checkUniqueIds(List<Sample> all) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            String id = all.get(i).id();
            if (!seen.add(id)) {
                throw new InvalidInputException("dataset has sample id '" + id + "' twice (second at item " + (i + 1)
                        + "); ids must be unique for resume and comparison");
            }
        }
    }
}
