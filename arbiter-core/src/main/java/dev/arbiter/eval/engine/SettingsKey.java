package dev.arbiter.eval.engine;

import dev.arbiter.client.GenerationConfig;
import dev.arbiter.eval.EvalSetting;
import dev.arbiter.eval.Sample;

import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Identity of an experiment: two runs with the same key ask the same model the same questions the same way and
 * grade them the same way, so an incomplete one can be continued by the other. Concurrency and rate limits are
 * left out: they change speed, not answers. The questions are fingerprinted themselves ({@link #questions}), not
 * only the dataset file: one file yields other prompts under other --shots, --subjects or --language. The task's
 * and scorer's options, the judge and Ollama's --context travel in the {@link EvalSetting}: the template of a custom
 * task is applied by a solver, after the questions are fingerprinted, and a scorer option changes only the grading.
 */
final class SettingsKey {
    private SettingsKey() {}

    static String of(String task, int version, String scorer, String model, String endpoint, String datasetSha256,
                     GenerationConfig generation, Long seed, Integer limit, int epochs, String questions) {
        return of(task, version, scorer, model, endpoint, datasetSha256, generation, seed, limit, epochs, questions, null);
    }

    /** With the run's {@link EvalSetting} (harness profile, shots, system, overridden flags, options...), when it has one. */
    static String of(String task, int version, String scorer, String model, String endpoint, String datasetSha256,
                     GenerationConfig generation, Long seed, Integer limit, int epochs, String questions, EvalSetting setting) {
        return of(parts(task, version, scorer, model, endpoint, datasetSha256, generation, seed, limit, epochs, questions,
                setting));
    }

    /** The key of {@link #parts}. */
    static String of(Map<String, Object> parts) {
        return sha256(RecordCodec.line(parts));
    }

    /**
     * What the key hashes, by name, in order. A part that is absent stays out of the map (and the setting leaves its
     * empty fields out), so adding a part later leaves the keys of runs without it as they were stored.
     */
    static Map<String, Object> parts(String task, int version, String scorer, String model, String endpoint,
                                     String datasetSha256, GenerationConfig generation, Long seed, Integer limit,
                                     int epochs, String questions, EvalSetting setting) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("task", task);
        m.put("version", version);
        m.put("scorer", scorer);
        m.put("model", model);
        m.put("endpoint", endpoint);
        m.put("dataset_sha256", datasetSha256);
        m.put("generation", generation);
        m.put("seed", seed);
        m.put("limit", limit);
        m.put("epochs", epochs);
        if (questions != null) m.put("questions", questions);
        if (setting != null) m.put("setting", setting);
        return m;
    }

    /**
     * The parts a stored run was keyed by, read back from its manifest, without the questions (the manifest holds
     * no digest of them). The manifest's generation carries Ollama's {@code num_ctx}, which is chosen after the key
     * (it needs the probe); the {@code --context} that decides it is in the setting.
     */
    static Map<String, Object> parts(RunManifest m) {
        GenerationConfig g = m.generation() == null ? null : m.generation().withNumCtx(null);
        return parts(m.task(), m.taskVersion(), m.scorer(), m.model(), m.endpoint(), m.datasetSha256(), g, m.seed(),
                m.limit(), m.epochs(), null, m.setting());
    }

    /**
     * Digest of what the selected samples ask and expect: id, input, target and choices, in order. Metadata is left
     * out (its map order is not stable across JVMs, and it does not change the question).
     */
    static String questions(List<Sample> samples) {
        // streamed into the digest: the same bytes as the JSON line of [[id, input, target, choices], ...] the mapper
        // writes (older runs' keys must still match), without holding the whole dataset as one string, and written
        // field by field: through the mapper's List<Object> serializers this was 80 ms of a 16k-sample eval's start
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            try (java.io.OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), d);
                 com.fasterxml.jackson.core.JsonGenerator g = dev.arbiter.util.Json.mapper().getFactory().createGenerator(out)) {
                com.fasterxml.jackson.databind.SerializerProvider provider = dev.arbiter.util.Json.mapper().getSerializerProviderInstance();
                g.writeStartArray();
                for (Sample s : samples) {
                    g.writeStartArray();
                    g.writeString(s.id());
                    RecordCodec.writeMessages(s.input(), s.input().size(), g, provider); // turns with images: the mapper
                    RecordCodec.writeStringArray(s.target(), g);
                    RecordCodec.writeStringArray(s.choices(), g);
                    g.writeEndArray();
                }
                g.writeEndArray();
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot fingerprint the questions", e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
