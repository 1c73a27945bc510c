package dev.arbiter.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Turns a level's request records into its {@link LevelResult}: pure arithmetic, no clock. */
public final class LevelStats {
    /** Above this client CPU share (of all cores) the client may be what limits the run. */
    static final double CPU_WARN_FRACTION = 0.9;
    /** Send lag (p99) above which an open-loop level did not keep its schedule. */
    static final double SEND_LAG_WARN_MS = 5;

    private LevelStats() {}

    /**
     * @param durationNanos first send to last completion
     * @param client        the client's self-report, or null (tests)
     * @param server        the server's /metrics figures, or null
     */
    public static LevelResult summarise(LoadLevel level, List<RequestRecord> records, long durationNanos, Slo slo,
                                        ClientReport client, ServerMetrics server, boolean interrupted) {
        return summarise(level, records, durationNanos, slo, client, server, interrupted, List.of());
    }

    /** @param notes the runner's own warnings about the level (prompts it had to repeat), kept among its warnings */
    public static LevelResult summarise(LoadLevel level, List<RequestRecord> records, long durationNanos, Slo slo,
                                        ClientReport client, ServerMetrics server, boolean interrupted, List<String> notes) {
        LongList ttft = new LongList(), itl = new LongList(), tpot = new LongList(), e2e = new LongList();
        LongList ttftSched = new LongList(), e2eSched = new LongList(), sendLag = new LongList();
        Map<String, Integer> errors = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        Map<String, Integer> sources = new TreeMap<>();
        TreeMap<Integer, List<RequestRecord>> byTurn = new TreeMap<>();
        int completed = 0, failed = 0, cancelled = 0, multi = 0, good = 0;
        long in = 0, out = 0;
        for (RequestRecord r : records) {
            if (r.error() == FailureKind.CANCELLED) {
                cancelled++;
                continue;
            }
            if (!r.ok()) {
                failed++;
                errors.merge(r.error().wire(), 1, Integer::sum);
                examples.putIfAbsent(r.error().wire(), r.errorMessage());
                continue;
            }
            completed++;
            ttft.add(r.ttftNanos());
            e2e.add(r.e2eNanos());
            itl.addAll(r.itlNanos());
            if (r.tpotNanos() >= 0) tpot.add(r.tpotNanos());
            ttftSched.add(r.ttftNanos() + r.sendLagNanos());
            e2eSched.add(r.e2eNanos() + r.sendLagNanos());
            sendLag.add(r.sendLagNanos());
            out += r.outputTokens();
            if (r.promptTokens() > 0) in += r.promptTokens();
            sources.merge(r.tokenSource(), 1, Integer::sum);
            if (r.multiTokenChunks()) multi++;
            if (slo != null && !slo.isEmpty() && slo.met(r)) good++;
            byTurn.computeIfAbsent(r.turn(), k -> new ArrayList<>()).add(r);
        }
        double seconds = durationNanos / 1e9;
        Double reqTput = seconds > 0 ? completed / seconds : null;
        Double outTput = seconds > 0 ? out / seconds : null;
        Double totTput = seconds > 0 ? (in + out) / seconds : null;
        Goodput goodput = slo == null || slo.isEmpty() ? null : new Goodput(slo, good, seconds > 0 ? good / seconds : null,
                completed + failed > 0 ? good / (double) (completed + failed) : null);
        List<TurnStats> turns = new ArrayList<>();
        if (byTurn.size() > 1) {
            for (var e : byTurn.entrySet()) {
                LongList t = new LongList();
                double prompt = 0;
                for (RequestRecord r : e.getValue()) {
                    t.add(r.ttftNanos());
                    prompt += Math.max(0, r.promptTokens());
                }
                turns.add(new TurnStats(e.getKey(), e.getValue().size(), t.distribution(), prompt / e.getValue().size()));
            }
        }
        Distribution lag = sendLag.distribution();
        List<String> warnings = new ArrayList<>();
        if (completed == 0 && failed > 0) warnings.add("no request completed: every figure below is empty; see errors");
        if (multi > 0) {
            warnings.add(String.format(Locale.US, "%d of %d requests streamed several tokens per chunk (speculative "
                    + "decoding, detokeniser hold-back or batching): ITL is per chunk, TPOT (from the server's count) is per token", multi, completed));
        }
        int chunkCounted = sources.getOrDefault("chunks", 0);
        if (chunkCounted > 0) {
            warnings.add(chunkCounted + " of " + completed + " requests had no usage from the server: output tokens are "
                    + "counted chunks, which is wrong whenever a chunk carries more or less than one token");
        }
        if (level.openLoop() && lag.p99() != null && lag.p99() > SEND_LAG_WARN_MS) {
            warnings.add(String.format(Locale.US, "requests left up to %.1f ms (p99) after their scheduled time: the "
                    + "client or the in-flight cap queued them; *_from_scheduled_ms include that wait", lag.p99()));
        }
        warnings.addAll(notes);
        if (client != null) warnings.addAll(client.warnings());
        if (interrupted) warnings.add("interrupted: the figures cover the requests that ended before Ctrl-C");
        return new LevelResult(level.concurrency(), level.rate(), interrupted, completed, failed, cancelled, errors,
                examples, seconds, reqTput, outTput, totTput, in, out, sources, multi, ttft.distribution(),
                itl.distribution(), tpot.distribution(), e2e.distribution(),
                level.openLoop() ? ttftSched.distribution() : null, level.openLoop() ? e2eSched.distribution() : null,
                level.openLoop() ? lag : null, goodput, turns, client, server, warnings);
    }
}
