package dev.arbiter.eval.scorer;

import dev.arbiter.client.GenerationConfig;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Scorer;
import dev.arbiter.eval.engine.ScorerFactory;
import dev.arbiter.eval.harness.inspect.InspectWords;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds a scorer from its name and options ({@code --scorer numeric --scorer-opt abs_tolerance=0.01}).
 * Every option a scorer reads is listed here; an unknown option is an error rather than silently ignored.
 */
public final class Scorers {
    public static final List<String> NAMES = List.of("exact", "includes", "match", "regex", "numeric", "choice", "json", "judge");

    private Scorers() {}

    public static Scorer create(String spec, ScorerOptions o) {
        String name = spec == null ? "" : spec.strip().toLowerCase(Locale.ROOT);
        ScorerOptions opts = o == null ? ScorerOptions.NONE : o;
        return switch (name) {
            case "exact" -> {
                // Inspect's exact, whose steps are switchable as the other text scorers' are; its words are compared as
                // sets, so whitespace never counts
                opts.requireOnly(name, TextNormalizer.OPTIONS);
                if (!opts.bool("ignore_whitespace", true)) {
                    throw new InvalidInputException("scorer exact: ignore_whitespace cannot be false (exact compares words, as Inspect's does)");
                }
                yield new ExactScorer(new InspectWords(opts.bool("ignore_case", true), opts.bool("ignore_punctuation", true),
                        opts.bool("ignore_articles", true)));
            }
            case "includes" -> {
                opts.requireOnly(name, TextNormalizer.OPTIONS);
                yield new IncludesScorer(TextNormalizer.from(opts, TextNormalizer.LENIENT));
            }
            case "match" -> {
                // Inspect's match(location="end", ignore_case=True, numeric=False)
                opts.requireOnly(name, Set.of("location", "ignore_case", "numeric"));
                yield new MatchScorer(dev.arbiter.eval.harness.inspect.InspectMatch.Location.parse(opts.string("location", "end")),
                        opts.bool("ignore_case", true), opts.bool("numeric", false));
            }
            case "regex" -> {
                opts.requireOnly(name, with(TextNormalizer.OPTIONS, "pattern", "unparseable"));
                yield new RegexScorer(pattern(opts), TextNormalizer.from(opts, TextNormalizer.LENIENT), opts.unparseable());
            }
            case "numeric" -> {
                opts.requireOnly(name, Set.of("abs_tolerance", "rel_tolerance", "unparseable"));
                double abs = opts.number("abs_tolerance", 0);
                double rel = opts.number("rel_tolerance", 0);
                if (abs < 0 || rel < 0) throw new InvalidInputException("scorer numeric: tolerances must be >= 0");
                yield new NumericScorer(abs, rel, opts.unparseable());
            }
            case "choice" -> {
                opts.requireOnly(name, Set.of("unparseable"));
                yield new ChoiceScorer(opts.unparseable());
            }
            case "json" -> {
                opts.requireOnly(name, Set.of("schema"));
                String schema = opts.string("schema", null);
                yield new JsonScorer(schema == null ? null : JsonSchemas.load(schema));
            }
            case "judge" -> judge(opts);
            default -> throw new InvalidInputException("unknown scorer '" + spec + "' (expected one of " + String.join(", ", NAMES) + ")");
        };
    }

    /** The engine's view (for {@code rescore --scorer NAME}): every scorer built with the same options. */
    public static ScorerFactory factory(ScorerOptions o) {
        return new ScorerFactory() {
            @Override
            public Scorer create(String name) { return Scorers.create(name, o); }

            @Override
            public List<String> names() { return NAMES; }
        };
    }

    private static Scorer judge(ScorerOptions opts) {
        opts.requireOnly("judge", Set.of("mode", "rubric", "partial_credit", "max_tokens"));
        if (opts.judge() == null) throw new InvalidInputException("scorer judge needs a judge model (--judge-endpoint URL --judge-model NAME)");
        JudgeMode mode = switch (opts.string("mode", "grade").strip().toLowerCase(Locale.ROOT)) {
            case "grade" -> JudgeMode.GRADE;
            case "rating" -> JudgeMode.RATING;
            default -> throw new InvalidInputException("scorer option mode: expected grade or rating, got '" + opts.string("mode", "") + "'");
        };
        double partial = opts.number("partial_credit", 0.5);
        if (partial < 0 || partial > 1) throw new InvalidInputException("scorer option partial_credit: must be in [0, 1], got " + partial);
        double maxTokens = opts.number("max_tokens", 1024);
        if (maxTokens < 1 || maxTokens != Math.rint(maxTokens)) {
            throw new InvalidInputException("scorer option max_tokens: expected a positive integer, got " + opts.string("max_tokens", ""));
        }
        GenerationConfig config = GenerationConfig.DEFAULT.withTemperature(0.0).withMaxTokens((int) maxTokens);
        return new JudgeScorer(opts.judge(), mode, opts.string("rubric", null), partial, config);
    }

    private static Pattern pattern(ScorerOptions opts) {
        String p = opts.string("pattern", null);
        if (p == null || p.isEmpty()) throw new InvalidInputException("scorer regex needs option pattern (e.g. pattern='ANSWER: (\\w+)')");
        try {
            return Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            throw new InvalidInputException("scorer option pattern: not a valid regular expression: " + e.getDescription() + " in " + p);
        }
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> s = new HashSet<>(base);
        s.addAll(List.of(more));
        return s;
    }
}
