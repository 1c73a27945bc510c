package dev.arbiter.cli;

import dev.arbiter.bench.DelayStubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** For CLI tests of prices: the price list dated against 2026-12-07 (prices' ages are exact), a run store, a bench run. */
abstract class PricedCliTest {
    @TempDir Path dir;

    @BeforeEach
    void fixTheClock() {
        PriceMixin.clock = Clock.fixed(Instant.parse("2026-12-07T12:00:00Z"), ZoneOffset.UTC);
    }

    @AfterEach
    void restoreTheClock() {
        PriceMixin.clock = Clock.systemUTC();
    }

    String store() {
        return dir.resolve("a.db").toString();
    }

    /** A bench run of qwen2.5-7b at INT4 on one rtx-4090, against a server double on 127.0.0.1, stored in {@link #store()}. */
    CliRun benchQwen7bInt4(DelayStubServer s, String concurrency, String prompts) {
        return CliRun.of("bench", "--endpoint", s.uri().toString(), "--model", "Qwen/Qwen2.5-7B-Instruct", "--store", store(),
                "--out", dir.resolve("out").toString(), "--input-tokens", "8", "--output-tokens", "6", "--warmup", "1",
                "--concurrency", concurrency, "--num-prompts", prompts, "--catalog-model", "qwen2.5-7b", "--quant", "INT4",
                "--hardware", "rtx-4090", "--format", "json");
    }
}
