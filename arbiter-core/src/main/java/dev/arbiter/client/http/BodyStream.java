package dev.arbiter.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as a blocking InputStream that gives up at a deadline. The JDK's own
 * {@code BodyHandlers.ofInputStream()} blocks forever on a server that stops sending mid-body, so the body is
 * taken as a publisher and every wait is bounded by the request's deadline. The deadline is a safety limit in
 * real time ({@link System#nanoTime()}), not a measurement, so it does not use the injected Ticker.
 */
public final class BodyStream extends InputStream implements Flow.Subscriber<List<ByteBuffer>> {
    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final long deadlineNanos;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
    private ByteBuffer current;
    private boolean finished;

    /** @param deadlineNanos {@link System#nanoTime()} value after which reads fail with a timeout */
    public BodyStream(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(t);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public int read() throws IOException {
        if (!fill()) return -1;
        return current.get() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!fill()) return -1;
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    /** Reads at most {@code limit} bytes of what remains; for error bodies, which are only shown truncated. */
    public byte[] readAtMost(int limit) throws IOException {
        byte[] buf = new byte[limit];
        int total = 0;
        int n;
        while (total < limit && (n = read(buf, total, limit - total)) > 0) total += n;
        return java.util.Arrays.copyOf(buf, total);
    }

    private boolean fill() throws IOException {
        while (current == null || !current.hasRemaining()) {
            if (buffers.hasNext()) {
                current = buffers.next();
                continue;
            }
            if (finished) return false;
            Object next = take();
            if (next == END) {
                finished = true;
                return false;
            }
            if (next instanceof Throwable t) {
                finished = true;
                if (t instanceof IOException io) throw io;
                throw new IOException(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage(), t);
            }
            @SuppressWarnings("unchecked")
            List<ByteBuffer> list = (List<ByteBuffer>) next;
            buffers = list.iterator();
            subscription.request(1);
        }
        return true;
    }

    private Object take() throws IOException {
        long wait = deadlineNanos - System.nanoTime();
        Object next = null;
        try {
            if (wait > 0) next = queue.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new java.io.InterruptedIOException("interrupted while reading the response");
        }
        if (next == null) {
            close();
            finished = true;
            throw new HttpTimeoutException("response not complete within the request timeout");
        }
        return next;
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) s.cancel();
    }
}
