package dev.arbiter.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Everything the CLI prints goes through this writer, so no text from a server or a model (an error body, a model
 * name, an answer) can drive the terminal: C0 control characters other than newline and tab, DEL, C1 controls
 * (U+0080–U+009F, e.g. the one-byte CSI U+009B) and the bidirectional overrides that reorder what is shown are
 * printed as visible escapes ({@code \x1b}, {@code \u202e}); a CR is kept only as part of a CRLF line ending. The one exception is the progress bar's own redraw,
 * a write that starts with {@code \r} and ends with {@code ESC[K}; its content in between is escaped like the rest.
 * JSON output is unaffected: JSON already escapes every control character.
 */
final class TerminalSafeWriter extends FilterWriter {
    static final String REDRAW_START = "\r";
    static final String REDRAW_END = "\u001b[K";

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    /** The text with every character that could move the cursor, recolour or reorder the screen made visible. */
    static String escape(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // CRLF is a line ending (CSV records end with it); a lone CR could overwrite the line on screen.
            if (safe(c) || c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                if (b != null) b.append(c);
                continue;
            }
            if (b == null) b = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (c < 0x100) b.append(String.format(java.util.Locale.US, "\\x%02x", (int) c));
            else b.append(String.format(java.util.Locale.US, "\\u%04x", (int) c));
        }
        return b == null ? s : b.toString();
    }

    static boolean safe(char c) {
        if (c == '\n' || c == '\t') return true;
        if (c < 0x20 || c == 0x7f) return false;
        if (c >= 0x80 && c <= 0x9f) return false;
        return !(c >= '\u202a' && c <= '\u202e') && !(c >= '\u2066' && c <= '\u2069');
    }

    @Override
    public void write(int c) throws IOException {
        out.write(escape(String.valueOf((char) c)));
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        write(new String(cbuf, off, len), 0, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        String s = str.substring(off, off + len);
        if (s.startsWith(REDRAW_START) && s.endsWith(REDRAW_END) && s.length() >= 4) {
            out.write(REDRAW_START + escape(s.substring(1, s.length() - REDRAW_END.length())) + REDRAW_END);
        } else {
            out.write(escape(s));
        }
    }
}
