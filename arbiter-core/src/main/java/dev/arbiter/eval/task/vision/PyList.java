package dev.arbiter.eval.task.vision;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Python list of string literals, as MMMU's Hugging Face export stores {@code options} (and a few open
 * answers): {@code ['$6', "It's", 'a\nb']}. Single or double quotes, backslash escapes ({@code \\ \' \" \n \t \r
 * \xhh \\uhhhh}), optional trailing comma. Anything else is refused with the position it stopped at.
 */
final class PyList {
    private final String s;
    private int i;

    private PyList(String s) {
        this.s = s;
    }

    /** The strings of {@code text}; throws IllegalArgumentException naming what was expected where. */
    static List<String> parse(String text) {
        PyList p = new PyList(text);
        return p.list();
    }

    private List<String> list() {
        List<String> out = new ArrayList<>();
        space();
        expect('[');
        space();
        if (peek() == ']') {
            i++;
            return end(out);
        }
        while (true) {
            out.add(string());
            space();
            char c = next();
            if (c == ']') return end(out);
            if (c != ',') {
                i--;  // point at the offending character
                throw fail("',' or ']'");
            }
            space();
            if (peek() == ']') {
                i++;
                return end(out);
            }
        }
    }

    private List<String> end(List<String> out) {
        space();
        if (i != s.length()) throw fail("the end of the list");
        return out;
    }

    private String string() {
        char q = next();
        if (q != '\'' && q != '"') {
            i--;
            throw fail("a quoted string");
        }
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == q) return b.toString();
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '\\', '\'', '"' -> b.append(e);
                case 'x' -> b.append((char) hex(2));
                case 'u' -> b.append((char) hex(4));
                case '\n' -> { }  // a line continuation
                default -> b.append('\\').append(e);  // Python keeps unknown escapes as written
            }
        }
    }

    private int hex(int n) {
        if (i + n > s.length()) throw fail(n + " hex digits");
        try {
            int v = Integer.parseInt(s.substring(i, i + n), 16);
            i += n;
            return v;
        } catch (NumberFormatException e) {
            throw fail(n + " hex digits");
        }
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private char next() {
        if (i >= s.length()) throw fail("more text (it ends early)");
        return s.charAt(i++);
    }

    private void expect(char c) {
        if (next() != c) throw fail("'" + c + "'");
    }

    private IllegalArgumentException fail(String expected) {
        return new IllegalArgumentException("expected " + expected + " at character " + (i + 1) + " of a Python list of strings");
    }
}
