package dev.arbiter.client.openai;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A scanner for the one chunk shape nearly every server streams ({@code {"model":…,"choices":[{"index":0,"delta":
 * {"content":"…"},"finish_reason":null}],"usage":…}}), straight over the UTF-8 bytes: no parser object, no symbol
 * table, no token stream. At C1 speed, creating a Jackson parser and walking its tokens for each of an answer's 18
 * chunks was the largest share of an eval worker's CPU after the other fixes (docs/performance.md).
 *
 * <p>It gives up (returns null) on anything it is not sure of — an escape other than JSON's, a control character in
 * a string, a number that is not a plain int where an int is read, a field name with an escape, nesting deeper than
 * 32, logprobs, an in-band error, an Ollama shape, anything that is not strict JSON — and {@link StreamChunks} then
 * reads the chunk as before. What it accepts, it reads exactly as the Jackson path does ({@code ChunkScannerTest}
 * compares the two on generated and mutated chunks): text is the bytes decoded as UTF-8 (malformed sequences
 * replaced, as decoding the event to a String always did), fields it does not know are skipped, a repeated field
 * keeps its last value, and what follows the closing brace is ignored.
 */
final class ChunkScanner {
    private static final int MAX_DEPTH = 32;

    private final byte[] b;
    private final int end;
    private int i;

    private ChunkScanner(byte[] b, int from, int length) {
        this.b = b;
        this.i = from;
        this.end = from + length;
    }

    /** The chunk in {@code b[from, from + length)}, or null when it is not the plain shape (then Jackson decides). */
    static CompletionBody scan(byte[] b, int from, int length) {
        try {
            return new ChunkScanner(b, from, length).body();
        } catch (GiveUp e) {
            return null;
        }
    }

    /** Thrown (without a stack trace) when the chunk is not one this scanner reads with certainty. */
    private static final class GiveUp extends RuntimeException {
        static final GiveUp INSTANCE = new GiveUp();

        private GiveUp() {
            super(null, null, false, false);
        }
    }

    private static GiveUp giveUp() {
        return GiveUp.INSTANCE;
    }

    private CompletionBody body() {
        String model = null;
        List<Choice> choices = null;
        WireUsage usage = null;
        if (!startObject()) return new CompletionBody(null, null, null, null, null, null);
        do {
            String name = name();
            switch (name) {
                case "model" -> {
                    String m = stringOrNull(); // a later null keeps an earlier name, as the Jackson path does
                    if (m != null) model = m;
                }
                case "choices" -> {
                    if (isNull()) {
                        choices = null;
                        continue;
                    }
                    choices = new ArrayList<>(1);
                    if (startArray()) {
                        do {
                            choices.add(isNull() ? null : choice());
                        } while (nextInArray());
                    }
                }
                case "usage" -> usage = isNull() ? null : usage();
                case "error", "done", "message" -> {
                    if (!isNull()) throw giveUp(); // in-band error or Ollama shape: the binder's case
                }
                default -> skipValue(0);
            }
        } while (nextInObject());
        return new CompletionBody(model, choices, usage, null, null, null);
    }

    private Choice choice() {
        Integer index = null;
        WireMessage delta = null;
        WireMessage message = null;
        String text = null;
        String finish = null;
        if (startObject()) {
            do {
                String name = name();
                switch (name) {
                    case "index" -> index = intOrNull();
                    case "delta" -> delta = isNull() ? null : message();
                    case "message" -> message = isNull() ? null : message();
                    case "text" -> text = stringOrNull();
                    case "finish_reason" -> finish = stringOrNull();
                    case "logprobs" -> {
                        if (!isNull()) throw giveUp(); // the binder reads logprobs
                    }
                    default -> skipValue(0);
                }
            } while (nextInObject());
        }
        return new Choice(index, message, delta, text, finish, null);
    }

    private WireMessage message() {
        String role = null;
        String content = null;
        String reasoningContent = null;
        String reasoning = null;
        if (startObject()) {
            do {
                String name = name();
                switch (name) {
                    case "role" -> role = stringOrNull();
                    case "content" -> content = stringOrNull();
                    case "reasoning_content" -> reasoningContent = stringOrNull();
                    case "reasoning" -> reasoning = stringOrNull();
                    default -> skipValue(0);
                }
            } while (nextInObject());
        }
        return new WireMessage(role, content, reasoningContent, reasoning);
    }

    private WireUsage usage() {
        Integer prompt = null;
        Integer completion = null;
        if (startObject()) {
            do {
                String name = name();
                switch (name) {
                    case "prompt_tokens" -> prompt = intOrNull();
                    case "completion_tokens" -> completion = intOrNull();
                    default -> skipValue(0);
                }
            } while (nextInObject());
        }
        return new WireUsage(prompt, completion);
    }

    // ---- tokens ----

    private void ws() {
        int at = i;
        while (at < end) {
            byte c = b[at];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
            at++;
        }
        i = at;
    }

    private byte peek() {
        ws();
        if (i >= end) throw giveUp();
        return b[i];
    }

    /** Consumes {@code {}; true when a member follows, false for an empty object (its {@code }} consumed too). */
    private boolean startObject() {
        if (peek() != '{') throw giveUp();
        i++;
        if (peek() == '}') {
            i++;
            return false;
        }
        return true;
    }

    private boolean startArray() {
        if (peek() != '[') throw giveUp();
        i++;
        if (peek() == ']') {
            i++;
            return false;
        }
        return true;
    }

    /** After a member's value: true at a comma (another member follows), false at the closing brace. */
    private boolean nextInObject() {
        byte c = peek();
        i++;
        if (c == ',') return true;
        if (c == '}') return false;
        throw giveUp();
    }

    private boolean nextInArray() {
        byte c = peek();
        i++;
        if (c == ',') return true;
        if (c == ']') return false;
        throw giveUp();
    }

    /** Names the scanner acts on; any other name reads as {@link #OTHER}. */
    private static final String[] KNOWN = {"model", "choices", "usage", "error", "done", "message", "index", "delta", "text",
            "finish_reason", "logprobs", "role", "content", "reasoning_content", "reasoning", "prompt_tokens", "completion_tokens"};
    private static final byte[][] KNOWN_BYTES = new byte[KNOWN.length][];
    /** Not a name in {@link #KNOWN}: skipped wherever it appears. */
    private static final String OTHER = "\u0000other";

    static {
        for (int k = 0; k < KNOWN.length; k++) KNOWN_BYTES[k] = KNOWN[k].getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A member's name and its colon, as one of {@link #KNOWN} or {@link #OTHER}, compared as bytes without building a
     * String (a known name is ASCII, so it equals the decoded name exactly when the bytes are equal); names with
     * escapes are left to Jackson.
     */
    private String name() {
        if (peek() != '"') throw giveUp();
        byte[] b = this.b; // locals: C1 does not keep fields in registers across a loop
        int end = this.end;
        int start = i + 1;
        int at = start;
        while (at < end && b[at] != '"') {
            if (b[at] == '\\' || (b[at] >= 0 && b[at] < 0x20)) throw giveUp();
            at++;
        }
        if (at >= end || at - start > 1000) throw giveUp(); // Jackson limits a name's length: let it judge long ones
        String name = at == start ? OTHER : known(start, at - start);
        i = at + 1;
        if (peek() != ':') throw giveUp();
        i++;
        return name;
    }

    private String known(int from, int n) {
        byte[] b = this.b;
        for (int k = 0; k < KNOWN_BYTES.length; k++) {
            byte[] kb = KNOWN_BYTES[k];
            if (kb.length != n || kb[0] != b[from]) continue;
            int j = 1;
            while (j < n && kb[j] == b[from + j]) j++;
            if (j == n) return KNOWN[k];
        }
        return OTHER;
    }

    /** Consumes {@code null} when it is next. */
    private boolean isNull() {
        if (peek() != 'n') return false;
        literal("null");
        return true;
    }

    private void literal(String word) {
        if (end - i < word.length()) throw giveUp();
        for (int k = 0; k < word.length(); k++) if (b[i + k] != word.charAt(k)) throw giveUp();
        i += word.length();
        if (i < end && isWordByte(b[i])) throw giveUp(); // "nullx" is not null
    }

    private static boolean isWordByte(byte c) {
        return c < 0 || Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '-' || c == '+' || c == '.';
    }

    private String stringOrNull() {
        if (isNull()) return null;
        if (peek() != '"') throw giveUp();
        return string();
    }

    /** A string at {@code "}: its text, escapes decoded, the rest decoded as UTF-8. */
    private String string() {
        byte[] b = this.b;
        int end = this.end;
        int start = i + 1;
        for (int at = start; at < end; at++) { // the usual string: no escape, no control character
            byte c = b[at];
            if (c == '"') {
                i = at + 1;
                return new String(b, start, at - start, StandardCharsets.UTF_8);
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) break;
        }
        i = start;
        StringBuilder out = null;
        int run = start;
        while (true) {
            if (i >= end) throw giveUp();
            byte c = b[i];
            if (c == '"') break;
            if (c >= 0 && c < 0x20) throw giveUp();
            if (c != '\\') {
                i++;
                continue;
            }
            if (out == null) out = new StringBuilder(i - start + 16);
            out.append(new String(b, run, i - run, StandardCharsets.UTF_8));
            if (i + 1 >= end) throw giveUp();
            byte e = b[i + 1];
            i += 2;
            switch (e) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 > end) throw giveUp();
                    int v = 0;
                    for (int k = 0; k < 4; k++) {
                        int d = Character.digit(b[i + k], 16);
                        if (d < 0 || b[i + k] < 0) throw giveUp();
                        v = (v << 4) | d;
                    }
                    i += 4;
                    out.append((char) v);
                }
                default -> throw giveUp();
            }
            run = i;
        }
        String s;
        if (out == null) s = new String(b, start, i - start, StandardCharsets.UTF_8);
        else s = out.append(new String(b, run, i - run, StandardCharsets.UTF_8)).toString();
        i++;
        return s;
    }

    /** Past a string at {@code "}, checked as {@link #string()} checks it, without building it. */
    private void skipString() {
        byte[] b = this.b;
        int end = this.end;
        for (int at = i + 1; at < end; at++) {
            byte c = b[at];
            if (c == '"') {
                i = at + 1;
                return;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) break;
        }
        i++;
        while (true) {
            if (i >= end) throw giveUp();
            byte c = b[i];
            if (c == '"') break;
            if (c >= 0 && c < 0x20) throw giveUp();
            if (c != '\\') {
                i++;
                continue;
            }
            if (i + 1 >= end) throw giveUp();
            byte e = b[i + 1];
            i += 2;
            if (e == 'u') {
                if (i + 4 > end) throw giveUp();
                for (int k = 0; k < 4; k++) if (b[i + k] < 0 || Character.digit(b[i + k], 16) < 0) throw giveUp();
                i += 4;
            } else if (e != '"' && e != '\\' && e != '/' && e != 'b' && e != 'f' && e != 'n' && e != 'r' && e != 't') {
                throw giveUp();
            }
        }
        i++;
    }

    /** null, or an int as JSON writes one (no fraction, no exponent, no leading zero) that fits in an int. */
    private Integer intOrNull() {
        if (isNull()) return null;
        int start = i;
        boolean negative = b[i] == '-';
        if (negative) i++;
        long v = 0;
        int digits = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            v = v * 10 + (b[i] - '0');
            i++;
            if (++digits > 10) throw giveUp();
        }
        if (digits == 0 || (digits > 1 && b[start + (negative ? 1 : 0)] == '0')) throw giveUp();
        if (i < end && isWordByte(b[i])) throw giveUp(); // a fraction, an exponent or junk: Jackson decides
        if (negative) v = -v;
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) throw giveUp();
        return (int) v;
    }

    /** Skips any strict JSON value. */
    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) throw giveUp();
        byte c = peek();
        switch (c) {
            case '"' -> skipString();
            case '{' -> {
                if (startObject()) {
                    do {
                        name();
                        skipValue(depth + 1);
                    } while (nextInObject());
                }
            }
            case '[' -> {
                if (startArray()) {
                    do skipValue(depth + 1); while (nextInArray());
                }
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> number();
        }
    }

    /** A JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? followed by no word byte; long ones to Jackson. */
    private void number() {
        int start = i;
        numberBody();
        if (i - start > 100) throw giveUp(); // Jackson limits a number's length: let it judge long ones
    }

    private void numberBody() {
        if (i < end && b[i] == '-') i++;
        if (i >= end) throw giveUp();
        if (b[i] == '0') i++;
        else if (b[i] >= '1' && b[i] <= '9') digits();
        else throw giveUp();
        if (i < end && b[i] == '.') {
            i++;
            if (digits() == 0) throw giveUp();
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) i++;
            if (digits() == 0) throw giveUp();
        }
        if (i < end && isWordByte(b[i])) throw giveUp();
    }

    private int digits() {
        int n = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
            n++;
        }
        return n;
    }
}
