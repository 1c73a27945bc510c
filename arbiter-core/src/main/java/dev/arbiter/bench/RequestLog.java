package dev.arbiter.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.client.http.WireJson;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes every request of a run, one JSON line each ({@code requests.jsonl}, ITL gaps included) and one CSV row each
 * ({@code requests.csv}). Times in milliseconds; send and scheduled times from the level's start.
 */
public final class RequestLog {
    public static final String JSONL = "requests.jsonl";
    public static final String CSV = "requests.csv";
    private static final String[] HEADER = {"level", "conversation", "turn", "scheduled_ms", "sent_ms", "ttft_ms", "e2e_ms",
            "tpot_ms", "itl_count", "itl_mean_ms", "output_tokens", "token_source", "content_chunks", "prompt_tokens",
            "multi_token_chunks", "error", "error_message"};

    private RequestLog() {}

    public static void write(Path dir, List<Bench.Level> levels) {
        try {
            Files.createDirectories(dir);
            try (BufferedWriter jsonl = Files.newBufferedWriter(dir.resolve(JSONL), StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(dir.resolve(CSV), StandardCharsets.UTF_8),
                         CSVFormat.DEFAULT.builder().setHeader(HEADER).build())) {
                for (Bench.Level l : levels) {
                    String label = l.result().level().label();
                    for (RequestRecord r : l.records()) {
                        jsonl.write(WireJson.MAPPER.writeValueAsString(json(label, r)));
                        jsonl.write('\n');
                        csv.printRecord(label, r.conversation(), r.turn(), ms(r.scheduledNanos()), ms(r.sentNanos()),
                                r.ok() ? ms(r.ttftNanos()) : "", ms(r.e2eNanos()), r.tpotNanos() < 0 ? "" : ms(r.tpotNanos()),
                                r.itlNanos().length, r.itlNanos().length == 0 ? "" : ms(mean(r.itlNanos())),
                                r.ok() ? r.outputTokens() : "", r.tokenSource() == null ? "" : r.tokenSource(),
                                r.contentChunks(), r.promptTokens() < 0 ? "" : r.promptTokens(), r.multiTokenChunks(),
                                r.error() == null ? "" : r.error().wire(), r.errorMessage() == null ? "" : r.errorMessage());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the per-request log in " + dir, e);
        }
    }

    static ObjectNode json(String level, RequestRecord r) {
        ObjectNode n = WireJson.MAPPER.createObjectNode();
        n.put("level", level);
        n.put("conversation", r.conversation());
        n.put("turn", r.turn());
        n.put("scheduled_ms", ms(r.scheduledNanos()));
        n.put("sent_ms", ms(r.sentNanos()));
        if (r.ok()) n.put("ttft_ms", ms(r.ttftNanos()));
        n.put("e2e_ms", ms(r.e2eNanos()));
        if (r.tpotNanos() >= 0) n.put("tpot_ms", ms(r.tpotNanos()));
        var itl = n.putArray("itl_ms");
        for (long g : r.itlNanos()) itl.add(ms(g));
        if (r.ok()) {
            n.put("output_tokens", r.outputTokens());
            n.put("token_source", r.tokenSource());
        }
        n.put("content_chunks", r.contentChunks());
        if (r.promptTokens() >= 0) n.put("prompt_tokens", r.promptTokens());
        if (r.multiTokenChunks()) n.put("multi_token_chunks", true);
        if (r.error() != null) {
            n.put("error", r.error().wire());
            n.put("error_message", r.errorMessage());
        }
        return n;
    }

    private static double mean(long[] v) {
        double s = 0;
        for (long x : v) s += x;
        return s / v.length;
    }

    /** Milliseconds to the microsecond, as a number. */
    private static double ms(double nanos) {
        return Double.parseDouble(String.format(Locale.US, "%.3f", nanos / 1e6));
    }
}
