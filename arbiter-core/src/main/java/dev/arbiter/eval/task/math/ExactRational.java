package dev.arbiter.eval.task.math;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exact value of a constant rational expression: integers and decimals, {@code + - * /}, {@code \cdot \times
 * \div}, implicit multiplication, {@code \frac{a}{b}}, mixed numbers ({@link #mixedFractionEnd}), integer powers and
 * (), [], {} as grouping. Anything else (a variable, a root, {@code \pi}) is {@link Kind#NOT_RATIONAL}, and the caller
 * compares otherwise. Used so that large integers are compared exactly: {@code 12345678902} is not {@code
 * 12345678901}, nor {@code 2^{65}+1} {@code 2^{65}}, which a relative tolerance would call equal. A value that would
 * need more than {@link #MAX_BITS} bits is {@link Kind#TOO_LARGE}: refused, never approximated. Input is expected
 * normalised (no spaces).
 */
final class ExactRational {
    /** Numerator and denominator in lowest terms, denominator > 0. */
    record Value(BigInteger num, BigInteger den) {
        Value {
            if (den.signum() == 0) throw new ArithmeticException("division by zero");
            if (den.signum() < 0) {
                num = num.negate();
                den = den.negate();
            }
            BigInteger g = num.gcd(den);
            if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
                num = num.divide(g);
                den = den.divide(g);
            }
        }

        static Value of(BigInteger n) { return new Value(n, BigInteger.ONE); }

        Value plus(Value o) { return new Value(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den)); }
        Value minus(Value o) { return plus(o.negate()); }
        Value times(Value o) { return new Value(num.multiply(o.num), den.multiply(o.den)); }
        Value over(Value o) { return new Value(num.multiply(o.den), den.multiply(o.num)); }
        Value negate() { return new Value(num.negate(), den); }

        /** This to the power {@code k}; {@link TooLarge} when the result would need more than {@link #MAX_BITS} bits. */
        Value pow(BigInteger k) {
            if (num.signum() == 0) {
                if (k.signum() < 0) throw new ArithmeticException("division by zero");
                return k.signum() == 0 ? of(BigInteger.ONE) : this;
            }
            if (num.abs().equals(BigInteger.ONE) && den.equals(BigInteger.ONE)) return k.testBit(0) ? this : of(BigInteger.ONE);
            // |num|, den > 1 here: the result has about max(bits) * |k| bits, estimated before anything is computed
            long bits = Math.max(num.bitLength(), den.bitLength());
            if (k.abs().bitLength() > 31 || bits * k.abs().longValueExact() > MAX_BITS) throw new TooLarge();
            int n = k.intValueExact();
            if (n >= 0) return new Value(num.pow(n), den.pow(n));
            return new Value(den.pow(-n), num.pow(-n));
        }
    }

    /** What an exact reading found: a value, something not rational, or a value too large to hold. */
    enum Kind { VALUE, NOT_RATIONAL, TOO_LARGE }

    /** @param value the value when {@code kind} is VALUE, else null */
    record Reading(Kind kind, Value value) {
        static final Reading NOT_RATIONAL = new Reading(Kind.NOT_RATIONAL, null);
        static final Reading TOO_LARGE = new Reading(Kind.TOO_LARGE, null);

        boolean isValue() { return kind == Kind.VALUE; }
        boolean tooLarge() { return kind == Kind.TOO_LARGE; }
    }

    /** A power or literal beyond {@link #MAX_BITS}. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() { super(null, null, false, false); }
    }

    /** Digits of the largest literal accepted. */
    private static final int MAX_DIGITS = 400;
    /**
     * Bits of the largest power computed (about 9,900 decimal digits; {@code 2^{32768}} is refused, {@code 3^{100}}
     * takes 159): enough for any competition answer, and a huge exponent ({@code 10^{10^{10}}}) costs nothing.
     */
    static final int MAX_BITS = 1 << 15;
    /** A fraction of two unsigned integer literals, the only kind that makes a mixed number. */
    private static final Pattern NUMERIC_FRACTION = Pattern.compile("\\\\frac\\{\\d+\\}\\{\\d+\\}");

    private ExactRational() {}

    /**
     * Where the numeric fraction of a mixed number ends, or -1: MATH writes one and four fifths as {@code 1\frac{4}{5}}
     * (MATH-500 test/geometry/826, {@code 137 \frac{1}{2}} in test/algebra/2470), so an integer literal ending at
     * {@code pos} and followed by {@code \frac{a}{b}} of integer literals is the integer plus the fraction, not their
     * product. A fraction holding anything else ({@code 2\frac{\pi}{3}}) stays a product. Input is normalised, so a
     * space written between them is gone.
     */
    static int mixedFractionEnd(String s, int pos) {
        Matcher m = NUMERIC_FRACTION.matcher(s).region(pos, s.length());
        return m.lookingAt() ? m.end() : -1;
    }

    static Optional<Value> parse(String text) {
        return Optional.ofNullable(read(text).value());
    }

    static Reading read(String text) {
        if (text == null || text.isEmpty() || text.length() > 2 * MAX_DIGITS) return Reading.NOT_RATIONAL;
        Parser p = new Parser(text);
        try {
            Value v = p.expression();
            return p.pos == text.length() ? new Reading(Kind.VALUE, v) : Reading.NOT_RATIONAL;
        } catch (TooLarge e) {
            return Reading.TOO_LARGE;
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Reading.NOT_RATIONAL;
        }
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) { this.s = s; }

        Value expression() {
            Value left = term();
            while (pos < s.length()) {
                if (eat("+")) left = left.plus(term());
                else if (eat("-")) left = left.minus(term());
                else break;
            }
            return left;
        }

        Value term() {
            Value left = unary();
            while (pos < s.length()) {
                if (eat("*") || eat("\\cdot") || eat("\\times")) left = left.times(unary());
                else if (eat("/") || eat("\\div")) left = left.over(unary());
                else if (startsAtom()) left = left.times(power());
                else break;
            }
            return left;
        }

        Value unary() {
            if (eat("-")) return unary().negate();
            if (eat("+")) return unary();
            return power();
        }

        Value power() {
            Value base = atom();
            if (!eat("^")) return base;
            Value exp = s.startsWith("{", pos) ? group() : eat("-") ? exponentAtom().negate() : exponentAtom();
            if (!exp.den().equals(BigInteger.ONE)) throw new IllegalArgumentException("exponent not an integer");
            return base.pow(exp.num());
        }

        /**
         * A bare exponent: a literal is read whole, as {@link LatexExpression} reads it, so {@code 2^10} is 1024 (v2 took
         * one digit and read 2^1 times 0); a decimal one is not an integer and the caller refuses it.
         */
        Value exponentAtom() {
            if (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) return number();
            return atom();
        }

        boolean startsAtom() {
            if (pos >= s.length()) return false;
            char c = s.charAt(pos);
            return Character.isDigit(c) || c == '.' || c == '(' || c == '[' || c == '{' || s.startsWith("\\frac", pos);
        }

        Value atom() {
            if (pos >= s.length()) throw new IllegalArgumentException("unexpected end");
            char c = s.charAt(pos);
            if (Character.isDigit(c) || c == '.') {
                boolean integer = integerLiteralAt(pos);
                Value v = number();
                if (integer && mixedFractionEnd(s, pos) >= 0) return v.plus(atom());
                return v;
            }
            if (c == '(' || c == '[' || c == '{') {
                char close = c == '(' ? ')' : c == '[' ? ']' : '}';
                pos++;
                Value v = expression();
                if (!eat(String.valueOf(close))) throw new IllegalArgumentException("unclosed " + c);
                return v;
            }
            if (eat("\\frac")) {
                Value num = group();
                return num.over(group());
            }
            throw new IllegalArgumentException("not rational at " + pos);
        }

        /** True when the literal starting at {@code from} has no decimal point (1.5\frac{1}{2} stays a product). */
        boolean integerLiteralAt(int from) {
            int i = from;
            while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            return i > from && (i == s.length() || s.charAt(i) != '.');
        }

        /** A braced group, or one digit (as in {@code \frac12}). */
        Value group() {
            if (eat("{")) {
                Value v = expression();
                if (!eat("}")) throw new IllegalArgumentException("unclosed {");
                return v;
            }
            return digit();
        }

        Value digit() {
            if (pos < s.length() && Character.isDigit(s.charAt(pos))) return Value.of(BigInteger.valueOf(s.charAt(pos++) - '0'));
            throw new IllegalArgumentException("digit expected at " + pos);
        }

        Value number() {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            }
            String lit = s.substring(start, pos);
            if (lit.equals(".")) throw new IllegalArgumentException("bad number");
            if (lit.length() > MAX_DIGITS) throw new TooLarge();
            BigDecimal d = new BigDecimal(lit);
            return d.scale() <= 0 ? Value.of(d.toBigIntegerExact())
                    : new Value(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
        }

        boolean eat(String token) {
            if (!s.startsWith(token, pos)) return false;
            if (token.startsWith("\\") && token.length() > 1 && pos + token.length() < s.length()
                    && Character.isLetter(s.charAt(pos + token.length()))) {
                return false;
            }
            pos += token.length();
            return true;
        }
    }
}
