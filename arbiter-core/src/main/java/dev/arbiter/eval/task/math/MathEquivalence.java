package dev.arbiter.eval.task.math;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Whether two MATH answers mean the same. In order: equal canonical text ({@link MathNormaliser}); then, for
 * comma-separated answers, element by element — ordered for tuples and intervals (brackets must match:
 * {@code (1,2]} ≠ {@code [1,2]}), unordered for sets {@code \{…\}} and bare lists ("enter all solutions"), a number
 * with thousands separators ({@code 70,110}) being a list only beside a list ({@link #isList}); then,
 * per element, equality of value when both sides parse as expressions ({@link LatexExpression}):
 * <ul>
 *   <li>two constant rational expressions (integers, decimals, fractions, integer powers) are compared exactly
 *       ({@link ExactRational}); one too large to hold exactly is equal to nothing but its own text;</li>
 *   <li>other constants built from roots, rational powers and π are compared to 60 significant digits, so a decimal
 *       approximation ({@code 1.41421356237}) never equals the irrational it approximates ({@code \sqrt2}), while
 *       {@code 0.5} still equals {@code \frac{\sqrt{1}}{2}};</li>
 *   <li>constants with a function ({@code \sin}, {@code \ln}, …) are compared in floating point (relative tolerance
 *       1e-9), except that a written decimal never equals one;</li>
 *   <li>expressions in variables are compared at fixed pseudo-random points (a polynomial identity test) over
 *       positive, negative and non-integer values, with relative tolerance 1e-9. A point where only one side is
 *       defined (a NaN or infinity) makes them different.</li>
 * </ul>
 */
public final class MathEquivalence {
    private static final double TOLERANCE = 1e-9;
    /** Qwen2.5-Math grader.py {@code numeric_equal}'s {@code rel_tol}. */
    private static final double QWEN_TOLERANCE = 1e-4;
    /** Agreement asked of two high-precision constants ({@link LatexExpression#PRECISION}: 100 digits). */
    private static final BigDecimal PRECISE_TOLERANCE = BigDecimal.ONE.movePointLeft(60);
    /** A decimal literal: digits with a point ("0.5", "3.", ".25"). */
    private static final Pattern COMMAND = Pattern.compile("\\\\[A-Za-z]+");
    private static final Pattern LETTER = Pattern.compile("[A-Za-z]");
    private static final Pattern DECIMAL = Pattern.compile("\\d\\.|\\.\\d");
    /** Points at which expressions in variables are compared; the first three are positive. */
    private static final int POINTS = 10;
    private static final int POSITIVE_POINTS = 3;
    /** Points where both sides must be defined and agree before two expressions are called equal. */
    private static final int MIN_COMPARED = 3;

    private MathEquivalence() {}

    public static boolean equivalent(String candidate, String reference) {
        return equivalent(candidate, reference, false);
    }

    /**
     * @param words true when either answer held {@code \text{…}} words before a normaliser outside (lm-eval's
     *              {@code normalize_final_answer}) unwrapped them: their letters are then compared as text
     */
    public static boolean equivalent(String candidate, String reference, boolean words) {
        return compare(candidate, reference, new Rules(words, false));
    }

    /**
     * Equivalence as Qwen2.5-Math's {@code grader.py} {@code math_equal} adds to it ({@code --harness qwen}): two
     * constants are also equal when {@code numeric_equal} holds, {@code isclose(reference, prediction,
     * rel_tol=1e-4)}, so {@code 0.33333} is {@code \frac{1}{3}} and {@code 1.41421} is {@code \sqrt{2}} there. A
     * constant holding {@code \pi} is left out, as there: sympy's {@code parse_latex} makes it a symbol, not a number.
     */
    public static boolean qwenEquivalent(String candidate, String reference) {
        return compare(candidate, reference, new Rules(false, true));
    }

    /**
     * @param words letters outside commands are words from {@code \text{…}}: equal text or nothing
     * @param qwen  Qwen's numeric tolerance on constants ({@link #qwenEquivalent})
     */
    private record Rules(boolean words, boolean qwen) {
        Rules withWords(boolean w) { return w ? new Rules(true, qwen) : this; }
    }

    private static boolean compare(String candidate, String reference, Rules given) {
        if (candidate == null || reference == null) return false;
        MathNormaliser.Canonical ca = MathNormaliser.canonical(candidate);
        MathNormaliser.Canonical cb = MathNormaliser.canonical(reference);
        String a = ca.text();
        String b = cb.text();
        if (a.equals(b)) return true;
        Rules rules = given.withWords(ca.words() || cb.words());
        Sequence sa = Sequence.of(a);
        Sequence sb = Sequence.of(b);
        if (!isList(a, sa) && !isList(b, sb)) {
            // no list on either side: 15,600 is fifteen thousand six hundred
            a = ungroup(a);
            b = ungroup(b);
            if (a.equals(b)) return true;
            sa = Sequence.of(a);
            sb = Sequence.of(b);
        }
        if (sa.items().size() > 1 || sb.items().size() > 1) {
            if (sa.items().size() != sb.items().size()) return false;
            boolean unorderedA = sa.open().equals("\\{") || sa.open().isEmpty();
            boolean unorderedB = sb.open().equals("\\{") || sb.open().isEmpty();
            if (unorderedA && unorderedB) return sameMultiset(sa.items(), sb.items(), rules);
            if (!sa.open().equals(sb.open()) || !sa.close().equals(sb.close())) return false;
            for (int i = 0; i < sa.items().size(); i++) {
                if (!scalarEqual(sa.items().get(i), sb.items().get(i), rules)) return false;
            }
            return true;
        }
        return scalarEqual(a, b, rules);
    }

    /**
     * Several values, by a rule that serves both readings of a plain comma (MATH idx 4791: the reference {@code 70,110}
     * lists two solutions, where {@code 15,600} is one number): text of one number with thousands separators is a list
     * only when the other answer is a list of several values, so {@code 110, 70} equals {@code 70,110} and so does
     * {@code 70110}, which the text alone cannot tell apart from a number.
     */
    private static boolean isList(String canonical, Sequence s) {
        return s.items().size() > 1 && !MathNormaliser.thousandsGrouped(canonical);
    }

    private static String ungroup(String canonical) {
        return MathNormaliser.thousandsGrouped(canonical) ? canonical.replace(",", "") : canonical;
    }

    private static boolean sameMultiset(List<String> a, List<String> b, Rules rules) {
        List<String> pool = new ArrayList<>(b);
        outer:
        for (String x : a) {
            for (int i = 0; i < pool.size(); i++) {
                if (scalarEqual(x, pool.get(i), rules)) {
                    pool.remove(i);
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    private static boolean scalarEqual(String a, String b, Rules rules) {
        if (a.equals(b)) return true;
        // "odd" read as the product o·d·d equals "dod"; Hendrycks and sympy both say the words differ
        if (rules.words() && (hasLetters(a) || hasLetters(b))) return false;
        if (rules.qwen() && qwenNumericEqual(a, b)) return true;
        ExactRational.Reading ra = ExactRational.read(a);
        ExactRational.Reading rb = ExactRational.read(b);
        // 2^{100000} is refused rather than approximated: a double would call it equal to 2^{100000}+1
        if (ra.tooLarge() || rb.tooLarge()) return false;
        if (ra.isValue() && rb.isValue()) return ra.value().equals(rb.value()); // no tolerance between rationals
        Optional<LatexExpression> ea = LatexExpression.parse(a);
        Optional<LatexExpression> eb = LatexExpression.parse(b);
        if (ea.isEmpty() || eb.isEmpty()) return false;
        Set<Character> vars = new TreeSet<>(ea.get().variables());
        vars.addAll(eb.get().variables());
        if (!vars.equals(ea.get().variables()) || !vars.equals(eb.get().variables())) return false;
        if (vars.isEmpty()) return constantsEqual(a, ea.get(), ra, b, eb.get(), rb);
        SplittableRandom rnd = new SplittableRandom(20240501L);
        int compared = 0;
        double[] values = new double[128];
        for (int p = 0; p < POINTS; p++) {
            for (char v : vars) values[v] = point(p, rnd);
            double x = ea.get().evaluate(values);
            double y = eb.get().evaluate(values);
            boolean fx = Double.isFinite(x);
            boolean fy = Double.isFinite(y);
            if (!fx && !fy) continue; // outside both domains (a root of a negative): no evidence
            if (!fx || !fy) return false; // defined on one side only: different functions
            if (Math.abs(x - y) > TOLERANCE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)))) return false;
            compared++;
        }
        return compared >= MIN_COMPARED;
    }

    /**
     * Two constants, not both rational. Hendrycks' string compare and lm-eval's {@code sympy.simplify(a - b) == 0}
     * both reject {@code 1.41421356237} for {@code \sqrt2}; a floating-point tolerance accepted it.
     */
    private static boolean constantsEqual(String a, LatexExpression ea, ExactRational.Reading ra,
                                          String b, LatexExpression eb, ExactRational.Reading rb) {
        Optional<BigDecimal> pa = ea.precise();
        Optional<BigDecimal> pb = eb.precise();
        if (pa.isPresent() && pb.isPresent()) {
            BigDecimal x = pa.get();
            BigDecimal y = pb.get();
            BigDecimal scale = x.abs().max(y.abs()).max(BigDecimal.ONE);
            // rounded to the working precision: an exact difference of two far-apart magnitudes would hold every digit between
            return x.subtract(y, LatexExpression.PRECISION).abs().compareTo(scale.multiply(PRECISE_TOLERANCE)) <= 0;
        }
        // one side has a function (or a power too large to take precisely): only doubles are left, and a decimal
        // written out is an approximation that must not pass for it (sympy: 0.5 is not \sin(\pi/6) either)
        if (writtenDecimal(a, ra) || writtenDecimal(b, rb)) return false;
        double x = ea.evaluate(new double[128]);
        double y = eb.evaluate(new double[128]);
        if (!Double.isFinite(x) || !Double.isFinite(y)) return false;
        return Math.abs(x - y) <= TOLERANCE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }

    /** grader.py {@code numeric_equal}: Python's {@code isclose(reference, prediction, rel_tol=1e-4)} on two constants. */
    private static boolean qwenNumericEqual(String a, String b) {
        if (a.contains("\\pi") || b.contains("\\pi")) return false;
        Optional<LatexExpression> ea = LatexExpression.parse(a);
        Optional<LatexExpression> eb = LatexExpression.parse(b);
        if (ea.isEmpty() || eb.isEmpty() || !ea.get().variables().isEmpty() || !eb.get().variables().isEmpty()) return false;
        double x = ea.get().evaluate(new double[128]);
        double y = eb.get().evaluate(new double[128]);
        if (!Double.isFinite(x) || !Double.isFinite(y)) return false;
        return Math.abs(x - y) <= QWEN_TOLERANCE * Math.max(Math.abs(x), Math.abs(y));
    }

    /** Letters that are not part of a command such as {@code \frac} or {@code \pi}. */
    private static boolean hasLetters(String s) {
        return LETTER.matcher(COMMAND.matcher(s).replaceAll("")).find();
    }

    /** A rational side written with a decimal point ("0.8660254038"), not as integers and fractions. */
    private static boolean writtenDecimal(String text, ExactRational.Reading r) {
        return r.isValue() && DECIMAL.matcher(text).find();
    }

    /**
     * The value of one variable at point {@code p}: the first {@link #POSITIVE_POINTS} in (1.1, 3.8), clear of 0, 1
     * and sign changes; the rest of either sign in (0.2, 3.8) in magnitude, so {@code \sqrt{x^2}} is not taken for
     * {@code x} nor {@code |x|}-like forms for their argument. Almost surely non-integers.
     */
    private static double point(int p, SplittableRandom rnd) {
        if (p < POSITIVE_POINTS) return 1.1 + 2.7 * rnd.nextDouble();
        double magnitude = 0.2 + 3.6 * rnd.nextDouble();
        return rnd.nextBoolean() ? -magnitude : magnitude;
    }

    /** An answer split at top-level commas, with its enclosing brackets ("" when bare). */
    record Sequence(String open, String close, List<String> items) {
        static Sequence of(String s) {
            String open = "";
            String close = "";
            String body = s;
            if (s.startsWith("\\{") && s.endsWith("\\}") && encloses(s, 2, s.length() - 2)) {
                open = "\\{";
                close = "\\}";
                body = s.substring(2, s.length() - 2);
            } else if (s.length() >= 2 && "([".indexOf(s.charAt(0)) >= 0 && ")]".indexOf(s.charAt(s.length() - 1)) >= 0
                    && encloses(s, 1, s.length() - 1)) {
                open = s.substring(0, 1);
                close = s.substring(s.length() - 1);
                body = s.substring(1, s.length() - 1);
            }
            List<String> items = splitTopLevel(body);
            if (items.size() < 2) return new Sequence("", "", List.of(s));
            return new Sequence(open, close, items);
        }

        /** True when {@code s[from, to)} never closes more brackets than it opened (the outer pair belongs together). */
        private static boolean encloses(String s, int from, int to) {
            int depth = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c == '(' || c == '[' || c == '{') depth++;
                else if (c == ')' || c == ']' || c == '}') {
                    if (--depth < 0) return false;
                }
            }
            return depth == 0;
        }

        private static List<String> splitTopLevel(String body) {
            List<String> out = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '(' || c == '[' || c == '{') depth++;
                else if (c == ')' || c == ']' || c == '}') depth--;
                else if (c == ',' && depth == 0) {
                    out.add(body.substring(start, i));
                    start = i + 1;
                }
            }
            out.add(body.substring(start));
            return out;
        }
    }
}
