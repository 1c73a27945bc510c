package dev.arbiter.evidence;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The streaming reader of a bench record's closed-loop levels gives what the object mapper gives
 * ({@link EvidenceStore#closedLoopOutputThroughput} before it), or leaves the record to the mapper.
 */
class ClosedLoopLevelsJsonTest {
    private static Map<Integer, ClosedLoopLevel> mapper(String record) {
        return EvidenceStore.closedLoopLevelsByMapper(record);
    }

    /** One closed-loop level as the bench writes it (abridged from a real record: nested summaries included). */
    private static String level(int concurrency, int completed, String throughput) {
        return "{\"concurrency\": " + concurrency + ", \"interrupted\": false, \"completed\": " + completed
                + ", \"failed\": 0, \"errors\": {}, \"duration_s\": 0.010150361, \"output_token_throughput\": " + throughput
                + ", \"total_token_throughput\": 1.5, \"input_tokens\": " + 24 * completed + ", \"output_tokens\": " + 16 * completed
                + ", \"ttft_ms\": {\"n\": 4, \"mean\": 0.57, \"p99\": 1.08}, \"ttft_by_turn\": [], \"client\": "
                + "{\"available_cores\": 2, \"sched_lag_ms\": {\"n\": 1}, \"warnings\": []}, \"warnings\": []}";
    }

    @Test
    void whatTheBenchWritesIsReadAsTheMapperReadsIt() {
        String rec = "{\"schema_version\": 1, \"run_id\": \"bench-1\", \"settings\": {\"levels\": [1, 2]}, \"levels\": ["
                + level(1, 4, "6305.194465497336") + ", " + level(64, 256, "91234.5") + ", " + level(8, 0, "12.0")
                + ", {\"rate\": 2.5, \"concurrency\": 16, \"completed\": 9, \"output_token_throughput\": 99.0}"
                + "], \"evidence\": null, \"warnings\": []}";
        assertThat(EvidenceJson.closedLoopLevels(rec)).isEqualTo(Map.of(1, new ClosedLoopLevel(1, 6305.194465497336, 4, 96, 64),
                64, new ClosedLoopLevel(64, 91234.5, 256, 24 * 256, 16 * 256))).isEqualTo(mapper(rec));
        assertThat(mapper(rec).get(64).inputTokensPerRequest()).isEqualTo(24.0);
        assertThat(mapper(rec).get(64).outputTokensPerRequest()).isEqualTo(16.0);
    }

    @Test
    void randomRecordsAreReadAsTheMapperReadsThemOrLeftToIt() {
        Random random = new Random(20261207);
        List<String> values = List.of("null", "0", "1", "4", "64", "-3", "2147483647", "2147483648", "4.0", "2.5",
                "1e3", "\"4\"", "\"x\"", "true", "false", "{}", "{\"a\": [1, {\"b\": 2}]}", "[]", "[4]",
                "123456789012345678901234567890");
        List<String> fields = List.of("rate", "concurrency", "output_token_throughput", "completed", "input_tokens", "output_tokens",
                "other", "levels");
        int read = 0, n = 3000;
        for (int i = 0; i < n; i++) {
            StringBuilder levels = new StringBuilder("[");
            int count = random.nextInt(5);
            for (int l = 0; l < count; l++) {
                if (l > 0) levels.append(", ");
                if (random.nextInt(40) == 0) {
                    levels.append(values.get(random.nextInt(values.size())));  // not an object
                    continue;
                }
                List<String> parts = new ArrayList<>();
                for (String f : fields) {
                    int k = random.nextInt(10);
                    if (k == 0) continue;  // missing
                    String v = switch (f) {  // mostly the values the bench writes, sometimes anything
                        case "concurrency" -> k < 7 ? String.valueOf(1 << random.nextInt(9)) : pick(values, random);
                        case "completed" -> k < 7 ? String.valueOf(random.nextInt(3)) : pick(values, random);
                        case "output_token_throughput" -> k < 7 ? String.valueOf(random.nextDouble() * 1e4) : pick(values, random);
                        case "rate" -> k < 8 ? "null" : pick(values, random);
                        case "input_tokens", "output_tokens" -> k < 7 ? String.valueOf(random.nextInt(100_000)) : pick(values, random);
                        default -> pick(values, random);
                    };
                    parts.add("\"" + f + "\": " + v);
                    if (random.nextInt(60) == 0) parts.add("\"" + f + "\": " + pick(values, random));  // repeated key
                }
                java.util.Collections.shuffle(parts, random);
                levels.append('{').append(String.join(", ", parts)).append('}');
            }
            levels.append(']');
            String lv = random.nextInt(30) == 0 ? pick(values, random) : levels.toString();
            String rec = "{\"run_id\": \"r\", \"levels\": " + lv + ", \"warnings\": []}";
            if (random.nextInt(50) == 0) rec = rec.substring(0, random.nextInt(rec.length()));  // cut short
            Map<Integer, ClosedLoopLevel> fast = EvidenceJson.closedLoopLevels(rec);
            if (fast == null) continue;
            read++;
            assertThat(fast).as(rec).isEqualTo(mapper(rec));
        }
        assertThat(read).as("records the streaming reader answered for itself").isGreaterThan(n / 4);
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
