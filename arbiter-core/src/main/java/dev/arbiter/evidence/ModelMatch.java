package dev.arbiter.evidence;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * Proposes the catalogue id a served model name refers to — {@code Qwen/Qwen2.5-7B-Instruct}, {@code qwen2.5:7b}
 * and {@code qwen2.5-7b-instruct-awq} all look like {@code qwen2.5-7b}. Only a proposal: the evidence records the
 * catalogue model the user confirmed, never this guess.
 */
public final class ModelMatch {
    private ModelMatch() {}

    /** The longest catalogue id whose dash-separated words begin the served name's, if any. */
    public static Optional<String> propose(String served, Collection<String> catalogIds) {
        if (served == null || served.isBlank()) return Optional.empty();
        String[] s = words(served);
        String best = null;
        int bestLen = 0;
        for (String id : catalogIds) {
            String[] c = words(id);
            if (c.length == 0 || c.length > s.length) continue;
            boolean prefix = true;
            for (int i = 0; i < c.length && prefix; i++) prefix = c[i].equals(s[i]);
            if (prefix && c.length > bestLen) {
                best = id;
                bestLen = c.length;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The catalogue model a served name names, if any: the one reading of served names every view shares (report's
     * runs, compare's and recommend's --measured runs, bench's evidence proposal).
     */
    public static Optional<String> catalogModel(String served, dev.arbiter.catalog.Catalog catalog) {
        return propose(served, catalog.models().stream().map(dev.arbiter.catalog.Model::id).toList());
    }

    /** Lower-case words: the organisation prefix dropped, ':' '_' '/' and spaces read as '-'. */
    static String[] words(String name) {
        String n = name.toLowerCase(Locale.ROOT).strip();
        int slash = n.lastIndexOf('/');
        if (slash >= 0) n = n.substring(slash + 1);
        n = n.replaceAll("[:_\\s]+", "-").replaceAll("-+", "-").replaceAll("^-|-$", "");
        return n.isEmpty() ? new String[0] : n.split("-");
    }
}
