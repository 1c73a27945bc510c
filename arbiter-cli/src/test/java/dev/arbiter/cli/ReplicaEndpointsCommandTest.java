package dev.arbiter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.testing.Reply;
import dev.arbiter.testing.ScriptedLlmServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --endpoint} given twice: replicas of one model in one run, counted per replica in the manifest. */
class ReplicaEndpointsCommandTest {
    @TempDir Path dir;

    @Test
    void evalSpreadsOverRepeatedEndpointsAndCountsEachReplica() throws Exception {
        Path data = ShardedRunMergeTest.data(dir);
        try (ScriptedLlmServer good = ShardedRunMergeTest.server();
             ScriptedLlmServer bad = ScriptedLlmServer.builder().models("m").script(r -> {
                 String q = r.lastUserMessage();
                 return q != null && q.matches("q\\d+") ? Reply.status(502, "{\"error\":{\"message\":\"bad gateway\"}}") : Reply.text("OK");
             }).start()) {
            CliRun r = CliRun.of("eval", "--endpoint", good.baseUri().toString(), "--endpoint", bad.baseUri().toString(),
                    "--model", "m", "--task", "custom", "--data", data.toString(), "--store", dir.resolve("a.db").toString(),
                    "--no-cache", "--quiet", "--format", "json");
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode replicas = r.json().get("manifest").get("scale").get("replicas");
            assertThat(replicas).hasSize(2);
            assertThat(replicas.get(0).get("endpoint").asText()).contains(good.baseUri().toString());
            assertThat(replicas.get(1).get("failures").asLong()).isPositive();
            assertThat(r.json().get("tasks").get(0).get("metrics").get("accuracy").get("value").asDouble()).isEqualTo(40.0 / 60);
        }
    }

    @Test
    void commandsThatTalkToOneServerRefuseSeveralEndpoints() {
        CliRun r = CliRun.of("bench", "--endpoint", "http://127.0.0.1:1", "--endpoint", "http://127.0.0.1:2", "--model", "m");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("only eval takes replicas");
    }

    @Test
    void replicasMustBeUrls() {
        CliRun r = CliRun.of("eval", "--endpoint", "http://127.0.0.1:1", "--endpoint", "gpu-box", "--model", "m",
                "--task", "custom", "--data", "x.csv", "--store", dir.resolve("a.db").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("replicas (--endpoint given more than once) are URLs");
    }
}
