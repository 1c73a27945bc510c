package dev.arbiter.client.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into UTF-8 lines ended by LF, CR or CRLF (SSE allows all three). A line is returned as soon
 * as its terminator arrives: after a CR the reader does not wait to see whether an LF follows, it skips that LF
 * on the next call instead, so a CR-terminated stream is not delayed by one chunk. Splitting on bytes is safe
 * because CR and LF never occur inside a multi-byte UTF-8 sequence.
 */
public final class LineReader {
    /** Longest line accepted, in bytes; model output is untrusted. */
    public static final int MAX_LINE_BYTES = 8 << 20;

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private boolean skipLf;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at end of stream (a final unterminated line is returned). */
    public String readLine() throws IOException {
        line.reset();
        while (true) {
            int b = in.read();
            if (b == -1) {
                return line.size() == 0 ? null : text();
            }
            if (skipLf) {
                skipLf = false;
                if (b == '\n') continue;
            }
            if (b == '\n') return text();
            if (b == '\r') {
                skipLf = true;
                return text();
            }
            if (line.size() >= MAX_LINE_BYTES) throw new LineTooLongException(MAX_LINE_BYTES);
            line.write(b);
        }
    }

    private String text() {
        return line.toString(StandardCharsets.UTF_8);
    }

    /** A line longer than {@link #MAX_LINE_BYTES}. */
    public static final class LineTooLongException extends IOException {
        LineTooLongException(int max) {
            super("line longer than " + max + " bytes");
        }
    }
}
