package dev.arbiter.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Reads a child's stream on a daemon thread, keeping at most {@code cap} bytes and discarding the rest, so the
 * child never blocks on a full pipe and the JVM never holds more than the cap.
 */
final class StreamCapture {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Thread thread;
    private final int cap;
    private volatile boolean overflowed;

    private StreamCapture(InputStream in, int cap, String name) {
        this.cap = cap;
        this.thread = new Thread(() -> pump(in), name);
        this.thread.setDaemon(true);
    }

    static StreamCapture start(InputStream in, int cap, String name) {
        StreamCapture c = new StreamCapture(in, cap, name);
        c.thread.start();
        return c;
    }

    private void pump(InputStream in) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (kept) {
                    int room = cap - kept.size();
                    if (n > room) overflowed = true;
                    kept.write(buf, 0, Math.max(0, Math.min(n, room)));
                }
            }
        } catch (IOException e) {
            // The stream closes when the process is destroyed; what was read so far is what we have.
        }
    }

    /** Waits up to {@code wait} for end of stream; returns the bytes kept so far either way. */
    byte[] await(Duration wait) throws InterruptedException {
        thread.join(Math.max(1, wait.toMillis()));
        synchronized (kept) {
            return kept.toByteArray();
        }
    }

    boolean finished() { return !thread.isAlive(); }

    boolean overflowed() { return overflowed; }
}
