package dev.arbiter.bench;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EnvLookup;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.client.ModelClients;
import dev.arbiter.util.Ticker;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark client's own ceiling (run by {@code scripts/bench-serve}, not a unit test): against
 * {@link DelayStubServer} on 127.0.0.1, in this JVM (so both sides share the 2 cores and the GC).
 * <ol>
 * <li>Zero-delay server, 16 tokens per answer: completed requests/s at each concurrency, and the client's CPU.</li>
 * <li>Known delays (TTFT 50 ms, 10 ms per token, 16 tokens): the client's p50 TTFT and E2E beside the p50 of the
 * server's own timings of the same requests (request read → first token written / last byte written), and the
 * client's p50 ITL beside the configured 10 ms.</li>
 * </ol>
 * Usage: {@code ServeBench [requests-per-level] [concurrencies]}, e.g. {@code 3000 1,64,256}.
 */
public final class ServeBench {
    private ServeBench() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int[] levels = Arrays.stream((args.length > 1 ? args[1] : "1,64,256").split(",")).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "cores %d, java %s, %d requests per level%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), n);
        System.out.println("\n== zero-delay server, 16 tokens per answer ==");
        System.out.println("concurrency  req/s   out tok/s  client cores  sched lag p99 ms  client TTFT p50 ms  server TTFT p50 ms  failed");
        try (DelayStubServer s = new DelayStubServer(0, 0, 1, DelayStubServer.Mode.NORMAL, null)) {
            for (int c : levels) {
                BenchRunner r = runner(s);
                r.warmup(Math.min(n, Math.max(c, 200)), c);
                s.timings.clear();
                LevelResult l = level(r, LoadLevel.closed(c), n);
                System.out.printf(Locale.ROOT, "%11d %7.0f %11.0f %13.2f %17.2f %19.3f %19.3f %7d%n", c, l.requestThroughput(),
                        l.outputTokenThroughput(), l.client().cpuCoresUsed(), l.client().schedLagMs().p99(), l.ttftMs().p50(),
                        p50(s.timings(), true), l.failed());
            }
        }
        System.out.println("\n== known delays: TTFT 50 ms, 10 ms per token, 16 tokens (E2E 200 ms) ==");
        System.out.println("concurrency  requests  TTFT p50 client/server/diff ms  E2E p50 client/server/diff ms  ITL p50 ms  client cores  failed");
        try (DelayStubServer s = DelayStubServer.start(50, 10)) {
            for (int c : levels) {
                BenchRunner r = runner(s);
                r.warmup(c, c);
                s.timings.clear();
                int requests = Math.max(4 * c, 64);
                LevelResult l = level(r, LoadLevel.closed(c), requests);
                double st = p50(s.timings(), true), se = p50(s.timings(), false);
                System.out.printf(Locale.ROOT, "%11d %9d   %7.2f / %7.2f / %+6.2f      %7.2f / %7.2f / %+6.2f   %9.2f %13.2f %7d%n",
                        c, requests, l.ttftMs().p50(), st, l.ttftMs().p50() - st, l.e2eMs().p50(), se, l.e2eMs().p50() - se,
                        l.itlMs().p50(), l.client().cpuCoresUsed(), l.failed());
            }
        }
    }

    private static BenchRunner runner(DelayStubServer s) {
        Endpoint e = Endpoint.of(s.uri(), ApiFlavor.openai, "m").withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60));
        StreamingCall call = StreamingCall.forEndpoint(e, ModelClients.streaming(e, Ticker.system(), EnvLookup.system(),
                ErrorMapper.system()), true, null);
        return new BenchRunner(call, new SyntheticWorkload(1, LengthSpec.fixed(32), LengthSpec.fixed(16), 1, 0));
    }

    private static LevelResult level(BenchRunner r, LoadLevel level, int requests) {
        BenchRunner.LevelRun run = r.run(level, new BenchRunner.Bound(requests, null), 1);
        return LevelStats.summarise(level, run.records(), run.durationNanos(), null, run.client(), null, false);
    }

    private static double p50(List<DelayStubServer.ServerTiming> t, boolean ttft) {
        long[] v = t.stream().mapToLong(x -> ttft ? x.firstContent() - x.received() : x.last() - x.received()).toArray();
        return v.length == 0 ? Double.NaN : Distribution.ofNanos(v).p50();
    }
}
