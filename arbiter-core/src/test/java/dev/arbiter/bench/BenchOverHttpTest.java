package dev.arbiter.bench;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.Endpoint;
import dev.arbiter.client.EnvLookup;
import dev.arbiter.client.ErrorMapper;
import dev.arbiter.client.ModelClients;
import dev.arbiter.util.Ticker;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real sockets on 127.0.0.1 against {@link DelayStubServer}, whose delays and own timings are the ground truth.
 * Tolerances are generous because the test machine is shared: the lower bounds are exact (a token cannot arrive
 * before the server wrote it), the upper ones allow the client 25 ms of scheduling noise.
 */
class BenchOverHttpTest {
    static StreamingCall call(URI uri) {
        Endpoint e = Endpoint.of(uri, ApiFlavor.openai, "m").withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20));
        return StreamingCall.forEndpoint(e, ModelClients.streaming(e, Ticker.system(), EnvLookup.system(), ErrorMapper.system()),
                true, null);
    }

    static BenchRunner runner(URI uri, int turns) {
        return new BenchRunner(call(uri), new SyntheticWorkload(1, LengthSpec.fixed(8), LengthSpec.fixed(16), turns, 0));
    }

    static LevelResult level(BenchRunner r, LoadLevel level, int requests) {
        BenchRunner.LevelRun run = r.run(level, new BenchRunner.Bound(requests, null), 3);
        return LevelStats.summarise(level, run.records(), run.durationNanos(), Slo.parse("ttft=1s"), run.client(), null,
                run.interrupted());
    }

    @Test
    void sixteenStreamsMeasureTheServersKnownTtftAndItl() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(50, 10)) {
            BenchRunner r = runner(s.uri(), 1);
            r.warmup(4, 4);
            s.timings.clear();
            LevelResult l = level(r, LoadLevel.closed(16), 48);
            assertThat(l.completed()).isEqualTo(48);
            assertThat(l.failed()).isZero();
            assertThat(l.tokenSources()).containsEntry("usage", 48);
            // the role-only chunk arrives at once; counting it would put TTFT near 0
            assertThat(l.ttftMs().min()).isGreaterThanOrEqualTo(50.0);
            assertThat(l.ttftMs().p50()).isBetween(50.0, 75.0);
            assertThat(l.itlMs().n()).isEqualTo(48 * 15);
            assertThat(l.itlMs().p50()).isBetween(5.0, 15.0);
            assertThat(l.tpotMs().p50()).isBetween(9.5, 12.0);  // 150 ms over 15 tokens, plus scheduling noise
            assertThat(l.e2eMs().min()).isGreaterThanOrEqualTo(200.0);
            double serverTtft = s.timings().stream().mapToDouble(DelayStubServer.ServerTiming::ttftMs).sorted()
                    .skip(s.timings().size() / 2).findFirst().orElseThrow();
            assertThat(l.ttftMs().p50() - serverTtft).isBetween(0.0, 25.0);
            assertThat(l.client().availableCores()).isPositive();
            assertThat(l.client().schedLagMs().n()).isPositive();
            assertThat(l.goodput().good()).isEqualTo(48);
        }
    }

    @Test
    void openLoopSendsOnScheduleAndMeasuresFromTheScheduledTime() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(5, 1)) {
            LevelResult l = level(runner(s.uri(), 1), LoadLevel.open(40, null), 20);
            assertThat(l.completed()).isEqualTo(20);
            assertThat(l.rate()).isEqualTo(40.0);
            assertThat(l.sendLagMs().n()).isEqualTo(20);
            assertThat(l.sendLagMs().min()).isGreaterThanOrEqualTo(0.0);
            assertThat(l.ttftFromScheduledMs().p50()).isGreaterThanOrEqualTo(l.ttftMs().p50());
        }
    }

    @Test
    void anInFlightCapMakesLateSendsVisibleAsSendLag() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(100, 1)) {
            // all 6 arrive at t=0 but only 2 may be in flight: the last pair waits ~2 × 115 ms
            LevelResult l = level(runner(s.uri(), 1), LoadLevel.open(Double.POSITIVE_INFINITY, 2), 6);
            assertThat(l.completed()).isEqualTo(6);
            assertThat(l.sendLagMs().max()).isGreaterThanOrEqualTo(200.0);
            assertThat(l.ttftFromScheduledMs().max()).isGreaterThanOrEqualTo(300.0);
            assertThat(l.ttftMs().max()).isLessThan(l.ttftFromScheduledMs().max());
        }
    }

    @Test
    void failuresAreCountedByKindNeverCrashNeverEnterThePercentiles() throws Exception {
        for (var c : List.of(
                new Object[] {DelayStubServer.Mode.CLOSE_MIDWAY, "stream_closed"},
                new Object[] {DelayStubServer.Mode.MALFORMED, "malformed"},
                new Object[] {DelayStubServer.Mode.EMPTY, "empty"},
                new Object[] {DelayStubServer.Mode.HTTP_500, "http_error"})) {
            try (DelayStubServer s = new DelayStubServer(1, 1, 1, (DelayStubServer.Mode) c[0], null)) {
                LevelResult l = level(runner(s.uri(), 1), LoadLevel.closed(2), 4);
                assertThat(l.failed()).as("%s", c[0]).isEqualTo(4);
                assertThat(l.completed()).isZero();
                assertThat(l.errors()).containsOnlyKeys((String) c[1]);
                assertThat(l.errorExamples().get(c[1])).isNotBlank();
                assertThat(l.ttftMs().n()).isZero();
                assertThat(l.ttftMs().p50()).isNull();
            }
        }
    }

    @Test
    void aRequestWhoseConnectionTheServerDroppedIsAFailureNeverSentAgain() throws Exception {
        try (DelayStubServer s = new DelayStubServer(1, 1, 1, DelayStubServer.Mode.DROP_EVERY_THIRD, null)) {
            BenchRunner r = runner(s.uri(), 1);
            LoadLevel level = LoadLevel.closed(1);
            BenchRunner.LevelRun run = r.run(level, new BenchRunner.Bound(6, null), 3);
            LevelResult l = LevelStats.summarise(level, run.records(), run.durationNanos(), Slo.parse("ttft=1s"),
                    run.client(), null, false);
            // the 3rd and 6th requests were dropped on a reused keep-alive connection: sent once each, as vLLM's
            // aiohttp client sends a POST (it resends only idempotent methods), and counted as failures
            assertThat(s.requests).hasSize(6);
            assertThat(l.completed()).isEqualTo(4);
            assertThat(l.failed()).isEqualTo(2);
            assertThat(l.errors()).containsOnly(org.assertj.core.api.Assertions.entry("connection", 2));
            assertThat(l.errorExamples().get("connection")).contains("connection closed before the response");
            // their time is kept, not hidden behind a second attempt: the server held each before closing
            assertThat(run.records()).filteredOn(q -> !q.ok())
                    .allSatisfy(q -> assertThat(q.e2eNanos()).isGreaterThanOrEqualTo(DelayStubServer.DROP_HOLD_MS * 1_000_000));
            assertThat(l.goodput().good()).isEqualTo(4);
        }
    }

    @Test
    void anUnreachableServerIsCountedAsConnectionFailures() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        LevelResult l = level(runner(URI.create("http://127.0.0.1:" + port), 1), LoadLevel.closed(2), 3);
        assertThat(l.failed()).isEqualTo(3);
        assertThat(l.errors()).containsOnlyKeys("connection");
    }

    @Test
    void withoutUsageTheOutputTokensAreCountedChunksAndSaidSo() throws Exception {
        try (DelayStubServer s = new DelayStubServer(1, 1, 1, DelayStubServer.Mode.NO_USAGE, null)) {
            LevelResult l = level(runner(s.uri(), 1), LoadLevel.closed(1), 2);
            assertThat(l.completed()).isEqualTo(2);
            assertThat(l.tokenSources()).containsOnlyKeys("chunks");
            assertThat(l.outputTokens()).isEqualTo(32);
            assertThat(l.warnings()).anyMatch(w -> w.contains("counted chunks"));
        }
    }

    @Test
    void chunksCarryingSeveralTokensAreFlaggedAndTpotStaysPerToken() throws Exception {
        try (DelayStubServer s = new DelayStubServer(5, 5, 4, DelayStubServer.Mode.NORMAL, null)) {
            LevelResult l = level(runner(s.uri(), 1), LoadLevel.closed(1), 2);
            assertThat(l.multiTokenChunkRequests()).isEqualTo(2);
            assertThat(l.outputTokens()).isEqualTo(32);
            assertThat(l.itlMs().p50()).isGreaterThanOrEqualTo(15.0);  // a chunk every 4 × 5 ms
            assertThat(l.tpotMs().p50()).isBetween(3.0, 8.0);           // 60 ms over 15 tokens: 4 ms, ± arrival jitter
        }
    }

    @Test
    void ollamasNdjsonStreamIsTimedAndItsEvalCountIsTheTokenCount() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(20, 2)) {
            Endpoint e = Endpoint.of(s.uri(), ApiFlavor.ollama, "qwen2.5:7b");
            StreamingCall c = StreamingCall.forEndpoint(e, ModelClients.streaming(e, Ticker.system(), EnvLookup.system(),
                    ErrorMapper.system()), true, null);
            BenchRunner r = new BenchRunner(c, new SyntheticWorkload(1, LengthSpec.fixed(8), LengthSpec.fixed(12), 1, 0));
            LevelResult l = level(r, LoadLevel.closed(2), 4);
            assertThat(l.completed()).as("%s", l.errorExamples()).isEqualTo(4);
            assertThat(l.tokenSources()).containsOnlyKeys("usage");
            assertThat(l.outputTokens()).isEqualTo(48);
            assertThat(l.inputTokens()).isEqualTo(28);  // prompt_eval_count 7 × 4
            assertThat(l.ttftMs().min()).isGreaterThanOrEqualTo(20.0);
            assertThat(s.requests.peek().path("options").path("num_predict").asInt()).isEqualTo(12);
            assertThat(s.requests.peek().has("stream_options")).isFalse();
        }
    }

    @Test
    void multiTurnConversationsResendTheGrowingHistory() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(1, 1)) {
            LevelResult l = level(runner(s.uri(), 3), LoadLevel.closed(1), 3);
            assertThat(l.completed()).isEqualTo(3);
            assertThat(l.ttftByTurn()).extracting(TurnStats::turn).containsExactly(1, 2, 3);
            assertThat(s.requests).extracting(q -> q.path("messages").size()).containsExactly(1, 3, 5);
            var third = s.requests.stream().toList().get(2).path("messages");
            assertThat(third.get(1).path("role").asText()).isEqualTo("assistant");
            assertThat(third.get(1).path("content").asText()).startsWith("tok tok");
            assertThat(s.requests.peek().path("min_tokens").asInt()).isEqualTo(16);
            assertThat(s.requests.peek().path("stream_options").path("include_usage").asBoolean()).isTrue();
        }
    }

    @Test
    void stoppingMidLevelKeepsWhatCompletedAndCancelsTheRest() throws Exception {
        try (DelayStubServer s = DelayStubServer.start(1, 20)) {
            BenchRunner r = runner(s.uri(), 1);
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(1200);
                } catch (InterruptedException ignored) {
                    return;
                }
                r.requestStop();
            });
            stopper.start();
            LevelResult l = level(r, LoadLevel.closed(2), 1000);  // 16 tokens × 20 ms: ~3 requests/s per worker
            stopper.join();
            assertThat(l.interrupted()).isTrue();
            assertThat(l.completed()).isBetween(1, 12);
            assertThat(l.cancelled()).isBetween(1, 2);
            assertThat(l.failed()).isZero();
            assertThat(l.warnings()).anyMatch(w -> w.startsWith("interrupted"));
        }
    }
}
