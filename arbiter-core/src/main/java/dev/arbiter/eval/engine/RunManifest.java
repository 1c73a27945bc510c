package dev.arbiter.eval.engine;

import dev.arbiter.client.Capabilities;
import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.EvalSetting;
import dev.arbiter.eval.SkippedRows;
import dev.arbiter.eval.scale.RunScale;

import java.time.Instant;
import java.util.List;

/**
 * What a run is: the facts needed to reproduce it or to recognise the same experiment again. Written as
 * {@code manifest.json} in the run's directory when the run starts and rewritten when it ends.
 *
 * @param endpoint     the client's identity (protocol, base URL, model); never an API key
 * @param server       what the server reported about itself and the model when probed; null when not probed
 * @param samples      distinct samples selected (after --limit)
 * @param generation   sampling settings of the task; the seed sent with epoch k is {@code seed + k}
 * @param pricePerMillionIn  USD per million prompt tokens from the endpoint, for the cost estimate; null if not given
 * @param settingsKey  hash of task, scorer, model, endpoint, generation settings, seed, limit, epochs, dataset sha,
 *                     the questions asked and the setting: what finds the run to resume ({@code SettingsKey})
 * @param rescoredFrom the run whose stored answers this run re-scored, or null
 * @param setting      harness profile, shots, --system, the generation settings the command line overrode, the task's
 *                     and scorer's options, the judge and --context; null in runs stored before it was recorded
 * @param scale        shard, merge and replica facts ({@code --shard}, {@code merge}, several {@code --endpoint}s); null
 *                     for a run on one endpoint, unsharded
 * @param datasetSkipped rows of the data file left out as invalid ({@code --skip-invalid}): not in {@code datasetSize};
 *                     null when none were
 */
public record RunManifest(String runId, RunStatus status, String task, int taskVersion, String scorer,
                          List<String> metrics, String model, String endpointName, String endpoint, Capabilities server,
                          String datasetName, String datasetPath, String datasetSha256, int datasetSize, int samples,
                          GenerationConfig generation, Long seed, Integer limit, int epochs, int concurrency,
                          Double requestsPerMinute, Double pricePerMillionIn, Double pricePerMillionOut, boolean cache,
                          String arbiterVersion, Instant startedAt, Instant endedAt, String outDir, String settingsKey,
                          String rescoredFrom, EvalSetting setting, RunScale scale, SkippedRows datasetSkipped) {
    public RunManifest {
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("run_id is required");
        if (status == null) throw new IllegalArgumentException("status is required");
        if (task == null || task.isBlank()) throw new IllegalArgumentException("task is required");
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (startedAt == null) throw new IllegalArgumentException("started_at is required");
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
    }

    /** A manifest of a dataset without skipped rows. */
    public RunManifest(String runId, RunStatus status, String task, int taskVersion, String scorer,
                       List<String> metrics, String model, String endpointName, String endpoint, Capabilities server,
                       String datasetName, String datasetPath, String datasetSha256, int datasetSize, int samples,
                       GenerationConfig generation, Long seed, Integer limit, int epochs, int concurrency,
                       Double requestsPerMinute, Double pricePerMillionIn, Double pricePerMillionOut, boolean cache,
                       String arbiterVersion, Instant startedAt, Instant endedAt, String outDir, String settingsKey,
                       String rescoredFrom, EvalSetting setting, RunScale scale) {
        this(runId, status, task, taskVersion, scorer, metrics, model, endpointName, endpoint, server, datasetName,
                datasetPath, datasetSha256, datasetSize, samples, generation, seed, limit, epochs, concurrency,
                requestsPerMinute, pricePerMillionIn, pricePerMillionOut, cache, arbiterVersion, startedAt, endedAt, outDir,
                settingsKey, rescoredFrom, setting, scale, null);
    }

    /** A manifest of a run on one endpoint, unsharded. */
    public RunManifest(String runId, RunStatus status, String task, int taskVersion, String scorer,
                       List<String> metrics, String model, String endpointName, String endpoint, Capabilities server,
                       String datasetName, String datasetPath, String datasetSha256, int datasetSize, int samples,
                       GenerationConfig generation, Long seed, Integer limit, int epochs, int concurrency,
                       Double requestsPerMinute, Double pricePerMillionIn, Double pricePerMillionOut, boolean cache,
                       String arbiterVersion, Instant startedAt, Instant endedAt, String outDir, String settingsKey,
                       String rescoredFrom, EvalSetting setting) {
        this(runId, status, task, taskVersion, scorer, metrics, model, endpointName, endpoint, server, datasetName,
                datasetPath, datasetSha256, datasetSize, samples, generation, seed, limit, epochs, concurrency,
                requestsPerMinute, pricePerMillionIn, pricePerMillionOut, cache, arbiterVersion, startedAt, endedAt, outDir,
                settingsKey, rescoredFrom, setting, null);
    }

    /** A manifest without a recorded {@link EvalSetting}. */
    public RunManifest(String runId, RunStatus status, String task, int taskVersion, String scorer,
                       List<String> metrics, String model, String endpointName, String endpoint, Capabilities server,
                       String datasetName, String datasetPath, String datasetSha256, int datasetSize, int samples,
                       GenerationConfig generation, Long seed, Integer limit, int epochs, int concurrency,
                       Double requestsPerMinute, Double pricePerMillionIn, Double pricePerMillionOut, boolean cache,
                       String arbiterVersion, Instant startedAt, Instant endedAt, String outDir, String settingsKey,
                       String rescoredFrom) {
        this(runId, status, task, taskVersion, scorer, metrics, model, endpointName, endpoint, server, datasetName,
                datasetPath, datasetSha256, datasetSize, samples, generation, seed, limit, epochs, concurrency,
                requestsPerMinute, pricePerMillionIn, pricePerMillionOut, cache, arbiterVersion, startedAt, endedAt, outDir,
                settingsKey, rescoredFrom, null);
    }

    /** Answers the run intends to collect: samples × epochs. */
    public int planned() { return samples * epochs; }

    public RunManifest withStatus(RunStatus s, Instant ended) {
        return new RunManifest(runId, s, task, taskVersion, scorer, metrics, model, endpointName, endpoint, server,
                datasetName, datasetPath, datasetSha256, datasetSize, samples, generation, seed, limit, epochs,
                concurrency, requestsPerMinute, pricePerMillionIn, pricePerMillionOut, cache, arbiterVersion, startedAt,
                ended, outDir, settingsKey, rescoredFrom, setting, scale, datasetSkipped);
    }

    public RunManifest withScale(RunScale s) {
        return new RunManifest(runId, status, task, taskVersion, scorer, metrics, model, endpointName, endpoint, server,
                datasetName, datasetPath, datasetSha256, datasetSize, samples, generation, seed, limit, epochs,
                concurrency, requestsPerMinute, pricePerMillionIn, pricePerMillionOut, cache, arbiterVersion, startedAt,
                endedAt, outDir, settingsKey, rescoredFrom, setting, s, datasetSkipped);
    }

    /** The manifest of a re-scoring of this run: same answers, another scorer, a new id and directory. */
    public RunManifest rescored(String newRunId, String newScorer, List<String> newMetrics, String newSettingsKey,
                                Instant started, String newOutDir) {
        return rescored(newRunId, newScorer, newMetrics, newSettingsKey, started, newOutDir, setting);
    }

    /** As {@link #rescored(String, String, List, String, Instant, String)}, graded under {@code newSetting}'s profile. */
    public RunManifest rescored(String newRunId, String newScorer, List<String> newMetrics, String newSettingsKey,
                                Instant started, String newOutDir, EvalSetting newSetting) {
        return new RunManifest(newRunId, RunStatus.running, task, taskVersion, newScorer, newMetrics, model,
                endpointName, endpoint, server, datasetName, datasetPath, datasetSha256, datasetSize, samples, generation,
                seed, limit, epochs, concurrency, requestsPerMinute, pricePerMillionIn, pricePerMillionOut, cache,
                arbiterVersion, started, null, newOutDir, newSettingsKey, runId, newSetting, scale, datasetSkipped);
    }
}
