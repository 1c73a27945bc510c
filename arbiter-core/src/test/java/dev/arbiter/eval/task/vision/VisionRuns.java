package dev.arbiter.eval.task.vision;

import dev.arbiter.client.ApiFlavor;
import dev.arbiter.client.ModelClient;
import dev.arbiter.client.ModelClients;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.engine.EngineEnvironment;
import dev.arbiter.eval.engine.EvalRunner;
import dev.arbiter.eval.engine.RunOptions;
import dev.arbiter.eval.engine.TaskResult;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.testing.ScriptedLlmServer;
import dev.arbiter.util.Ticker;

import java.nio.file.Path;
import java.time.Clock;
import java.util.SplittableRandom;

/** Runs a vision task through the real engine (probe included) against a scripted server on 127.0.0.1. */
final class VisionRuns {
    private VisionRuns() {}

    static TaskResult run(Task task, ScriptedLlmServer server, ApiFlavor api, Path dir) {
        try (RunStore store = RunStore.open(dir.resolve("arbiter.db"));
             ModelClient client = ModelClients.create(server.endpoint(api), Ticker.system())) {
            EvalRunner runner = new EvalRunner(store, new EngineEnvironment(Clock.systemUTC(), Ticker.system(), n -> {},
                    new SplittableRandom(1), () -> "run-" + task.name()), null);
            return runner.run(task, server.endpoint(api), client, RunOptions.builder(dir.resolve("runs")).cache(false).concurrency(4).build())
                    .tasks().get(0);
        }
    }
}
