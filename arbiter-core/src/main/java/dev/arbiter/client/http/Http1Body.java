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

    /**
     * Body bytes readable without waiting for the network. At a chunk boundary whose CRLF and size line are already
     * buffered, the size line is read here (never waiting), so a line reader takes the next chunk in one read instead
     * of one byte first; otherwise 0 there.
     */
    @Override
    public int available() throws IOException {
        if (eof || closed) return 0;
        if (chunked && remaining == 0 && !lastChunk && conn.bufferedLines(sawChunk ? 2 : 1)) chunkHeader();
        int buffered = conn.buffered();
        return remaining < 0 ? buffered : (int) Math.min(buffered, remaining);
    }

    /** Reads at most {@code limit} bytes of what remains; for error bodies, which are only shown truncated. */
    public byte[] readAtMost(int limit) throws IOException {
        byte[] buf = new byte[Math.min(limit, 64 << 10)];
        int total = 0;
        int n;
        while (total < limit) {
            if (total == buf.length) buf = java.util.Arrays.copyOf(buf, (int) Math.min(limit, 2L * buf.length));
            if ((n = read(buf, total, buf.length - total)) <= 0) break;
            total += n;
        }
        return java.util.Arrays.copyOf(buf, total);
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
        if (!lastChunk) {
            chunkHeader();
            if (remaining > 0) return true;
        }
        String trailer;
        while ((trailer = conn.readLine()) != null && !trailer.isEmpty()) {
            // trailers are ignored
        }
        eof = true;
        return false;
    }

    /** At a chunk boundary: the CRLF after the last chunk's data (if any), then the next size line. */
    private void chunkHeader() throws IOException {
        if (sawChunk && conn.skipLine() < 0) throw new IOException("connection closed mid-body"); // the CRLF after a chunk's data
        long n = conn.readChunkSize();
        sawChunk = true;
        if (n == 0) lastChunk = true;
        else remaining = n;
    }

    /** The size-0 chunk was read: what follows are trailers and the empty line. */
    private boolean lastChunk;

    private boolean sawChunk;

    /**
     * A reader that stopped at the end of its content (an SSE stream's {@code [DONE]}) leaves the body's last bytes
     * unread, typically the final {@code 0\r\n\r\n} chunk that arrived with it; consuming what is already buffered
     * lets the connection go back to the pool instead of being closed and a new one opened for the next request.
     * Never waits for the network beyond the line it is inside.
     */
    private void drainBuffered() {
        if (eof || !keepAlive) return;
        byte[] skip = new byte[512];
        try {
            while (!eof && conn.buffered() > 0) {
                if (read(skip, 0, skip.length) < 0) break;
            }
        } catch (IOException e) {
            eof = false; // a broken tail: the connection is dropped below
        }
    }

    @Override
    public void close() {
        if (closed) return;
        drainBuffered();
        closed = true;
        // no longer busy (nor watched for its deadline) before it is back in the pool: once there, another request
        // may take it and mark it busy again, which a later done() would undo
        pool.done(conn);
        if (eof && keepAlive && !conn.hasBuffered()) pool.release(conn);
        else conn.close();
    }
}
