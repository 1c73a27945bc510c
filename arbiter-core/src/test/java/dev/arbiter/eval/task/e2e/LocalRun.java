package dev.arbiter.eval.task.e2e;

import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.EngineEnvironment;
import dev.arbiter.eval.engine.EvalRunner;
import dev.arbiter.eval.engine.RunOptions;
import dev.arbiter.eval.engine.RunRecord;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Ticker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs a benchmark task through the real engine and OpenAI client against a scripted server on 127.0.0.1. */
final class LocalRun {
    private LocalRun() {}

    static TaskResult run(Task task, ScriptedLlmServer server, Path dir) {
        return record(task, server, dir).tasks().get(0);
    }

    /** The whole run record, manifest included. */
    static RunRecord record(Task task, ScriptedLlmServer server, Path dir) {
        AtomicInteger ids = new AtomicInteger();
        try (RunStore store = RunStore.open(dir.resolve("arbiter.db"));
             ModelClient client = ModelClients.create(server.endpoint(), Ticker.system())) {
            EvalRunner runner = new EvalRunner(store, new EngineEnvironment(Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"),
                    ZoneOffset.UTC), () -> 0L, millis -> { }, new SplittableRandom(1), () -> "run-" + ids.incrementAndGet()), null);
            RunRecord r = runner.run(task, server.endpoint(), client, RunOptions.builder(dir.resolve("runs"))
                    .probe(false).cache(false).concurrency(4).maxRetries(0).build());
            return r;
        }
    }

    /** The task's samples by the text of their last user message (what the scripted server sees). */
    static Map<String, Sample> byPrompt(Task task) {
        Map<String, Sample> out = new HashMap<>();
        for (Sample s : task.dataset().samples()) out.put(s.input().get(s.input().size() - 1).content(), s);
        return out;
    }
}
