package dev.arbiter.compare;

import dev.arbiter.catalog.ClaimKind;
import dev.arbiter.catalog.ScoreClaim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a stored run was asked, as its manifest records it, and the published figure it can be compared with: one
 * whose stated setting is the run's. A figure matches when it states its shots and they are the run's; when its note
 * names chain of thought and the run's CoT is known, they agree; when its note names a harness (lm-eval,
 * simple-evals, EvalPlus, OpenCompass…), it is the run's profile. A figure that states no shots is never "the same
 * setting": nothing says it is.
 *
 * @param harness the run's profile ({@code arbiter}, {@code lm-eval}, …); null for runs recorded before profiles
 * @param shots   worked examples per prompt; null when not recorded
 * @param cot     whether the prompt asks for (or shows) reasoning before the answer; null when unknown
 */
public record MeasuredSetting(String harness, Integer shots, Boolean cot) {
    private static final List<String> HARNESS_WORDS = List.of("lm-eval", "lm-evaluation-harness", "simple-evals", "evalplus",
            "opencompass", "fastchat", "lighteval", "human-eval");

    /** "lm-eval, 5-shot, CoT"; null when nothing is known. */
    public String label() {
        List<String> parts = new ArrayList<>();
        if (harness != null) parts.add(harness);
        if (shots != null) parts.add(shots + "-shot");
        if (Boolean.TRUE.equals(cot)) parts.add("CoT");
        if (Boolean.FALSE.equals(cot)) parts.add("no CoT");
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** The first published (non-article) figure in the run's setting, in the order given (the preferred first). */
    public Optional<ScoreClaim> match(List<ScoreClaim> published) {
        return published.stream().filter(c -> c.kind() != ClaimKind.ARTICLE && same(c)).findFirst();
    }

    boolean same(ScoreClaim c) {
        if (c.shots() == null || shots == null || !c.shots().equals(shots)) return false;
        String note = c.note() == null ? "" : c.note().toLowerCase(Locale.ROOT);
        if (cot != null && note.contains("cot") && !cot) return false;
        String named = HARNESS_WORDS.stream().filter(note::contains).findFirst().orElse(null);
        if (named == null) return true;
        String mine = harness == null ? "arbiter" : harness;
        return named.startsWith(mine) || (named.equals("lm-evaluation-harness") && mine.equals("lm-eval"));
    }

    /**
     * What the comparison says about the run beside the published figures: the matching figure, or that none was
     * published in this setting (listing those that were).
     */
    public String versus(List<ScoreClaim> published, java.util.function.DoubleFunction<String> fmt) {
        List<ScoreClaim> figures = published.stream().filter(c -> c.kind() != ClaimKind.ARTICLE).toList();
        Optional<ScoreClaim> m = match(figures);
        if (m.isPresent()) return "same setting as the published " + Comparison.setting(m.get()) + " figure " + fmt.apply(m.get().value());
        if (figures.isEmpty()) return "nothing published to compare with";
        List<String> settings = figures.stream().map(c -> { String s = Comparison.setting(c); return s == null ? "setting not stated" : s; })
                .distinct().toList();
        return "differs from every published setting (" + String.join("; ", settings) + ")";
    }
}
