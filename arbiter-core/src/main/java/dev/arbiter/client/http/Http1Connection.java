package dev.arbiter.client.http;

import dev.arbiter.util.Ticker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * One blocking HTTP/1.1 connection for {@link StreamingHttp}. Reads go straight from the socket into a buffer and
 * each read is stamped with the measuring ticker as it returns, so the thread that parses an event is the thread
 * the kernel woke when its bytes arrived — no selector thread or executor in between to add delay under load.
 */
final class Http1Connection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    final OutputStream out;
    private final Ticker ticker;
    private final String origin;
    private final byte[] buf = new byte[16 << 10];
    private int pos;
    private int limit;
    private long stamp = Long.MIN_VALUE;
    private long deadlineNanos = Long.MAX_VALUE;

    /** @param ticker stamps each socket read; null for no stamps ({@link #stamp()} stays {@link Long#MIN_VALUE}) */
    Http1Connection(Socket socket, Ticker ticker, String origin) throws IOException {
        this.origin = origin;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.ticker = ticker;
    }

    /** Reads after this {@link System#nanoTime()} fail with {@link HttpTimeoutException}. */
    void deadline(long nanos) {
        this.deadlineNanos = nanos;
    }

    /** scheme://host:port this connection is to: it is reused only for requests to the same origin. */
    String origin() { return origin; }

    /** Ticker reading when the buffer the last byte came from was read. */
    long stamp() { return stamp; }

    boolean isOpen() { return !socket.isClosed(); }

    /** Whether unread bytes are buffered (a response to a request not yet sent means the connection is unusable). */
    boolean hasBuffered() { return pos < limit; }

    /** Bytes read from the socket and not yet handed out. */
    int buffered() { return limit - pos; }

    /** The next byte, or -1 at end of stream. */
    int read() throws IOException {
        if (pos == limit && !fill()) return -1;
        return buf[pos++] & 0xff;
    }

    /** Up to {@code len} buffered-or-fresh bytes, or -1 at end of stream. */
    int read(byte[] b, int off, int len) throws IOException {
        if (pos == limit && !fill()) return -1;
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean fill() throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) throw new HttpTimeoutException("response not complete within the request timeout");
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
        int n;
        try {
            n = in.read(buf, 0, buf.length);
        } catch (SocketTimeoutException e) {
            throw new HttpTimeoutException("response not complete within the request timeout");
        }
        if (n <= 0) return false;
        if (ticker != null) stamp = ticker.nanos();
        pos = 0;
        limit = n;
        return true;
    }

    /** A CRLF- (or LF-) terminated header line, without its terminator; null at end of stream. */
    String readLine() throws IOException {
        StringBuilder b = new StringBuilder(64);
        int c;
        while ((c = read()) != -1) {
            if (c == '\n') {
                int n = b.length();
                if (n > 0 && b.charAt(n - 1) == '\r') b.setLength(n - 1);
                return b.toString();
            }
            if (b.length() > 64 << 10) throw new IOException("header line longer than 64 KiB");
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }
}
