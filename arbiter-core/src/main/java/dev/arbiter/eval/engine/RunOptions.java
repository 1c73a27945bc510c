package dev.arbiter.eval.engine;

import dev.arbiter.error.InvalidInputException;

import java.nio.file.Path;

/**
 * How to run a task. Messages name the command-line flag, since that is where a bad value comes from.
 *
 * @param concurrency       requests in flight at once to the endpoint; null means the endpoint's own setting
 * @param requestsPerMinute rate cap; null means the endpoint's own setting (which may be none)
 * @param seed              sampling seed for --limit and generation seed sent to the model (epoch k sends seed + k)
 * @param limit             evaluate this many samples drawn with the seed; null for all
 * @param epochs            answers per sample
 * @param outDir            the run's directory; null means {@code runsRoot/RUN_ID}
 * @param runsRoot          parent of run directories when {@code outDir} is null
 * @param resumeRunId       resume this run; null to start (or automatically resume) by settings
 * @param autoResume        resume the newest incomplete run with the same settings instead of starting a new one
 * @param cache             answer repeated requests from the response cache
 * @param maxRetries        retries of one model call after a retriable error (429, 5xx, timeout, dropped connection)
 * @param probe             ask the server for its capabilities before the run (fails fast when unreachable)
 * @param arbiterVersion    recorded in the manifest
 * @param contextTokens     context window to ask the server for, in tokens ({@code --context}); sent to Ollama as
 *                          {@code num_ctx} (capped by the model's trained length); null means the task's need
 * @param stream            stream answers (records TTFT and tokens/s per answer); null means wherever it costs
 *                          nothing: every request that does not read logprobs
 * @param gradeTruncated    grade answers cut off at the token limit as they are (a reference harness's rule) instead
 *                          of leaving them unscored as {@link SampleOutcome#TRUNCATED}; a task whose setting names a
 *                          reference profile is graded so without it ({@code HarnessProfile#gradesTruncated})
 * @param shard             evaluate only this shard of the selected samples ({@code --shard K/N}); null for all
 * @param task              what the task was built from, recorded in a shard's manifest for {@code merge}; null if unknown
 */
public record RunOptions(Integer concurrency, Double requestsPerMinute, Long seed, Integer limit, int epochs, Path outDir,
                         Path runsRoot, String resumeRunId, boolean autoResume, boolean cache, int maxRetries,
                         boolean probe, String arbiterVersion, Integer contextTokens, Boolean stream,
                         boolean gradeTruncated, dev.arbiter.eval.scale.ShardSpec shard,
                         dev.arbiter.eval.scale.TaskRecipe task) {
    public RunOptions {
        if (concurrency != null && concurrency < 1) throw new InvalidInputException("--concurrency must be >= 1, got " + concurrency);
        if (requestsPerMinute != null && !(requestsPerMinute > 0)) {
            throw new InvalidInputException("--rpm must be > 0, got " + requestsPerMinute);
        }
        if (limit != null && limit < 1) throw new InvalidInputException("--limit must be >= 1, got " + limit);
        if (epochs < 1) throw new InvalidInputException("--epochs must be >= 1, got " + epochs);
        if (maxRetries < 0) throw new InvalidInputException("--retries must be >= 0, got " + maxRetries);
        if (outDir == null && runsRoot == null) throw new IllegalArgumentException("outDir or runsRoot is required");
        if (resumeRunId != null && resumeRunId.isBlank()) throw new InvalidInputException("--resume needs a run id");
        arbiterVersion = arbiterVersion == null ? "dev" : arbiterVersion;
        if (contextTokens != null && contextTokens < 1) throw new InvalidInputException("--context must be >= 1 token, got " + contextTokens);
    }

    public static Builder builder(Path runsRoot) {
        return new Builder(runsRoot);
    }

    /** Defaults: endpoint concurrency and rate, all samples, one epoch, cache on, 5 retries, probe first. */
    public static final class Builder {
        private Integer concurrency;
        private Double requestsPerMinute;
        private Long seed;
        private Integer limit;
        private int epochs = 1;
        private Path outDir;
        private final Path runsRoot;
        private String resumeRunId;
        private boolean autoResume = true;
        private boolean cache = true;
        private int maxRetries = 5;
        private boolean probe = true;
        private String arbiterVersion;
        private Integer contextTokens;
        private Boolean stream;
        private boolean gradeTruncated;
        private dev.arbiter.eval.scale.ShardSpec shard;
        private dev.arbiter.eval.scale.TaskRecipe task;

        private Builder(Path runsRoot) { this.runsRoot = runsRoot; }

        public Builder concurrency(Integer c) { concurrency = c; return this; }
        public Builder requestsPerMinute(Double r) { requestsPerMinute = r; return this; }
        public Builder seed(Long s) { seed = s; return this; }
        public Builder limit(Integer l) { limit = l; return this; }
        public Builder epochs(int e) { epochs = e; return this; }
        public Builder outDir(Path d) { outDir = d; return this; }
        public Builder resume(String runId) { resumeRunId = runId; return this; }
        public Builder autoResume(boolean b) { autoResume = b; return this; }
        public Builder cache(boolean b) { cache = b; return this; }
        public Builder maxRetries(int r) { maxRetries = r; return this; }
        public Builder probe(boolean b) { probe = b; return this; }
        public Builder arbiterVersion(String v) { arbiterVersion = v; return this; }
        public Builder contextTokens(Integer n) { contextTokens = n; return this; }
        public Builder stream(Boolean on) { stream = on; return this; }
        public Builder gradeTruncated(boolean on) { gradeTruncated = on; return this; }
        public Builder shard(dev.arbiter.eval.scale.ShardSpec s) { shard = s; return this; }
        public Builder task(dev.arbiter.eval.scale.TaskRecipe t) { task = t; return this; }

        public RunOptions build() {
            return new RunOptions(concurrency, requestsPerMinute, seed, limit, epochs, outDir, runsRoot, resumeRunId,
                    autoResume, cache, maxRetries, probe, arbiterVersion, contextTokens, stream, gradeTruncated, shard,
                    task);
        }
    }
}
