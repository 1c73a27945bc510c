package dev.arbiter.eval.task.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Whether two MATH answers mean the same. In order: equal canonical text ({@link MathNormaliser}); then, for
 * comma-separated answers, element by element — ordered for tuples and intervals (brackets must match:
 * {@code (1,2]} ≠ {@code [1,2]}), unordered for sets {@code \{…\}} and bare lists ("enter all solutions"); then,
 * per element, numeric equality when both sides parse as expressions ({@link LatexExpression}): fractions, decimals,
 * radicals and π evaluate exactly enough, and expressions in variables are compared at fixed pseudo-random points
 * (a polynomial identity test). Relative tolerance 1e-9; a NaN or infinity on either side is never equal.
 */
public final class MathEquivalence {
    private static final double TOLERANCE = 1e-9;
    private static final int POINTS = 5;

    private MathEquivalence() {}

    public static boolean equivalent(String candidate, String reference) {
        if (candidate == null || reference == null) return false;
        String a = MathNormaliser.normalise(candidate);
        String b = MathNormaliser.normalise(reference);
        if (a.equals(b)) return true;
        Sequence sa = Sequence.of(a);
        Sequence sb = Sequence.of(b);
        if (sa.items().size() > 1 || sb.items().size() > 1) {
            if (sa.items().size() != sb.items().size()) return false;
            boolean unorderedA = sa.open().equals("\\{") || sa.open().isEmpty();
            boolean unorderedB = sb.open().equals("\\{") || sb.open().isEmpty();
            if (unorderedA && unorderedB) return sameMultiset(sa.items(), sb.items());
            if (!sa.open().equals(sb.open()) || !sa.close().equals(sb.close())) return false;
            for (int i = 0; i < sa.items().size(); i++) {
                if (!scalarEqual(sa.items().get(i), sb.items().get(i))) return false;
            }
            return true;
        }
        return scalarEqual(a, b);
    }

    private static boolean sameMultiset(List<String> a, List<String> b) {
        List<String> pool = new ArrayList<>(b);
        outer:
        for (String x : a) {
            for (int i = 0; i < pool.size(); i++) {
                if (scalarEqual(x, pool.get(i))) {
                    pool.remove(i);
                    continue outer;
                }
            }
            return false;
        }
        return true;
    }

    static boolean scalarEqual(String a, String b) {
        if (a.equals(b)) return true;
        Optional<LatexExpression> ea = LatexExpression.parse(a);
        Optional<LatexExpression> eb = LatexExpression.parse(b);
        if (ea.isEmpty() || eb.isEmpty()) return false;
        Set<Character> vars = new TreeSet<>(ea.get().variables());
        vars.addAll(eb.get().variables());
        if (!vars.equals(ea.get().variables()) || !vars.equals(eb.get().variables())) return false;
        SplittableRandom rnd = new SplittableRandom(20240501L);
        int points = vars.isEmpty() ? 1 : POINTS;
        double[] values = new double[128];
        for (int p = 0; p < points; p++) {
            for (char v : vars) values[v] = 1.1 + 2.7 * rnd.nextDouble(); // (1.1, 3.8): clear of 0, 1 and sign changes
            double x = ea.get().evaluate(values);
            double y = eb.get().evaluate(values);
            if (!Double.isFinite(x) || !Double.isFinite(y)) return false;
            if (Math.abs(x - y) > TOLERANCE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)))) return false;
        }
        return true;
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
