package dev.arbiter.eval.task;

import com.sun.net.httpserver.HttpServer;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.eval.Sample;
import dev.arbiter.eval.Task;
import dev.arbiter.eval.task.mmlu.MmluScorer;
import dev.arbiter.eval.task.mmlu.MmluTars;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * English MMLU without --data: the Hendrycks data.tar is fetched (by its real URL path, from a mirror on 127.0.0.1
 * serving a small tar built here) into the cache, extracted safely and read for 0- and 5-shot prompts.
 */
class MmluArchiveDownloadTest {
    @TempDir Path home;
    /** Where a path-traversing or absolute entry would land if extraction trusted it. */
    @TempDir Path outside;
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    volatile byte[] served;
    DatasetCache cache;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/~hendrycks/data.tar", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(200, served.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(served);
            }
        });
        server.start();
        cache = new DatasetCache(home, HttpClient.newHttpClient(), Duration.ofSeconds(20))
                .mirroredAt(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** The real source's URL with the digest of what this test serves, so the pin is checked as in production. */
    private DatasetCache.Source serving(byte[] tar) {
        served = tar;
        return new DatasetCache.Source("mmlu", "data.tar", MmluTask.HENDRYCKS.url(), sha256(tar));
    }

    private Task create(int shots, DatasetCache.Source source) {
        return MmluTask.create(new MmluTask.Options(null, null, "en", shots, MmluScorer.Mode.GENERATE, List.of(), 0, null, cache), source);
    }

    private Path mmluCache() {
        return home.resolve("cache/datasets/mmlu");
    }

    @Test
    void fiveShotPromptsAreBuiltFromTheDevSplitOfTheDownloadedArchive() {
        Task task = create(5, serving(MmluTars.twoSubjects()));
        assertThat(task.dataset().samples()).extracting(Sample::id).hasSize(4);
        String prompt = task.dataset().samples().get(0).input().get(0).content();
        assertThat(prompt).contains(MmluTars.QUOTED_DEV_QUESTION + "\nA. w\nB. x\nC. y, with comma\nD. z\nAnswer: A\n\n")
                .contains("Dev astronomy 4?").doesNotContain("virology").endsWith("Test astronomy 0?\nA. one\nB. two\nC. three\nD. four\nAnswer:");
        assertThat(task.dataset().samples().get(1).input().get(0).content()).contains("Test astronomy 1,\r\nsecond line?\nA. p");
    }

    @Test
    void zeroShotReadsTheTestSplitAndRecordsTheArchiveDigest() {
        DatasetCache.Source source = serving(MmluTars.twoSubjects());
        Task task = create(0, source);
        assertThat(task.dataset().samples()).hasSize(4);
        assertThat(task.dataset().sha256()).isEqualTo(source.sha256());
        assertThat(Path.of(task.dataset().path())).startsWith(mmluCache()).endsWith(Path.of("data"));
    }

    @Test
    void extractsOnlyTheThreeSplitsAndKeepsTheArchive() throws IOException {
        Path data = Path.of(create(0, serving(MmluTars.twoSubjects())).dataset().path());
        assertThat(data.resolve("dev/astronomy_dev.csv")).isRegularFile();
        assertThat(data.resolve("val/virology_val.csv")).isRegularFile();
        assertThat(data.resolve("auxiliary_train")).doesNotExist();
        assertThat(mmluCache().resolve("data.tar")).isRegularFile();
        try (Stream<Path> s = Files.list(mmluCache())) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".hendrycks-part-"));
        }
    }

    @Test
    void aSecondRunReusesTheCachedArchiveWithoutARequest() {
        DatasetCache.Source source = serving(MmluTars.twoSubjects());
        create(5, source);
        assertThat(requests).hasValue(1);
        Task again = create(5, source);
        assertThat(again.dataset().samples()).hasSize(4);
        assertThat(requests).hasValue(1);
    }

    @Test
    void aDownloadWhoseDigestDiffersFromThePinIsRefusedAndNotExtracted() {
        served = MmluTars.twoSubjects();
        DatasetCache.Source pinned = new DatasetCache.Source("mmlu", "data.tar", MmluTask.HENDRYCKS.url(), "0".repeat(64));
        assertThatThrownBy(() -> create(0, pinned)).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("expected " + "0".repeat(64));
        assertThat(mmluCache()).isEmptyDirectory();
    }

    @Test
    void anEntryClimbingOutWithDotDotIsRejectedAndNothingIsWritten() {
        DatasetCache.Source source = serving(MmluTars.withEntryNamed("data/test/../../../evil.csv"));
        assertThatThrownBy(() -> create(0, source)).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("'data/test/../../../evil.csv' contains a '..' segment");
        assertNothingExtracted();
    }

    @Test
    void aLeadingDotDotEntryIsRejected() {
        DatasetCache.Source source = serving(MmluTars.withEntryNamed("../evil.csv"));
        assertThatThrownBy(() -> create(0, source)).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("'../evil.csv' contains a '..' segment");
        assertNothingExtracted();
    }

    @Test
    void anAbsoluteEntryIsRejected() {
        String evil = outside.resolve("evil.csv").toAbsolutePath().toString();
        DatasetCache.Source source = serving(MmluTars.withEntryNamed(evil));
        assertThatThrownBy(() -> create(0, source)).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("'" + evil + "' is an absolute path");
        assertNothingExtracted();
    }

    @Test
    void aSymbolicLinkEntryIsRejectedBeforeAnythingIsWrittenThroughIt() {
        String target = outside.resolve("evil.csv").toAbsolutePath().toString();
        DatasetCache.Source source = serving(MmluTars.withSymlinkTo(target));
        assertThatThrownBy(() -> create(0, source)).isInstanceOf(UnavailableException.class)
                .hasMessageContaining("'data/test/link_test.csv' is a link");
        assertNothingExtracted();
    }

    @Test
    void aRejectedArchiveIsRemovedSoTheNextRunFetchesItAgain() {
        DatasetCache.Source bad = serving(MmluTars.withEntryNamed("../evil.csv"));
        assertThatThrownBy(() -> create(0, bad)).hasMessageContaining("was removed");
        Task task = create(0, serving(MmluTars.twoSubjects()));
        assertThat(task.dataset().samples()).hasSize(4);
        assertThat(requests).hasValue(2);
    }

    private void assertNothingExtracted() {
        assertThat(outside).isEmptyDirectory();
        assertThat(home.getParent().resolve("evil.csv")).doesNotExist();
        assertThat(mmluCache()).isEmptyDirectory();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
