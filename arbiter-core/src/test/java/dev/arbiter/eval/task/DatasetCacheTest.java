package dev.arbiter.eval.task;

import com.sun.net.httpserver.HttpServer;
import dev.arbiter.error.UnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetCacheTest {
    private static final byte[] BODY = "{\"question\":\"q\",\"answer\":\"#### 1\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final String BODY_SHA = sha(BODY);

    @TempDir Path home;
    HttpServer server;
    final AtomicInteger hits = new AtomicInteger();
    volatile byte[] served = BODY;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/data/test.jsonl", ex -> {
            hits.incrementAndGet();
            ex.sendResponseHeaders(200, served.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(served);
            }
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private DatasetCache cache() {
        return new DatasetCache(home, HttpClient.newHttpClient(), Duration.ofSeconds(5));
    }

    private DatasetCache.Source source(String path, String sha) {
        return new DatasetCache.Source("gsm8k", "test.jsonl", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path), sha);
    }

    @Test
    void downloadsOnFirstUseIntoTheHomeCacheAndReusesTheFileAfterwards() throws IOException {
        Path first = cache().fetch(source("/data/test.jsonl", BODY_SHA));
        Path second = cache().fetch(source("/data/test.jsonl", BODY_SHA));
        assertThat(first).isEqualTo(home.resolve("cache/datasets/gsm8k/test.jsonl")).isEqualTo(second);
        assertThat(Files.readAllBytes(first)).isEqualTo(BODY);
        assertThat(hits.get()).isEqualTo(1);
    }

    @Test
    void refusesADownloadWhoseDigestIsWrongAndCachesNothing() throws IOException {
        served = "tampered\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> cache().fetch(source("/data/test.jsonl", BODY_SHA)))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("expected " + BODY_SHA);
        Path dir = home.resolve("cache/datasets/gsm8k");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void fetchesAgainWhenTheCachedFileNoLongerMatchesItsDigest() throws IOException {
        Path f = cache().fetch(source("/data/test.jsonl", BODY_SHA));
        Files.writeString(f, "corrupted");
        assertThat(Files.readAllBytes(cache().fetch(source("/data/test.jsonl", BODY_SHA)))).isEqualTo(BODY);
        assertThat(hits.get()).isEqualTo(2);
    }

    @Test
    void aSourceWithoutAKnownDigestIsCachedAsDownloaded() {
        cache().fetch(source("/data/test.jsonl", null));
        cache().fetch(source("/data/test.jsonl", null));
        assertThat(hits.get()).isEqualTo(1);
    }

    @Test
    void anHttpErrorIsUnavailableAndSuggestsData() {
        assertThatThrownBy(() -> cache().fetch(source("/missing", null)))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("HTTP 404").hasMessageContaining("--data");
    }

    @Test
    void theCanonicalDigestsMatchTheSharedCopies() {
        assertThat(DatasetCache.sha256(dev.arbiter.testing.SharedData.path("gsm8k/test.jsonl"))).isEqualTo(Gsm8kTask.TEST.sha256());
        assertThat(DatasetCache.sha256(dev.arbiter.testing.SharedData.path("math500/test.jsonl"))).isEqualTo(MathTask.MATH_500.sha256());
        assertThat(DatasetCache.sha256(dev.arbiter.testing.SharedData.path("mt_bench/question.jsonl"))).isEqualTo(MtBenchTask.QUESTIONS.sha256());
    }

    @Test
    void aBundledCopyWithThePinnedDigestIsUsedWithoutDownloading(@TempDir Path bundle) throws IOException {
        Files.createDirectories(bundle.resolve("gsm8k"));
        Files.write(bundle.resolve("gsm8k/test.jsonl"), BODY);
        String before = System.setProperty("arbiter.datasets", bundle.toString());
        try {
            assertThat(cache().fetch(source("/data/test.jsonl", BODY_SHA))).isEqualTo(bundle.resolve("gsm8k/test.jsonl"));
            assertThat(hits).hasValue(0);
        } finally {
            if (before == null) System.clearProperty("arbiter.datasets"); else System.setProperty("arbiter.datasets", before);
        }
    }

    @Test
    void aBundledCopyWithAnotherDigestIsIgnoredAndTheCanonicalFileDownloaded(@TempDir Path bundle) throws IOException {
        Files.createDirectories(bundle.resolve("gsm8k"));
        Files.writeString(bundle.resolve("gsm8k/test.jsonl"), "edited\n");
        String before = System.setProperty("arbiter.datasets", bundle.toString());
        try {
            assertThat(Files.readAllBytes(cache().fetch(source("/data/test.jsonl", BODY_SHA)))).isEqualTo(BODY);
            assertThat(hits).hasValue(1);
        } finally {
            if (before == null) System.clearProperty("arbiter.datasets"); else System.setProperty("arbiter.datasets", before);
        }
    }

    @Test
    void everyBundledBenchmarkFileIsTheCanonicalOne() {
        Path datasets = dev.arbiter.testing.SharedData.path("");
        String before = System.setProperty("arbiter.datasets", datasets.toString());
        try {
            DatasetCache offline = cache();
            for (DatasetCache.Source s : List.of(Gsm8kTask.TEST, Gsm8kTask.TRAIN, MathTask.MATH_500, MathTask.MATH_FULL,
                    StandardTasks.HUMANEVAL, MtBenchTask.QUESTIONS, MtBenchTask.REFERENCES, MtBenchTask.JUDGE_PROMPTS)) {
                assertThat(offline.bundled(s)).as(s.name() + "/" + s.fileName()).isNotNull();
            }
        } finally {
            if (before == null) System.clearProperty("arbiter.datasets"); else System.setProperty("arbiter.datasets", before);
        }
    }

    private static String sha(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
