package dev.arbiter.client.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A response body read from an {@link Http1Connection}: chunked, a fixed length, or until the server closes. When
 * the body has been read to its end and closed, the connection returns to the pool; closed early, it is dropped
 * (the rest of the body would otherwise be read as the next response).
 */
public final class Http1Body extends InputStream implements ArrivalStamped {
    private final Http1Connection conn;
    private final StreamingHttp pool;
    private final boolean chunked;
    private final boolean keepAlive;
    private long remaining;  // bytes left in this chunk or fixed body; -1: until close
    private boolean eof;
    private boolean closed;

    /** @param length Content-Length, or -1 when chunked or read until close */
    Http1Body(Http1Connection conn, StreamingHttp pool, boolean chunked, long length, boolean keepAlive) {
        this.conn = conn;
        this.pool = pool;
        this.chunked = chunked;
        this.keepAlive = keepAlive && (chunked || length >= 0);
        this.remaining = chunked ? 0 : length;
        if (!chunked && length == 0) eof = true;
    }

    @Override
    public long arrivalNanos() {
        return conn.stamp();
    }

    @Override
    public int read() throws IOException {
        if (!ready()) return -1;
        int c = conn.read();
        if (c == -1) {
            if (remaining < 0) {
                eof = true;
                return -1;
            }
            throw new IOException("connection closed mid-body");
        }
        if (remaining > 0) remaining--;
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!ready()) return -1;
        int want = remaining < 0 ? len : (int) Math.min(len, remaining);
        int n = conn.read(b, off, want);
        if (n == -1) {
            if (remaining < 0) {
                eof = true;
                return -1;
            }
            throw new IOException("connection closed mid-body");
        }
        if (remaining > 0) remaining -= n;
        return n;
    }

    /** Positions at the next body byte; false at the end of the body. */
    private boolean ready() throws IOException {
        if (eof || closed) return false;
        if (!chunked) {
            if (remaining == 0) {
                eof = true;
                return false;
            }
            return true;
        }
        if (remaining > 0) return true;
        if (remaining == 0 && sawChunk) {
            String crlf = conn.readLine();  // the CRLF after a chunk's data
            if (crlf == null) throw new IOException("connection closed mid-body");
        }
        String size = conn.readLine();
        if (size == null) throw new IOException("connection closed mid-body");
        int semi = size.indexOf(';');
        long n;
        try {
            n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).strip(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size line: " + (size.length() > 40 ? size.substring(0, 40) : size));
        }
        sawChunk = true;
        if (n == 0) {
            String trailer;
            while ((trailer = conn.readLine()) != null && !trailer.isEmpty()) {
                // trailers are ignored
            }
            eof = true;
            return false;
        }
        remaining = n;
        return true;
    }

    private boolean sawChunk;

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        if (eof && keepAlive && !conn.hasBuffered()) pool.release(conn);
        else conn.close();
        pool.done(conn);
    }
}
