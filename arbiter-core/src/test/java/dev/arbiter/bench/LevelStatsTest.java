package dev.arbiter.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LevelStatsTest {
    private static final long MS = 1_000_000;

    /** A completed request: ttft and e2e in ms, gaps in ms, {@code tokens} output tokens from usage. */
    private static RequestRecord ok(long sentMs, long ttftMs, long e2eMs, int tokens, long... gapsMs) {
        long[] gaps = new long[gapsMs.length];
        for (int i = 0; i < gaps.length; i++) gaps[i] = gapsMs[i] * MS;
        return new RequestRecord(0, 1, sentMs * MS, sentMs * MS, ttftMs * MS, e2eMs * MS, gaps, tokens, "usage",
                gaps.length + 1, 10, false, null, null, null);
    }

    @Test
    void percentilesInterpolateLinearlyBetweenRanksAsNumpyAndVllmDo() {
        long[] v = {10, 20, 30, 40};
        // rank = p/100 * (n-1): p50 -> 1.5 -> 25; p90 -> 2.7 -> 37; p99 -> 2.97 -> 39.7
        assertThat(Distribution.percentile(v, 50)).isEqualTo(25.0);
        assertThat(Distribution.percentile(v, 90)).isCloseTo(37.0, within(1e-9));
        assertThat(Distribution.percentile(v, 99)).isCloseTo(39.7, within(1e-9));
        Distribution d = Distribution.ofNanos(new long[] {40 * MS, 10 * MS, 30 * MS, 20 * MS});
        assertThat(d.n()).isEqualTo(4);
        assertThat(d.mean()).isEqualTo(25.0);
        assertThat(d.p50()).isEqualTo(25.0);
        assertThat(d.min()).isEqualTo(10.0);
        assertThat(d.max()).isEqualTo(40.0);
        assertThat(d.std()).isCloseTo(Math.sqrt(125), within(1e-9));  // population std of 10,20,30,40
    }

    @Test
    void anEmptyDistributionHasNoStatisticsRatherThanZeros() {
        Distribution d = Distribution.ofNanos(new long[0]);
        assertThat(d.n()).isZero();
        assertThat(d.p50()).isNull();
        assertThat(d.mean()).isNull();
    }

    @Test
    void levelFiguresFollowVllmDefinitionsExactly() {
        List<RequestRecord> rs = List.of(
                ok(0, 100, 1000, 10, 100, 100, 100),      // tpot (1000-100)/9 = 100 ms
                ok(0, 300, 2300, 5, 500, 500, 500, 500),  // tpot 2000/4 = 500 ms
                ok(1000, 200, 200, 1),                     // one token: no tpot, no gaps
                RequestRecord.failed(0, 1, 0, 0, 50 * MS, FailureKind.STREAM_CLOSED, "cut"),
                RequestRecord.failed(0, 1, 0, 0, 0, FailureKind.CANCELLED, "ctrl-c"));
        LevelResult r = LevelStats.summarise(LoadLevel.closed(4), rs, 4_000 * MS, Slo.parse("ttft=250ms,tpot=100ms"),
                null, null, false);
        assertThat(r.completed()).isEqualTo(3);
        assertThat(r.failed()).isEqualTo(1);
        assertThat(r.cancelled()).isEqualTo(1);
        assertThat(r.errors()).containsExactly(java.util.Map.entry("stream_closed", 1));
        assertThat(r.durationS()).isEqualTo(4.0);
        assertThat(r.requestThroughput()).isEqualTo(0.75);
        assertThat(r.outputTokens()).isEqualTo(16);
        assertThat(r.outputTokenThroughput()).isEqualTo(4.0);
        assertThat(r.inputTokens()).isEqualTo(30);
        assertThat(r.totalTokenThroughput()).isEqualTo(11.5);
        assertThat(r.ttftMs().mean()).isEqualTo(200.0);
        assertThat(r.ttftMs().p50()).isEqualTo(200.0);
        assertThat(r.ttftMs().p90()).isEqualTo(280.0);   // 200 + 0.8 * 100
        assertThat(r.tpotMs().n()).isEqualTo(2);
        assertThat(r.tpotMs().mean()).isEqualTo(300.0);
        assertThat(r.tpotMs().p50()).isEqualTo(300.0);
        assertThat(r.itlMs().n()).isEqualTo(7);           // gaps of all requests pooled
        assertThat(r.itlMs().p50()).isEqualTo(500.0);
        assertThat(r.itlMs().mean()).isCloseTo(2300.0 / 7, within(1e-9));
        assertThat(r.e2eMs().max()).isEqualTo(2300.0);
        // good: #1 (ttft 100 ≤ 250, tpot 100 ≤ 100) and #3 (one token passes tpot); #2 fails ttft
        assertThat(r.goodput().good()).isEqualTo(2);
        assertThat(r.goodput().requestGoodput()).isEqualTo(0.5);
        assertThat(r.goodput().fraction()).isEqualTo(0.5);  // 2 of 4 ended requests (the failure counts against)
        assertThat(r.ttftFromScheduledMs()).isNull();       // closed loop
    }

    @Test
    void openLoopLatencyFromTheScheduledTimeIncludesTheClientsQueueing() {
        long[] none = {};
        RequestRecord late = new RequestRecord(0, 1, 100 * MS, 130 * MS, 50 * MS, 250 * MS, none, 3, "usage", 3, 5,
                false, null, null, null);
        RequestRecord onTime = new RequestRecord(1, 1, 200 * MS, 200 * MS, 40 * MS, 240 * MS, none, 3, "usage", 3, 5,
                false, null, null, null);
        LevelResult r = LevelStats.summarise(LoadLevel.open(10, null), List.of(late, onTime), 500 * MS, null, null, null, false);
        assertThat(r.ttftMs().max()).isEqualTo(50.0);
        assertThat(r.ttftFromScheduledMs().max()).isEqualTo(80.0);
        assertThat(r.e2eFromScheduledMs().max()).isEqualTo(280.0);
        assertThat(r.sendLagMs().max()).isEqualTo(30.0);
        assertThat(r.sendLagMs().min()).isEqualTo(0.0);
        assertThat(r.goodput()).isNull();
        assertThat(r.warnings()).anyMatch(w -> w.contains("after their scheduled time"));
    }

    @Test
    void aLevelWhereEverythingFailedHasEmptyLatenciesAndSaysSo() {
        List<RequestRecord> rs = new ArrayList<>();
        for (int i = 0; i < 3; i++) rs.add(RequestRecord.failed(i, 1, 0, 0, MS, FailureKind.CONNECTION, "refused"));
        LevelResult r = LevelStats.summarise(LoadLevel.closed(1), rs, 10 * MS, Slo.parse("ttft=1s"), null, null, false);
        assertThat(r.completed()).isZero();
        assertThat(r.failed()).isEqualTo(3);
        assertThat(r.ttftMs().p99()).isNull();
        assertThat(r.goodput().good()).isZero();
        assertThat(r.requestThroughput()).isEqualTo(0.0);
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("no request completed"));
    }

    @Test
    void chunkCountedTokensAndMultiTokenChunksAreWarnedAbout() {
        RequestRecord counted = new RequestRecord(0, 1, 0, 0, MS, 5 * MS, new long[] {MS, MS}, 3, "chunks", 3, -1,
                false, null, null, null);
        RequestRecord multi = new RequestRecord(1, 1, 0, 0, MS, 5 * MS, new long[] {MS}, 8, "usage", 2, 4,
                true, null, null, null);
        LevelResult r = LevelStats.summarise(LoadLevel.closed(2), List.of(counted, multi), 10 * MS, null, null, null, false);
        assertThat(r.tokenSources()).containsEntry("chunks", 1).containsEntry("usage", 1);
        assertThat(r.multiTokenChunkRequests()).isEqualTo(1);
        assertThat(r.warnings()).anyMatch(w -> w.contains("several tokens per chunk"))
                .anyMatch(w -> w.contains("counted chunks"));
    }

    @Test
    void ttftIsReportedByTurnForMultiTurnConversations() {
        long[] none = {};
        List<RequestRecord> rs = List.of(
                new RequestRecord(0, 1, 0, 0, 100 * MS, 200 * MS, none, 2, "usage", 2, 10, false, null, null, null),
                new RequestRecord(0, 2, 0, 0, 40 * MS, 100 * MS, none, 2, "usage", 2, 30, false, null, null, null),
                new RequestRecord(1, 1, 0, 0, 120 * MS, 200 * MS, none, 2, "usage", 2, 10, false, null, null, null));
        LevelResult r = LevelStats.summarise(LoadLevel.closed(2), rs, 10 * MS, null, null, null, false);
        assertThat(r.ttftByTurn()).hasSize(2);
        assertThat(r.ttftByTurn().get(0).ttftMs().mean()).isEqualTo(110.0);
        assertThat(r.ttftByTurn().get(1).ttftMs().mean()).isEqualTo(40.0);
        assertThat(r.ttftByTurn().get(1).meanPromptTokens()).isEqualTo(30.0);
    }
}
