package dev.arbiter.client.http;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A streamed answer read to its {@code [DONE]} leaves the connection in the pool: the next request reuses it. The
 * server sends the final empty chunk after {@code [DONE]}, as vLLM does; a client that stopped reading at
 * {@code [DONE]} and closed the body used to drop the connection and open a new one for every request.
 */
class KeepAliveReuseTest {
    static final String EVENTS = "data: {\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"hi\"}}]}\n\n"
            + "data: {\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: [DONE]\n\n";

    @Test
    void consecutiveStreamedAnswersShareOneConnection() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        accepted.incrementAndGet();
                        Thread c = new Thread(() -> serve(s, answered));
                        c.setDaemon(true);
                        c.start();
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            Endpoint e = Endpoint.of(URI.create("http://127.0.0.1:" + server.getLocalPort()), ApiFlavor.openai, "m");
            try (ModelClient client = ModelClients.create(e, Ticker.system())) {
                for (int i = 0; i < 3; i++) {
                    String text = client.generate(new GenerateRequest(List.of(ChatMessage.user("q" + i)), null,
                            GenerationConfig.DEFAULT, true)).text();
                    assertThat(text).isEqualTo("hi");
                }
            }
        }
        assertThat(answered.get()).isEqualTo(3);
        assertThat(accepted.get()).isEqualTo(1);
    }

    @Test
    void oneClientTalkingToTwoServersNeverSendsARequestDownTheOtherOnesConnection() {
        // the pool is keyed by origin: a keep-alive connection to one server is not reused for another
        assertThat(StreamingHttp.origin(URI.create("http://127.0.0.1:8000/v1/models")))
                .isEqualTo(StreamingHttp.origin(URI.create("http://127.0.0.1:8000/metrics")))
                .isNotEqualTo(StreamingHttp.origin(URI.create("http://127.0.0.1:8001/v1/models")))
                .isNotEqualTo(StreamingHttp.origin(URI.create("https://127.0.0.1:8000/v1/models")));
        assertThat(StreamingHttp.origin(URI.create("https://Example.org/v1"))).isEqualTo("https://example.org:443");
    }

    /** Keep-alive HTTP/1.1: each request's headers and body read, a chunked SSE answer written in one go. */
    private static void serve(Socket s, AtomicInteger answered) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))) {
            OutputStream out = s.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                int length = 0;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                }
                in.skip(length);
                byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
                String response = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(body.length) + "\r\n" + EVENTS + "\r\n0\r\n\r\n";
                answered.incrementAndGet(); // before the answer leaves: the client may check as soon as it has it
                out.write(response.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (java.io.IOException ignored) {
            // the client closed the connection
        }
    }
}
