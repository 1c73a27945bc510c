package dev.arbiter.eval.engine;

import dev.arbiter.client.GenerationConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Identity of an experiment: two runs with the same key ask the same model the same questions the same way and
 * grade them the same way, so an incomplete one can be continued by the other. Concurrency and rate limits are
 * left out: they change speed, not answers.
 */
final class SettingsKey {
    private SettingsKey() {}

    static String of(String task, int version, String scorer, String model, String endpoint, String datasetSha256,
                     GenerationConfig generation, Long seed, Integer limit, int epochs) {
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
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(RecordCodec.line(m).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
