package dev.arbiter.bench;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EnvLookup;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.client.ModelClients;
import dev.arbiter.util.Ticker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the client's TTFT excess over the server's own TTFT goes (a profile, not a unit test): closed-loop requests
 * against {@link DelayStubServer} (TTFT 50 ms, 10 ms per token, 16 tokens) in this JVM, each client record paired
 * with the server's timing of the same request, both on {@code System.nanoTime}. The excess splits exactly into
 * <ul>
 * <li>the request leg: client stamp before writing → server has read the whole request; in brackets the part up to
 * the server thread's first read returning (the client's write plus the server thread's wake-up);</li>
 * <li>the response leg: server wrote the first token → the client's socket read that delivered it returned
 * (includes the client thread's wake-up).</li>
 * </ul>
 * Usage: {@code TtftBreakdown [requests-per-level] [concurrencies]}.
 */
public final class TtftBreakdown {
    private TtftBreakdown() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        int[] levels = Arrays.stream((args.length > 1 ? args[1] : "1,64,256").split(",")).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "cores %d, java %s, load %.1f%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("conc  n     TTFT p50 client/server/excess ms   request leg p50/p90/p99 ms (of which to server wake-up p50)   response leg p50/p90/p99 ms   last-token leg p50 ms");
        try (DelayStubServer s = DelayStubServer.start(50, 10)) {
            Endpoint e = Endpoint.of(s.uri(), ApiFlavor.openai, "m").withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));
            StreamingCall call = StreamingCall.forEndpoint(e, ModelClients.streaming(e, Ticker.system(), EnvLookup.system(),
                    ErrorMapper.system()), true, null);
            SyntheticWorkload w = new SyntheticWorkload(1, LengthSpec.fixed(32), LengthSpec.fixed(16), 1, 0);
            int base = 0;
            for (int c : levels) {
                int requests = Math.max(n, 4 * c);
                run(call, w, c, 2 * c, base);  // warm-up: connections, JIT
                base += 2 * c;
                s.timings.clear();
                List<RequestRecord> records = run(call, w, c, requests, base);
                base += requests;
                Map<String, DelayStubServer.ServerTiming> server = new HashMap<>();
                for (DelayStubServer.ServerTiming t : s.timings()) server.put(t.key(), t);
                List<long[]> rows = new ArrayList<>();  // client ttft, server ttft, request leg, response leg, last leg
                for (RequestRecord r : records) {
                    DelayStubServer.ServerTiming t = server.get("#" + r.conversation() + ".1:");
                    if (t == null || !r.ok()) continue;
                    long sent = r.sentNanos();  // absolute: levelStart 0
                    rows.add(new long[] {r.ttftNanos(), t.firstContent() - t.received(), t.received() - sent,
                            sent + r.ttftNanos() - t.firstContent(), sent + r.e2eNanos() - t.last(), t.firstByte() - sent});
                }
                Distribution ct = col(rows, 0), st = col(rows, 1), req = col(rows, 2), resp = col(rows, 3), last = col(rows, 4), wake = col(rows, 5);
                System.out.printf(Locale.ROOT, "%4d %5d   %7.2f / %7.2f / %+6.2f        %6.2f / %6.2f / %6.2f (%6.2f)      %6.2f / %6.2f / %6.2f        %+7.2f%n",
                        c, rows.size(), ct.p50(), st.p50(), ct.p50() - st.p50(), req.p50(), req.p90(), req.p99(), wake.p50(),
                        resp.p50(), resp.p90(), resp.p99(), last.p50());
            }
        }
    }

    private static Distribution col(List<long[]> rows, int i) {
        return Distribution.ofNanos(rows.stream().mapToLong(r -> r[i]).toArray());
    }

    /** {@code requests} single-turn requests by {@code c} closed-loop threads; conversation ids from {@code base}. */
    private static List<RequestRecord> run(StreamingCall call, Workload w, int c, int requests, int base) throws InterruptedException {
        ConcurrentLinkedQueue<RequestRecord> out = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            Thread t = new Thread(() -> {
                int k;
                while ((k = next.getAndIncrement()) < requests) {
                    Conversation cv = w.conversation(base + k);
                    Turn turn = cv.turns().get(0);
                    out.add(call.run(cv.id(), 1, List.of(ChatMessage.user(turn.user())), turn, turn.inputTokens(), 0, 0, false));
                }
            });
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        return new ArrayList<>(out);
    }
}
