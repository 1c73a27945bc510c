package dev.arbiter.client.http;

import dev.arbiter.util.Ticker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpTimeoutException;

/**
 * One blocking HTTP/1.1 connection for {@link StreamingHttp}. Reads go straight from the socket into a buffer and
 * each read is stamped with the measuring ticker as it returns, so the thread that parses an event is the thread
 * the kernel woke when its bytes arrived — no selector thread or executor in between to add delay under load.
 */
final class Http1Connection implements AutoCloseable {
    private final Socket socket;
    /** The TCP socket under {@link #socket} (the same one for http; the one under the TLS layer for https). */
    private final Socket raw;
    private final InputStream in;
    final OutputStream out;
    private final Ticker ticker;
    private final String origin;
    private final byte[] buf = new byte[16 << 10];
    private int pos;
    private int limit;
    private long stamp = Long.MIN_VALUE;
    private volatile long deadlineNanos = Long.MAX_VALUE;
    /** Set by {@link DeadlineWatch} before it cuts the connection: a read that then fails timed out. */
    private volatile boolean expired;
    /** {@link System#nanoTime()} when it last went back to the pool. */
    private long idleSince;

    /** @param ticker stamps each socket read; null for no stamps ({@link #stamp()} stays {@link Long#MIN_VALUE}) */
    Http1Connection(Socket socket, Ticker ticker, String origin) throws IOException {
        this(socket, socket, ticker, origin);
    }

    /** @param raw the TCP socket under a TLS {@code socket}, which {@link #expire()} closes */
    Http1Connection(Socket socket, Socket raw, Ticker ticker, String origin) throws IOException {
        this.origin = origin;
        this.socket = socket;
        this.raw = raw;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.ticker = ticker;
    }

    /**
     * Reads after this {@link System#nanoTime()} fail with {@link HttpTimeoutException}: one that starts later fails at
     * once, one blocked across it is cut by {@link DeadlineWatch} (reads carry no socket timeout).
     */
    void deadline(long nanos) {
        this.deadlineNanos = nanos;
    }

    long deadline() { return deadlineNanos; }

    /** Past the deadline: marks the connection timed out and cuts its TCP socket, which ends a blocked read. */
    void expire() {
        expired = true;
        try {
            raw.close();
        } catch (IOException ignored) {
            // closing: nothing left to do
        }
    }

    /** scheme://host:port this connection is to: it is reused only for requests to the same origin. */
    String origin() { return origin; }

    /** Ticker reading when the buffer the last byte came from was read. */
    long stamp() { return stamp; }

    boolean isOpen() { return !socket.isClosed(); }

    long idleSince() { return idleSince; }

    void idleSince(long nanos) { idleSince = nanos; }

    /**
     * Whether the server closed this idle connection (or sent bytes no request asked for, which make it unusable
     * too), found without waiting: a non-blocking read of the TCP channel, whose end-of-stream is the server's FIN.
     * Over TLS nothing can be read without consuming it, so an idle TLS connection counts as closed. Only for a
     * connection nobody is using; a failed check counts as closed.
     */
    boolean closedByPeer() {
        if (pos < limit) return true;
        int n;
        try {
            java.nio.channels.SocketChannel ch = socket == raw ? raw.getChannel() : null;
            if (ch != null) {
                ch.configureBlocking(false);
                try {
                    n = ch.read(java.nio.ByteBuffer.wrap(buf));
                } finally {
                    ch.configureBlocking(true);
                }
            } else {
                // TLS: no read can look without consuming. A timed read could stop inside a TLS record (a session
                // ticket arriving in pieces) and leave the stream unusable for the next request, so a TLS connection
                // idle this long is not reused: one handshake after a pause, never a request sent down a dead socket.
                return true;
            }
        } catch (IOException e) {
            return true;
        }
        return n != 0;
    }

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
        if (expired || deadlineNanos - System.nanoTime() <= 0) {
            throw new HttpTimeoutException("response not complete within the request timeout");
        }
        int n;
        try {
            n = in.read(buf, 0, buf.length); // blocking, no socket timeout: DeadlineWatch cuts a read past the deadline
        } catch (IOException e) {
            if (expired) throw new HttpTimeoutException("response not complete within the request timeout");
            throw e;
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

    /** Whether at least {@code k} line feeds are buffered: that many lines can be read without waiting. */
    boolean bufferedLines(int k) {
        for (int i = pos; i < limit; i++) {
            if (buf[i] == '\n' && --k == 0) return true;
        }
        return false;
    }

    /**
     * Skips one line as {@link #readLine()} would read it, without building it: its length in bytes (terminator
     * excluded, a CR before the LF counted), or -1 at end of stream before any byte.
     */
    int skipLine() throws IOException {
        int n = 0;
        int c;
        while ((c = read()) != -1) {
            if (c == '\n') return n;
            if (n > 64 << 10) throw new IOException("header line longer than 64 KiB");
            n++;
        }
        return n == 0 ? -1 : n;
    }

    /** Bytes of the chunk-size line being read (no String unless it is unusual). */
    private byte[] sizeLine = new byte[32];

    /**
     * A chunk-size line ({@code 1a3f}, maybe with {@code ;extension}) read as {@link #readLine()} reads a line and parsed
     * without a String when it is 1 to 15 plain hex digits, as nearly every server sends it; any other line goes
     * through the String parse it always had, so its value and its error are unchanged.
     */
    long readChunkSize() throws IOException {
        int len = 0;
        boolean lf = false;
        int c;
        while ((c = read()) != -1) {
            if (c == '\n') {
                lf = true;
                break;
            }
            if (len > 64 << 10) throw new IOException("header line longer than 64 KiB");
            if (len == sizeLine.length) sizeLine = java.util.Arrays.copyOf(sizeLine, 2 * len);
            sizeLine[len++] = (byte) c;
        }
        if (!lf && len == 0) throw new IOException("connection closed mid-body");
        int end = lf && len > 0 && sizeLine[len - 1] == '\r' ? len - 1 : len;
        if (end > 0 && end <= 15) {
            long n = 0;
            int i = 0;
            for (; i < end; i++) {
                int d = hex(sizeLine[i]);
                if (d < 0) break;
                n = (n << 4) | d;
            }
            if (i == end) return n;
        }
        return chunkSize(new String(sizeLine, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }

    /** The String parse of a chunk-size line (as {@link #readLine()} returns it), as it always was. */
    private static long chunkSize(String size) throws IOException {
        int semi = size.indexOf(';');
        try {
            return Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).strip(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size line: " + (size.length() > 40 ? size.substring(0, 40) : size));
        }
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
