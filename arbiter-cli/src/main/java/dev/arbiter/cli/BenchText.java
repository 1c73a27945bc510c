package dev.arbiter.cli;

import dev.arbiter.bench.BenchRecord;
import dev.arbiter.bench.Distribution;
import dev.arbiter.bench.LevelResult;
import dev.arbiter.bench.TurnStats;

import java.io.PrintWriter;
import java.util.Locale;

/** The text rendering of a bench run: one table row per level, then the level notes. "-" for a missing statistic. */
final class BenchText {
    private BenchText() {}

    static void print(PrintWriter out, BenchRecord r) {
        out.printf(Locale.US, "bench %s  %s  %s  %s%n", r.runId(), r.endpoint(), r.servedModel(), r.workload());
        String row = "%-30s %9s %8s %9s %9s %9s %9s %9s %9s %9s %9s %9s %8s%n";
        out.printf(Locale.US, row, "LEVEL", "OK/FAIL", "REQ/S", "OUT TOK/S", "TTFT p50", "TTFT p99", "ITL p50",
                "ITL p99", "TPOT p50", "TPOT p99", "E2E p50", "E2E p99", "GOODPUT");
        for (LevelResult l : r.levels()) {
            out.printf(Locale.US, row, l.level().label() + (l.interrupted() ? " (cut)" : ""),
                    l.completed() + "/" + l.failed(), Text.num(l.requestThroughput(), 2), Text.num(l.outputTokenThroughput(), 1),
                    ms(l.ttftMs().p50()), ms(l.ttftMs().p99()), ms(l.itlMs().p50()), ms(l.itlMs().p99()),
                    ms(l.tpotMs().p50()), ms(l.tpotMs().p99()), ms(l.e2eMs().p50()), ms(l.e2eMs().p99()),
                    l.goodput() == null ? "-" : Text.num(l.goodput().requestGoodput(), 2));
        }
        out.println("times in ms; ITL per chunk; TPOT per token; goodput in good requests/s");
        for (LevelResult l : r.levels()) {
            String label = l.level().label();
            if (!l.errors().isEmpty()) out.printf(Locale.US, "%s: errors %s, e.g. %s%n", label, l.errors(), l.errorExamples().values().iterator().next());
            if (l.ttftFromScheduledMs() != null) {
                out.printf(Locale.US, "%s: from the scheduled send time TTFT p50 %s p99 %s, E2E p99 %s; send lag p99 %s%n", label,
                        ms(l.ttftFromScheduledMs().p50()), ms(l.ttftFromScheduledMs().p99()), ms(l.e2eFromScheduledMs().p99()),
                        ms(l.sendLagMs().p99()));
            }
            for (TurnStats t : l.ttftByTurn()) {
                out.printf(Locale.US, "%s: turn %d TTFT p50 %s (n %d, ~%s prompt tokens)%n", label, t.turn(), ms(t.ttftMs().p50()),
                        t.completed(), Text.num(t.meanPromptTokens(), 0));
            }
            if (l.client() != null) {
                Distribution lag = l.client().schedLagMs();
                out.printf(Locale.US, "%s: client %s of %d cores, scheduling lag p99 %s ms, GC %d ms%n", label,
                        Text.num(l.client().cpuCoresUsed(), 2), l.client().availableCores(), ms(lag.p99()), l.client().gcMs());
            }
            if (l.serverMetrics() != null) {
                var m = l.serverMetrics();
                out.printf(Locale.US, "%s: server KV cache max %s, running max %s, waiting max %s (%d scrapes)%n", label,
                        pct(m.kvCacheUsageMax()), Text.num(m.runningMax(), 0), Text.num(m.waitingMax(), 0), m.samples());
            }
            for (String w : l.warnings()) out.printf(Locale.US, "%s: warning: %s%n", label, w);
        }
        if (r.sloSearch() != null) {
            out.printf(Locale.US, "highest rate meeting the SLO (%s%% of requests good): %s requests/s after %d levels%n",
                    Text.num(r.sloSearch().minFraction() * 100, 0), r.sloSearch().maxRate() == null ? "none of the rates tried"
                            : Text.num(r.sloSearch().maxRate(), 3), r.sloSearch().levels());
        }
        if (r.evidence() != null && r.evidence().singleStreamDecodeTokensPerS() != null) {
            out.printf(Locale.US, "single-stream decode %s tokens/s (TPOT p50 %s ms)%s%n",
                    Text.num(r.evidence().singleStreamDecodeTokensPerS(), 1), ms(r.evidence().singleStreamTpotMs()),
                    r.evidence().catalogModel() == null ? "" : " recorded for " + r.evidence().catalogModel()
                            + (r.evidence().quant() == null ? "" : " " + r.evidence().quant())
                            + (r.evidence().hardware() == null ? "" : " on " + r.evidence().gpus() + " × " + r.evidence().hardware()));
        }
        out.flush();
    }

    private static String ms(Double v) {
        return Text.num(v, v != null && v < 10 ? 2 : 1);
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.US, "%.0f%%", v * 100);
    }
}
