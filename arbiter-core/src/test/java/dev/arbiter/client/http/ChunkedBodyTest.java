package dev.arbiter.client.http;

import dev.arbiter.client.ErrorMapper;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Chunked bodies as servers send them, over a real socket on 127.0.0.1: size lines in any hex case, with leading
 * zeros, extensions, LF-only endings, trailers; a size line that is not hex fails with the line in the message; and
 * a chunk boundary whose size line is already buffered is reported as available, so a line reader never has to
 * read it one byte at a time.
 */
class ChunkedBodyTest {
    private static final String HEAD = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

    /** Serves one scripted response (the whole of it in one write) to one GET; returns the body's stream. */
    private static Http1Body get(ServerSocket server, StreamingHttp http, String response) throws IOException {
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) head.write(in.read());
                s.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                s.getOutputStream().flush();
                Thread.sleep(2000); // keep the connection open while the client reads
            } catch (IOException | InterruptedException ignored) {
                // the test is over
            }
        });
        t.setDaemon(true);
        t.start();
        URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
        return http.send("GET", uri, null, Duration.ofSeconds(10)).body();
    }

    private static StreamingHttp http() {
        return new StreamingHttp(Duration.ofSeconds(5), Duration.ofSeconds(10), ErrorMapper.system(), null, Ticker.system());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n",
            "5\nhello\n7\n, world\n0\n\n",
            "005\r\nhello\r\n00007\r\n, world\r\n0\r\n\r\n",
            "5;name=value\r\nhello\r\n7 ; x\r\n, world\r\n0\r\n\r\n",
            "5\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\n",
            "A\r\nhello, wor\r\n2\r\nld\r\n0\r\n\r\n",
            "a\r\nhello, wor\r\n2\r\nld\r\n0\r\n\r\n",
            " 5 \r\nhello\r\n7\r\n, world\r\n0\r\n\r\n"})
    void readsEverySizeLineServersSend(String body) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); StreamingHttp http = http();
             Http1Body in = get(server, http, HEAD + body)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).isEqualTo("hello, world");
        }
    }

    @Test
    void aSizeLineThatIsNotHexFailsNamingTheLine() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); StreamingHttp http = http();
             Http1Body in = get(server, http, HEAD + "5\r\nhello\r\nzz\r\nmore\r\n0\r\n\r\n")) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessage("bad chunk size line: zz");
        }
    }

    @Test
    void aChunkBoundaryWithItsSizeLineBufferedIsAvailableAndTheLastOneIsNot() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); StreamingHttp http = http();
             Http1Body in = get(server, http, HEAD + "6\r\ndata: \r\n4\r\nx\n\n\n\r\n0\r\n\r\n")) {
            byte[] six = new byte[6];
            assertThat(in.readNBytes(six, 0, 6)).isEqualTo(6);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (in.available() == 0 && System.nanoTime() < deadline) Thread.sleep(10); // the rest may come in a second read
            assertThat(in.available()).isEqualTo(4);
            assertThat(new String(in.readNBytes(4), StandardCharsets.UTF_8)).isEqualTo("x\n\n\n");
            assertThat(in.available()).isZero();
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void fetchReturnsAnAnswerOfAnyStatusWithItsHeaderNamesAndBody() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()); StreamingHttp http = http()) {
            String response = "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nX-LiteLLM-Version: 1.2\r\n"
                    + "Content-Length: 13\r\n\r\n{\"error\":404}";
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    ByteArrayOutputStream head = new ByteArrayOutputStream();
                    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) head.write(in.read());
                    s.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                    s.getOutputStream().flush();
                    Thread.sleep(500);
                } catch (IOException | InterruptedException ignored) {
                    // the test is over
                }
            });
            t.setDaemon(true);
            t.start();
            StreamingHttp.Fetched f = http.fetch(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/health"), Duration.ofSeconds(10), 1024);
            assertThat(f.status()).isEqualTo(404);
            assertThat(f.headerNames()).contains("x-litellm-version", "content-type");
            assertThat(new String(f.body(), StandardCharsets.UTF_8)).isEqualTo("{\"error\":404}");
        }
    }

    @Test
    void fetchFromAPortNobodyListensOnIsRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (StreamingHttp http = http()) {
            assertThatThrownBy(() -> http.fetch(URI.create("http://127.0.0.1:" + port + "/"), Duration.ofSeconds(5), 1024))
                    .isInstanceOfSatisfying(dev.arbiter.client.ModelException.class,
                            e -> assertThat(e.kind()).isEqualTo(dev.arbiter.client.ModelException.Kind.REFUSED));
        }
    }
}
