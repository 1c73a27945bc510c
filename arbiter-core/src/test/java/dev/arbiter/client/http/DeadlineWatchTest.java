package dev.arbiter.client.http;

import dev.arbiter.client.ErrorMapper;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Reads carry no socket timeout: a read blocked past its request's deadline is ended by {@link DeadlineWatch}
 * cutting the connection, and fails as a timeout, not as a closed socket. Over real sockets on 127.0.0.1, against a
 * server that sends the headers and one chunk, then stalls without closing. The preemptive timeouts only keep a
 * broken watch from hanging the build; no time is asserted.
 */
class DeadlineWatchTest {
    private static final Duration HANG = Duration.ofSeconds(30);

    /** Answers each request with a chunked 200 and one chunk of {@code first}, then holds the connection open. */
    private static Thread stallingServer(ServerSocket server, String first, CountDownLatch release) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread c = new Thread(() -> {
                        try (s) {
                            InputStream in = s.getInputStream();
                            byte[] buf = new byte[8192];
                            in.read(buf); // the request (small, one segment)
                            OutputStream out = s.getOutputStream();
                            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    + Integer.toHexString(first.length()) + "\r\n" + first + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                            release.await();
                        } catch (IOException | InterruptedException ignored) {
                            // the client cut the connection, or the test is over
                        }
                    });
                    c.setDaemon(true);
                    c.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static URI chatUri(ServerSocket server) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions");
    }

    private static StreamingHttp client(Duration requestTimeout) {
        return new StreamingHttp(Duration.ofSeconds(5), requestTimeout, ErrorMapper.system(), null, Ticker.system());
    }

    /**
     * POSTs, reads the first chunk (checking it), calls {@code afterFirst}, then returns what the next read, which
     * blocks on the stalled server, ends with.
     */
    private static Throwable readPastTheFirstChunk(StreamingHttp http, URI uri, Runnable afterFirst) throws IOException {
        StreamingHttp.Response r = http.post(uri, "{}".getBytes(StandardCharsets.UTF_8));
        try (Http1Body body = r.body()) {
            byte[] buf = new byte[64];
            int first = body.read(buf, 0, buf.length);
            assertThat(new String(buf, 0, first, StandardCharsets.UTF_8)).isEqualTo("data: {}\n\n");
            afterFirst.run();
            return catchThrowable(() -> body.read(buf, 0, buf.length));
        }
    }

    @Test
    void aBodyThatStallsPastTheDeadlineFailsAsATimeoutAndIsNoLongerWatched() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            stallingServer(server, "data: {}\n\n", release);
            URI uri = chatUri(server);
            try (StreamingHttp http = client(Duration.ofMillis(300))) {
                AtomicReference<Throwable> failure = new AtomicReference<>();
                assertTimeoutPreemptively(HANG, () -> failure.set(readPastTheFirstChunk(http, uri, () -> { })));
                assertThat(failure.get()).isInstanceOf(HttpTimeoutException.class)
                        .hasMessageContaining("not complete within the request timeout");
                assertThat(DeadlineWatch.watched()).isZero();
            } finally {
                release.countDown();
            }
        }
    }

    @Test
    void aReadThatIsInterruptedStillEndsAtOnceWithoutTheDeadline() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            stallingServer(server, "data: {}\n\n", release);
            URI uri = chatUri(server);
            try (StreamingHttp http = client(Duration.ofMinutes(10))) {
                AtomicReference<Throwable> failure = new AtomicReference<>();
                CountDownLatch reading = new CountDownLatch(1);
                Thread reader = new Thread(() -> {
                    try {
                        failure.set(readPastTheFirstChunk(http, uri, reading::countDown));
                    } catch (IOException e) {
                        failure.compareAndSet(null, e);
                    }
                });
                assertTimeoutPreemptively(HANG, () -> {
                    reader.start();
                    reading.await();
                    Thread.sleep(50); // into the blocking read
                    reader.interrupt(); // a Ctrl-C: the channel closes under the read, long before the 10-minute deadline
                    reader.join();
                });
                assertThat(failure.get()).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
            } finally {
                release.countDown();
            }
        }
    }
}
