import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;

/**
 * A zero-delay OpenAI-compatible server for the end-to-end benchmarks (scripts/bench-e2e): one selector thread,
 * every answer precomputed, so it spends as little CPU as possible and what is measured is the client. Streams a
 * fixed answer of 16 tokens as 16 SSE content events (chunked, as vLLM does), then a finish event with usage and
 * {@code [DONE]}; a non-streamed request gets one JSON body. GET /v1/models lists model "m"; other GETs are 404.
 * Prints "port N" on stdout once it listens. Not a test double: it does not read the request body.
 *
 * <pre>java scripts/bench/ZeroDelayServer.java [port=0] [answer tokens, space separated]</pre>
 */
public final class ZeroDelayServer {
    private static final String DEFAULT_ANSWER = "The answer is A because it fits the question best of all four options here .";

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        String answer = args.length > 1 ? args[1] : DEFAULT_ANSWER;
        byte[] stream = streamed(answer.split(" "));
        byte[] whole = whole(answer, answer.split(" ").length);
        byte[] models = response("200 OK", "application/json",
                "{\"object\":\"list\",\"data\":[{\"id\":\"m\",\"object\":\"model\",\"max_model_len\":32768}]}");
        byte[] missing = response("404 Not Found", "application/json", "{\"error\":{\"message\":\"not found\"}}");

        Selector selector = Selector.open();
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
        System.out.println("port " + ((InetSocketAddress) server.getLocalAddress()).getPort());
        System.out.flush();
        while (true) {
            selector.select();
            Iterator<SelectionKey> it = selector.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey k = it.next();
                it.remove();
                try {
                    if (k.isAcceptable()) {
                        SocketChannel c = server.accept();
                        if (c == null) continue;
                        c.configureBlocking(false);
                        c.setOption(StandardSocketOptions.TCP_NODELAY, true);
                        c.register(selector, SelectionKey.OP_READ, new Conn());
                    } else if (k.isReadable() || k.isWritable()) {
                        serve((SocketChannel) k.channel(), k, (Conn) k.attachment(), stream, whole, models, missing);
                    }
                } catch (IOException e) {
                    k.cancel();
                    k.channel().close();
                }
            }
        }
    }

    /** Per-connection state: bytes read and not yet consumed, and a response still being written. */
    private static final class Conn {
        ByteBuffer in = ByteBuffer.allocate(64 << 10);
        ByteBuffer out;
    }

    private static void serve(SocketChannel c, SelectionKey k, Conn s, byte[] stream, byte[] whole, byte[] models,
                              byte[] missing) throws IOException {
        if (s.out != null) {
            c.write(s.out);
            if (s.out.hasRemaining()) return;
            s.out = null;
            k.interestOps(SelectionKey.OP_READ);
        }
        if (k.isReadable()) {
            if (!s.in.hasRemaining()) s.in = grow(s.in);
            if (c.read(s.in) < 0) {
                k.cancel();
                c.close();
                return;
            }
        }
        while (true) {
            int end = headerEnd(s.in);
            if (end < 0) return;
            String head = new String(s.in.array(), 0, end, StandardCharsets.ISO_8859_1);
            int length = contentLength(head);
            if (s.in.position() < end + 4 + length) {
                if (s.in.capacity() < end + 4 + length) s.in = grow(s.in);
                return;
            }
            boolean streamed = false;
            if (length > 0) {
                String body = new String(s.in.array(), end + 4, length, StandardCharsets.UTF_8);
                streamed = body.replace(" ", "").contains("\"stream\":true");
            }
            byte[] reply = head.startsWith("POST ") ? (streamed ? stream : whole)
                    : head.startsWith("GET /v1/models ") ? models : missing;
            int consumed = end + 4 + length;
            s.in.flip();
            s.in.position(consumed);
            s.in.compact();
            ByteBuffer out = ByteBuffer.wrap(reply);
            c.write(out);
            if (out.hasRemaining()) {
                s.out = out;
                k.interestOps(SelectionKey.OP_WRITE);
                return;
            }
        }
    }

    private static ByteBuffer grow(ByteBuffer b) {
        ByteBuffer bigger = ByteBuffer.allocate(b.capacity() * 2);
        b.flip();
        bigger.put(b);
        return bigger;
    }

    private static int headerEnd(ByteBuffer b) {
        byte[] a = b.array();
        for (int i = 0; i + 3 < b.position(); i++) {
            if (a[i] == '\r' && a[i + 1] == '\n' && a[i + 2] == '\r' && a[i + 3] == '\n') return i;
        }
        return -1;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }

    private static byte[] streamed(String[] tokens) {
        StringBuilder body = new StringBuilder();
        String id = "\"id\":\"cmpl-0\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"m\"";
        chunk(body, "data: {" + id + ",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},"
                + "\"finish_reason\":null}]}\n\n");
        for (int i = 0; i < tokens.length; i++) {
            String t = (i == 0 ? "" : " ") + tokens[i];
            chunk(body, "data: {" + id + ",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + t
                    + "\"},\"finish_reason\":null}]}\n\n");
        }
        chunk(body, "data: {" + id + ",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":" + tokens.length + ",\"total_tokens\":"
                + (24 + tokens.length) + "}}\n\n");
        chunk(body, "data: [DONE]\n\n");
        body.append("0\r\n\r\n");
        return ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void chunk(StringBuilder b, String data) {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        b.append(Integer.toHexString(bytes.length)).append("\r\n").append(data).append("\r\n");
    }

    private static byte[] whole(String answer, int tokens) {
        return response("200 OK", "application/json", "{\"id\":\"cmpl-0\",\"object\":\"chat.completion\",\"created\":0,"
                + "\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + answer
                + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":" + tokens
                + ",\"total_tokens\":" + (24 + tokens) + "}}");
    }

    private static byte[] response(String status, String type, String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        return ("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + b.length + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }
}
