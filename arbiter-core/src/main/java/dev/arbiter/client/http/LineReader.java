package dev.arbiter.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into UTF-8 lines ended by LF, CR or CRLF (SSE allows all three). A line is returned as soon
 * as its terminator arrives: after a CR the reader does not wait to see whether an LF follows, it skips that LF
 * on the next call instead, so a CR-terminated stream is not delayed by one chunk. Splitting on bytes is safe
 * because CR and LF never occur inside a multi-byte UTF-8 sequence.
 *
 * <p>Reads in bulk, but never more than the stream says is {@link InputStream#available() available} (one byte when
 * it says nothing): a read never waits for bytes beyond the line being completed, so a line is handed out as soon
 * as it arrived, and an {@link ArrivalStamped} stream's stamp still belongs to the read that held its last byte.
 */
public final class LineReader {
    /** Longest line accepted, in bytes; model output is untrusted. */
    public static final int MAX_LINE_BYTES = 8 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[8 << 10];
    private int pos;
    private int limit;
    /** Bytes of a line that spans more than one fill of {@link #buf}. */
    private byte[] line = new byte[256];
    private int length;
    private boolean skipLf;

    public LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its terminator, or null at end of stream (a final unterminated line is returned). */
    public String readLine() throws IOException {
        int n = readLineBytes();
        return n < 0 ? null : new String(lineBytes, lineStart, n, StandardCharsets.UTF_8);
    }

    /** Where the line of the last {@link #readLineBytes()} is: valid until the next read. */
    private byte[] lineBytes;
    private int lineStart;

    /**
     * The next line as bytes, without a String: returns its length (-1 at end of stream) and leaves it in
     * {@link #lineBytes()} from {@link #lineStart()}, valid until the next read. Same lines as {@link #readLine()}.
     */
    public int readLineBytes() throws IOException {
        length = 0;
        while (true) {
            if (pos == limit && !fill()) return length == 0 ? -1 : held();
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            int end = start;
            while (end < limit && buf[end] != '\n' && buf[end] != '\r') end++;
            if (length + (end - start) > MAX_LINE_BYTES) throw new LineTooLongException(MAX_LINE_BYTES);
            pos = end;
            if (end == limit) {
                keep(start, end - start); // no terminator yet: the line goes on in the next read
                continue;
            }
            skipLf = buf[pos++] == '\r';
            if (length == 0) {
                lineBytes = buf;
                lineStart = start;
                return end - start;
            }
            keep(start, end - start);
            return held();
        }
    }

    public byte[] lineBytes() { return lineBytes; }

    public int lineStart() { return lineStart; }

    private int held() {
        lineBytes = line;
        lineStart = 0;
        return length;
    }

    private void keep(int from, int n) {
        if (length + n > line.length) line = Arrays.copyOf(line, Math.max(length + n, 2 * line.length));
        System.arraycopy(buf, from, line, length, n);
        length += n;
    }

    private boolean fill() throws IOException {
        int want = Math.max(1, Math.min(buf.length, in.available()));
        int n = in.read(buf, 0, want);
        if (n <= 0) return false;
        pos = 0;
        limit = n;
        return true;
    }

    /** A line longer than {@link #MAX_LINE_BYTES}. */
    public static final class LineTooLongException extends IOException {
        LineTooLongException(int max) {
            super("line longer than " + max + " bytes");
        }
    }
}
