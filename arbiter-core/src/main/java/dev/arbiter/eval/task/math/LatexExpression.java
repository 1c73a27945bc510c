package dev.arbiter.eval.task.math;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A parsed arithmetic LaTeX expression that can be evaluated: numbers, single-letter variables, {@code \pi},
 * {@code + - * / ^}, {@code \cdot \times \div}, implicit multiplication, {@code \frac{a}{b}}, mixed numbers
 * ({@code 1\frac{4}{5}}, as in {@link ExactRational}), {@code \sqrt{x}},
 * {@code \sqrt[n]{x}}, {@code \sin \cos \tan \ln \log \exp}, and (), [], {} as grouping. Anything else (an unknown
 * command, a relation, {@code \infty}) makes {@link #parse} return empty, so callers fall back to text comparison.
 * Input is expected already normalised (no spaces, no {@code \left}/{@code \right}).
 */
public final class LatexExpression {
    /** Significant digits of {@link #precise()}: far beyond any decimal an answer writes out. */
    static final MathContext PRECISION = new MathContext(100);

    /**
     * A node, evaluated with variable values indexed by letter ({@code vars['x']}), or without variables to
     * {@link #PRECISION} ({@link PreciseReal.NotAlgebraic} where that is not defined: a variable, a function).
     */
    private record Node(ToDoubleFunction<double[]> value, Function<MathContext, BigDecimal> precise) {
        double eval(double[] vars) { return value.applyAsDouble(vars); }

        BigDecimal precise(MathContext mc) { return precise.apply(mc); }
    }

    /** A node that has only a floating-point value. */
    private static Node approximate(ToDoubleFunction<double[]> value) {
        return new Node(value, mc -> { throw new PreciseReal.NotAlgebraic(); });
    }

    private final Node root;
    private final Set<Character> variables;

    private LatexExpression(Node root, Set<Character> variables) {
        this.root = root;
        this.variables = variables;
    }

    public static Optional<LatexExpression> parse(String text) {
        if (text == null || text.isEmpty()) return Optional.empty();
        Parser p = new Parser(text);
        try {
            Node n = p.expression();
            if (p.pos != text.length()) return Optional.empty();
            return Optional.of(new LatexExpression(n, p.variables));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Letters used as variables, in order. */
    public Set<Character> variables() { return variables; }

    /** The value with each variable set from {@code vars} (indexed by character). */
    public double evaluate(double[] vars) { return root.eval(vars); }

    /**
     * The value to {@link #PRECISION} of a constant built from numbers, {@code + - * /}, integer and rational powers,
     * roots and {@code \pi} (an algebraic expression, π aside); empty when it has a variable or a function
     * ({@code \sin}, {@code \ln}, …), divides by zero or takes an even root of a negative number.
     */
    public Optional<BigDecimal> precise() {
        if (!variables.isEmpty()) return Optional.empty();
        try {
            return Optional.of(root.precise(PRECISION));
        } catch (PreciseReal.NotAlgebraic | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static final class Parser {
        final String s;
        int pos;
        final Set<Character> variables = new TreeSet<>();

        Parser(String s) { this.s = s; }

        Node expression() {
            Node left = term();
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '+') {
                    pos++;
                    Node l = left, r = term();
                    left = new Node(v -> l.eval(v) + r.eval(v), mc -> l.precise(mc).add(r.precise(mc), mc));
                } else if (c == '-') {
                    pos++;
                    Node l = left, r = term();
                    left = new Node(v -> l.eval(v) - r.eval(v), mc -> l.precise(mc).subtract(r.precise(mc), mc));
                } else {
                    break;
                }
            }
            return left;
        }

        Node term() {
            Node left = unary();
            while (pos < s.length()) {
                if (eat("*") || eat("\\cdot") || eat("\\times")) {
                    left = times(left, unary());
                } else if (eat("/") || eat("\\div")) {
                    left = over(left, unary());
                } else if (startsAtom()) {
                    left = times(left, power());
                } else {
                    break;
                }
            }
            return left;
        }

        Node unary() {
            if (eat("-")) return negate(unary());
            if (eat("+")) return unary();
            return power();
        }

        Node power() {
            Node base = atom();
            if (eat("^")) {
                // an exponent's literal is never a mixed number: 2^3\frac{1}{2} is 2^3 times a half
                Node exp = s.startsWith("{", pos) ? group() : (eat("-") ? negate(atom(false)) : atom(false));
                Node b = base;
                return new Node(v -> Math.pow(b.eval(v), exp.eval(v)), mc -> PreciseReal.pow(b.precise(mc), exp.precise(mc), mc));
            }
            return base;
        }

        private static Node negate(Node n) { return new Node(v -> -n.eval(v), mc -> n.precise(mc).negate()); }

        private static Node times(Node l, Node r) {
            return new Node(v -> l.eval(v) * r.eval(v), mc -> l.precise(mc).multiply(r.precise(mc), mc));
        }

        private static Node over(Node l, Node r) {
            return new Node(v -> l.eval(v) / r.eval(v), mc -> l.precise(mc).divide(r.precise(mc), mc));
        }

        private static Node constant(BigDecimal d) {
            double x = d.doubleValue();
            return new Node(v -> x, mc -> d.round(mc));
        }

        boolean startsAtom() {
            if (pos >= s.length()) return false;
            char c = s.charAt(pos);
            if (Character.isDigit(c) || c == '.' || isLetter(c) || c == '(' || c == '[' || c == '{') return true;
            return s.startsWith("\\pi", pos) || s.startsWith("\\frac", pos) || s.startsWith("\\sqrt", pos)
                    || s.startsWith("\\sin", pos) || s.startsWith("\\cos", pos) || s.startsWith("\\tan", pos)
                    || s.startsWith("\\ln", pos) || s.startsWith("\\log", pos) || s.startsWith("\\exp", pos);
        }

        Node atom() { return atom(true); }

        /** @param mixed whether an integer literal followed by a numeric fraction is a mixed number ({@link ExactRational#mixedFractionEnd}) */
        Node atom(boolean mixed) {
            if (pos >= s.length()) throw new IllegalArgumentException("unexpected end");
            char c = s.charAt(pos);
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                Node whole = number();
                if (!mixed || s.substring(start, pos).contains(".") || ExactRational.mixedFractionEnd(s, pos) < 0) return whole;
                Node fraction = atom();
                return new Node(v -> whole.eval(v) + fraction.eval(v), mc -> whole.precise(mc).add(fraction.precise(mc), mc));
            }
            if (isLetter(c)) {
                pos++;
                variables.add(c);
                return approximate(v -> v[c]);
            }
            if (c == '(' || c == '[' || c == '{') {
                char close = c == '(' ? ')' : c == '[' ? ']' : '}';
                pos++;
                Node n = expression();
                if (!eat(String.valueOf(close))) throw new IllegalArgumentException("unclosed " + c);
                return n;
            }
            if (eat("\\pi")) return new Node(v -> Math.PI, PreciseReal::pi);
            if (eat("\\frac")) {
                Node num = group(), den = group();
                return over(num, den);
            }
            if (eat("\\sqrt")) {
                Node index = null;
                if (eat("[")) {
                    index = expression();
                    if (!eat("]")) throw new IllegalArgumentException("unclosed root index");
                }
                Node radicand = group();
                if (index == null) return new Node(v -> Math.sqrt(radicand.eval(v)), mc -> PreciseReal.root(radicand.precise(mc), BigDecimal.valueOf(2), mc));
                Node k = index;
                return new Node(v -> Math.pow(radicand.eval(v), 1.0 / k.eval(v)), mc -> PreciseReal.root(radicand.precise(mc), k.precise(mc), mc));
            }
            for (String f : new String[] {"sin", "cos", "tan", "ln", "log", "exp"}) {
                if (eat("\\" + f)) {
                    Node arg = power();
                    return approximate(switch (f) {
                        case "sin" -> v -> Math.sin(arg.eval(v));
                        case "cos" -> v -> Math.cos(arg.eval(v));
                        case "tan" -> v -> Math.tan(arg.eval(v));
                        case "ln" -> v -> Math.log(arg.eval(v));
                        case "log" -> v -> Math.log10(arg.eval(v));
                        default -> v -> Math.exp(arg.eval(v));
                    });
                }
            }
            throw new IllegalArgumentException("unsupported at " + pos);
        }

        /** A braced group, or a single digit/letter (as in {@code \frac12} that escaped normalisation). */
        Node group() {
            if (eat("{")) {
                Node n = expression();
                if (!eat("}")) throw new IllegalArgumentException("unclosed {");
                return n;
            }
            if (pos < s.length() && Character.isDigit(s.charAt(pos))) return constant(BigDecimal.valueOf(s.charAt(pos++) - '0'));
            return atom();
        }

        Node number() {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            }
            String lit = s.substring(start, pos);
            if (lit.equals(".")) throw new IllegalArgumentException("lone point");
            return constant(new BigDecimal(lit));
        }

        boolean eat(String token) {
            if (s.startsWith(token, pos)) {
                // "\pi" must not eat the start of "\pitchfork"; commands end at a non-letter
                if (token.startsWith("\\") && token.length() > 1 && Character.isLetter(token.charAt(token.length() - 1))
                        && pos + token.length() < s.length() && Character.isLetter(s.charAt(pos + token.length()))) {
                    return false;
                }
                pos += token.length();
                return true;
            }
            return false;
        }

        private static boolean isLetter(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
    }
}
