package dev.arbiter.eval.engine;

import dev.arbiter.client.ChatMessage;
import dev.arbiter.client.ImagePart;
import dev.arbiter.client.ReplicaCount;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.error.InvalidInputException;
import dev.arbiter.eval.Metric;
import dev.arbiter.eval.scale.RunScale;
import dev.arbiter.eval.scale.ShardSpec;
import dev.arbiter.eval.store.RunStore;
import dev.arbiter.eval.store.StoredRun;
import dev.arbiter.eval.store.StoredSample;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Combines the shard runs of one evaluation ({@code eval --shard K/N}) into one ordinary, completed run: every
 * shard's answers copied under a new run id, and the metrics, standard errors and intervals computed again from all
 * of them — never averaged from the shards' metrics, which would weight shards equally and get the intervals
 * wrong. Refuses runs that are not shards of one evaluation (another task, version, scorer, model, dataset, settings
 * or selection; replicas of one model at other URLs are the same model), shards given twice, and missing shards,
 * naming them. The merged run reads like any other: {@code diff}, {@code report} and {@code rescore} take it.
 */
public final class RunMerge {
    private final RunStore store;
    private final EngineEnvironment env;
    private final Consumer<String> warn;

    public RunMerge(RunStore store, EngineEnvironment env) {
        this(store, env, message -> { });
    }

    /** @param warn told what the merged run lacks that the shards had (images not found beside the shard runs) */
    public RunMerge(RunStore store, EngineEnvironment env, Consumer<String> warn) {
        this.store = store;
        this.env = env;
        this.warn = warn;
    }

    /**
     * Merges {@code runIds} (in any order) into a new run in {@code outDir}, or {@code runsRoot/NEW_ID} when null.
     *
     * @param metrics the metrics to compute, from the shards' manifest (the caller knows which it can rebuild)
     */
    public RunRecord merge(List<String> runIds, List<Metric> metrics, Path outDir, Path runsRoot) {
        return merge(runIds, shard -> metrics, outDir, runsRoot);
    }

    /**
     * As above, with the metrics chosen from the first shard's manifest once the runs are known to be the shards of
     * one evaluation ({@link TaskRebuild#metrics}: the task's own).
     */
    public RunRecord merge(List<String> runIds, Function<RunManifest, List<Metric>> metricsOf, Path outDir, Path runsRoot) {
        List<RunManifest> shards = shards(runIds);
        RunManifest first = shards.get(0);
        for (RunManifest m : shards.subList(1, shards.size())) sameEvaluation(first, m);
        checkCoverage(shards);
        List<Metric> metrics = metricsOf.apply(first);

        String newId = env.runIds().get();
        // held while the merged run is stored as running, so readers see it is being written, not stale
        try (dev.arbiter.eval.store.RunLease lease = store.runLock(env.clock()).acquire(newId)) {
            Path dir = outDir != null ? outDir : runsRoot.resolve(newId);
            RunManifest merged = mergedManifest(shards, newId, dir);
            store.insertRun(new StoredRun(newId, merged.task(), merged.model(), merged.endpoint(), merged.settingsKey(),
                    RunStatus.running.name(), merged.startedAt(), null, merged.planned(), 0, null, Json.write(merged), null));
            Map<String, String> owner = new HashMap<>();
            Set<ImagePart> images = new LinkedHashSet<>();
            try (RunFiles files = new RunFiles(dir)) {
                files.openLog(List.of());
                files.writeManifest(merged);
                for (RunManifest shard : shards) {
                    for (StoredSample s : store.samples(shard.runId())) {
                        if (!shard.scale().shard().contains(s.sampleId())) {
                            throw new InvalidInputException("run " + shard.runId() + " (shard " + shard.scale().shard().label()
                                    + ") holds sample '" + s.sampleId() + "', which belongs to shard "
                                    + ShardSpec.shardOf(s.sampleId(), shard.scale().shard().count()) + "; its shards overlap");
                        }
                        String was = owner.put(s.sampleId() + '\u0000' + s.epoch(), shard.runId());
                        if (was != null) {
                            throw new InvalidInputException("sample '" + s.sampleId() + "' epoch " + s.epoch()
                                    + " is in runs " + was + " and " + shard.runId() + "; the shards overlap");
                        }
                        SampleRecord r = RecordCodec.sample(s);
                        store.putSample(RecordCodec.stored(newId, merged.task(), r));
                        files.append(r);
                        imagesOf(r, images);
                    }
                }
                copyImages(shards, images, dir);
                EvalRunner runner = new EvalRunner(store, env, ProgressListener.NONE);
                return runner.end(merged.withStatus(RunStatus.completed, env.clock().instant()), metrics, null, files);
            }
        }
    }

    private static void imagesOf(SampleRecord r, Set<ImagePart> into) {
        for (List<ChatMessage> turns : java.util.Arrays.asList(r.input(), r.messages())) {
            if (turns == null) continue;
            for (ChatMessage m : turns) into.addAll(m.images());
        }
    }

    /**
     * Copies the images the merged answers carry from the shard runs' directories into the merged run's
     * ({@code images/<sha256>.<ext>}, as {@link RunFiles#saveImages} stores them), so its report shows what the model
     * was sent. A file is copied only when its bytes match its digest; images not found (shards that ran on other
     * machines, into a shared database) are counted and reported, never invented.
     */
    private void copyImages(List<RunManifest> shards, Set<ImagePart> images, Path dir) {
        if (images.isEmpty()) return;
        Path target = dir.resolve(RunFiles.IMAGES);
        List<String> missing = new ArrayList<>();
        for (ImagePart image : images) {
            String name = image.sha256() + "." + image.extension();
            if (Files.isRegularFile(target.resolve(name))) continue;
            boolean found = false;
            for (RunManifest shard : shards) {
                if (shard.outDir() == null) continue;
                Path source = Path.of(shard.outDir()).resolve(RunFiles.IMAGES).resolve(name);
                if (Files.isRegularFile(source) && copyVerified(source, target, image)) {
                    found = true;
                    break;
                }
            }
            if (!found) missing.add(name);
        }
        if (!missing.isEmpty()) {
            warn.accept(missing.size() + " of " + images.size() + " images the answers were asked with are not beside"
                    + " the shard runs on this machine (" + shards.stream().map(RunManifest::outDir).toList() + "), so the"
                    + " merged run's report names them without showing them; first missing: " + missing.get(0));
        }
    }

    /** Copies {@code source} into {@code target} when its bytes are {@code image}'s; false when they are not. */
    private static boolean copyVerified(Path source, Path target, ImagePart image) {
        try {
            byte[] bytes = Files.readAllBytes(source);
            if (!ImagePart.of(image.mediaType(), bytes).sha256().equals(image.sha256())) return false;
            Files.createDirectories(target);
            Path tmp = Files.createTempFile(target, image.sha256(), ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, target.resolve(image.sha256() + "." + image.extension()),
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UnavailableException("cannot copy image " + source + " into " + target + ": " + e.getMessage(), e);
        }
    }

    /** The runs' manifests, each checked to be a completed shard, ordered by shard number. */
    private List<RunManifest> shards(List<String> runIds) {
        if (runIds.isEmpty()) throw new InvalidInputException("merge needs the run ids of the shards (see ./arbiter runs)");
        Set<String> distinct = new LinkedHashSet<>(runIds);
        if (distinct.size() < runIds.size()) throw new InvalidInputException("merge: a run id is given twice in " + runIds);
        List<RunManifest> out = new ArrayList<>();
        for (String id : distinct) {
            StoredRun run = store.run(id).orElseThrow(() -> new InvalidInputException(
                    "merge: no run " + id + " in " + store.location() + " (see ./arbiter runs)"));
            RunReader.requireEvaluation(run);
            RunManifest m = RecordCodec.read(run.manifest(), RunManifest.class, "run " + id);
            if (m.scale() == null || m.scale().shard() == null) {
                throw new InvalidInputException("merge: run " + id + " is not a shard (it ran without --shard/--shards); "
                        + "merge takes the shard runs of one evaluation");
            }
            if (!RunStatus.completed.name().equals(run.status())) {
                throw new InvalidInputException("merge: run " + id + " (shard " + m.scale().shard().label() + ") is "
                        + run.status() + ", not completed: finish it first with --resume " + id);
            }
            out.add(m);
        }
        out.sort(Comparator.comparingInt(m -> m.scale().shard().index()));
        return out;
    }

    private static void sameEvaluation(RunManifest a, RunManifest b) {
        same("task", a.task(), b.task(), a, b);
        same("task version", a.taskVersion(), b.taskVersion(), a, b);
        same("scorer", a.scorer(), b.scorer(), a, b);
        same("metrics", a.metrics(), b.metrics(), a, b);
        same("model", a.model(), b.model(), a, b);
        same("dataset sha256", a.datasetSha256(), b.datasetSha256(), a, b);
        same("generation settings", a.generation(), b.generation(), a, b);
        same("--seed", a.seed(), b.seed(), a, b);
        same("--limit", a.limit(), b.limit(), a, b);
        same("--epochs", a.epochs(), b.epochs(), a, b);
        same("setting (harness, shots, system, overridden flags, options, judge, --context)", a.setting(), b.setting(), a, b);
        same("shard count", a.scale().shard().count(), b.scale().shard().count(), a, b);
        same("sample selection (--limit, --seed, dataset)", a.scale().selection(), b.scale().selection(), a, b);
        if (a.scale().task() != null && b.scale().task() != null) {
            same("task parameters (--subject, --shots, --option, --scorer-option…)", a.scale().task().withoutData(),
                    b.scale().task().withoutData(), a, b);
        }
    }

    private static void same(String field, Object x, Object y, RunManifest a, RunManifest b) {
        if (java.util.Objects.equals(x, y)) return;
        throw new InvalidInputException("merge: run " + b.runId() + " differs from run " + a.runId() + " in " + field
                + " (" + x + " vs " + y + "); only shards of one evaluation merge (replicas of one model at other URLs"
                + " are fine)");
    }

    /** Every shard 1..N exactly once; a gap names the missing shards and how to run them. */
    private static void checkCoverage(List<RunManifest> shards) {
        int n = shards.get(0).scale().shard().count();
        Map<Integer, String> byIndex = new TreeMap<>();
        for (RunManifest m : shards) {
            int k = m.scale().shard().index();
            String was = byIndex.put(k, m.runId());
            if (was != null) {
                throw new InvalidInputException("merge: shard " + k + "/" + n + " is given twice (runs " + was + " and "
                        + m.runId() + "); give one run per shard");
            }
        }
        List<String> missing = new ArrayList<>();
        for (int k = 1; k <= n; k++) if (!byIndex.containsKey(k)) missing.add(k + "/" + n);
        if (!missing.isEmpty()) {
            throw new InvalidInputException("merge: missing shard" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + " of this evaluation (have " + byIndex.keySet() + " of " + n
                    + "); run " + (missing.size() == 1 ? "it" : "them") + " with eval ... --shard " + missing.get(0)
                    + " (the same flags), then merge all " + n);
        }
    }

    private RunManifest mergedManifest(List<RunManifest> shards, String newId, Path dir) {
        RunManifest f = shards.get(0);
        int samples = 0;
        int concurrency = 0;
        Instant started = f.startedAt();
        Set<String> endpoints = new LinkedHashSet<>();
        Set<String> endpointNames = new LinkedHashSet<>();
        Map<String, ReplicaCount> replicas = new LinkedHashMap<>();
        List<String> from = new ArrayList<>();
        for (RunManifest m : shards) {
            samples += m.samples();
            concurrency += m.concurrency();
            if (m.startedAt().isBefore(started)) started = m.startedAt();
            endpoints.add(m.endpoint());
            if (m.endpointName() != null) endpointNames.add(m.endpointName());
            if (m.scale().replicas() != null) {
                for (ReplicaCount r : m.scale().replicas()) replicas.merge(r.endpoint(), r, ReplicaCount::plus);
            }
            from.add(m.runId());
        }
        String endpoint = String.join(" + ", endpoints);
        String key = SettingsKey.of(f.task(), f.taskVersion(), f.scorer(), f.model(), "merge of " + f.scale().shard().count()
                + " shards", f.datasetSha256(), f.generation(), f.seed(), f.limit(), f.epochs(), f.scale().selection(), f.setting());
        RunScale scale = new RunScale(null, f.scale().selection(), from,
                replicas.isEmpty() ? null : List.copyOf(replicas.values()), f.scale().task());
        return new RunManifest(newId, RunStatus.running, f.task(), f.taskVersion(), f.scorer(), f.metrics(), f.model(),
                endpointNames.isEmpty() ? null : String.join(" + ", endpointNames), endpoint, f.server(), f.datasetName(),
                f.datasetPath(), f.datasetSha256(), f.datasetSize(), samples, f.generation(), f.seed(), f.limit(),
                f.epochs(), Math.max(1, concurrency), f.requestsPerMinute(), f.pricePerMillionIn(), f.pricePerMillionOut(),
                f.cache(), f.arbiterVersion(), started, null, dir.toAbsolutePath().toString(), key, null, f.setting(), scale,
                f.datasetSkipped());
    }
}
