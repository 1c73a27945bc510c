package dev.arbiter.client.http;

import dev.arbiter.bench.DelayStubServer;
import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.client.GenerateRequest;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keep-alive connection that fails before the response: the serving benchmark's client never sends the POST again
 * (BenchOverHttpTest counts it as a failure), the eval's does once; and a pooled connection the server closed while
 * it sat idle is found and replaced before a request is sent down it, so neither client sees a failure there.
 */
class DroppedConnectionTest {
    /** Less than {@link StreamingHttp#VALIDATE_AFTER_IDLE_NANOS}: the server's keep-alive timeout, ms. */
    static final long SERVER_IDLE_CLOSE_MS = 100;

    @Test
    void aPooledConnectionTheServerClosedWhileIdleIsReplacedBeforeARequestIsSentDownIt() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
             StreamingHttp http = new StreamingHttp(Duration.ofSeconds(5), Duration.ofSeconds(10), ErrorMapper.system(), null,
                     Ticker.system())) {
            Thread t = new Thread(() -> acceptClosingWhenIdle(server, accepted, answered));
            t.setDaemon(true);
            t.start();
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions");
            assertThat(postAndRead(http, uri)).isEqualTo("{\"ok\":1}");
            // idle past the server's keep-alive timeout and past the client's check threshold
            Thread.sleep(SERVER_IDLE_CLOSE_MS + StreamingHttp.VALIDATE_AFTER_IDLE_NANOS / 1_000_000 + 200);
            assertThat(postAndRead(http, uri)).isEqualTo("{\"ok\":2}");
        }
        assertThat(answered.get()).isEqualTo(2);
        assertThat(accepted.get()).isEqualTo(2);
    }

    @Test
    void theEvalsClientSendsAPostDroppedOnAReusedConnectionOnceMore() throws Exception {
        try (DelayStubServer s = new DelayStubServer(1, 1, 1, DelayStubServer.Mode.DROP_EVERY_THIRD, null);
             ModelClient client = ModelClients.create(Endpoint.of(s.uri(), ApiFlavor.openai, "m"), Ticker.system())) {
            for (int i = 0; i < 3; i++) {
                String text = client.generate(new GenerateRequest(List.of(ChatMessage.user("q" + i)), null,
                        GenerationConfig.DEFAULT, true)).text();
                assertThat(text).startsWith("tok");
            }
            assertThat(s.requests).hasSize(4);  // the third twice: dropped, then answered on a new connection
        }
    }

    private static String postAndRead(StreamingHttp http, URI uri) throws Exception {
        StreamingHttp.Response r = http.post(uri, "{}".getBytes(StandardCharsets.UTF_8));
        try (Http1Body body = r.body()) {
            return new String(body.readAtMost(1024), StandardCharsets.UTF_8);
        }
    }

    /** Each connection: its requests answered with keep-alive, then closed once idle for {@link #SERVER_IDLE_CLOSE_MS}. */
    private static void acceptClosingWhenIdle(ServerSocket server, AtomicInteger accepted, AtomicInteger answered) {
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
    }

    private static void serve(Socket s, AtomicInteger answered) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))) {
            s.setSoTimeout((int) SERVER_IDLE_CLOSE_MS);
            String line;
            while ((line = in.readLine()) != null) {
                int length = 0;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) length = Integer.parseInt(line.substring(15).trim());
                }
                in.skip(length);
                String body = "{\"ok\":" + answered.incrementAndGet() + "}";
                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            }
        } catch (java.io.IOException idle) {
            // the keep-alive timeout passed (or the client went away): the connection is closed
        }
    }
}
