package dev.arbiter.bench;

import org.junit.jupiter.api.Test;

import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.util.*;
import java.util.concurrent.*;

class TmpRawTest {
    @Test
    void raw() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(50, 10)) {
            for (int round = 0; round < 2; round++) {
                List<Double> ttfts = Collections.synchronizedList(new ArrayList<>());
                List<Thread> ts = new ArrayList<>();
                for (int c = 0; c < 16; c++) {
                    Thread t = new Thread(() -> {
                        try (Socket so = new Socket(InetAddress.getLoopbackAddress(), s.uri().getPort())) {
                            so.setTcpNoDelay(true);
                            OutputStream out = so.getOutputStream();
                            InputStream in = new BufferedInputStream(so.getInputStream());
                            for (int k = 0; k < 3; k++) {
                                byte[] body = "{\"max_tokens\":16}".getBytes();
                                long sent = System.nanoTime();
                                out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes());
                                out.write(body);
                                out.flush();
                                // read until [DONE] + terminator
                                StringBuilder line = new StringBuilder();
                                long first = -1;
                                int c2;
                                while ((c2 = in.read()) != -1) {
                                    if (c2 == '\n') {
                                        String l = line.toString();
                                        line.setLength(0);
                                        if (first < 0 && l.contains("tok")) first = System.nanoTime();
                                        if (l.startsWith("0") && l.length() == 2 && first > 0) { in.read(); in.read(); break; }
                                    } else line.append((char) c2);
                                }
                                ttfts.add((first - sent) / 1e6);
                            }
                        } catch (IOException e) { throw new UncheckedIOException(e); }
                    });
                    ts.add(t);
                    t.start();
                }
                for (Thread t : ts) t.join();
                Collections.sort(ttfts);
                System.out.println("raw round " + round + " ttft p50=" + ttfts.get(ttfts.size() / 2) + " max=" + ttfts.get(ttfts.size() - 1));
                List<Double> st = new ArrayList<>();
                for (var x : s.timings()) st.add(x.ttftMs());
                Collections.sort(st);
                System.out.println("server p50=" + st.get(st.size() / 2));
                s.timings.clear();
                BenchRunner r = BenchOverHttpTest.runner(s.uri(), 1);
                var run = r.run(LoadLevel.closed(16), new BenchRunner.Bound(48, null), 1);
                var l = LevelStats.summarise(LoadLevel.closed(16), run.records(), run.durationNanos(), null, run.client(), null, false);
                System.out.println("jdk ttft p50=" + l.ttftMs().p50() + " max=" + l.ttftMs().max() + " sched p99=" + l.client().schedLagMs().p99());
                st.clear();
                for (var x : s.timings()) st.add(x.ttftMs());
                Collections.sort(st);
                System.out.println("server p50=" + st.get(st.size() / 2));
                s.timings.clear();
            }
        }
    }
}
