package dev.arbiter.eval.task;

import dev.arbiter.error.InvalidInputException;
import dev.arbiter.error.UnavailableException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Canonical benchmark files, downloaded once into {@code <home>/cache/datasets/<name>/<file>} and reused. Used when
 * the user gives no {@code --data}. A known sha256 is checked after every download and before every reuse, so a
 * truncated or tampered file is never evaluated; a cached file that fails the check is fetched again.
 * Downloads go to a temporary file in the same directory and are moved into place atomically, so concurrent runs
 * and interrupted downloads never leave a half file under the final name.
 */
public final class DatasetCache {
    /** A file to fetch. {@code sha256} is lower-case hex, or null when no canonical digest is published. */
    public record Source(String name, String fileName, URI url, String sha256) {
        private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");
        private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

        public Source {
            if (name == null || !SAFE.matcher(name).matches()) throw new IllegalArgumentException("source name must match [A-Za-z0-9._-]+, got " + name);
            if (fileName == null || !SAFE.matcher(fileName).matches()) throw new IllegalArgumentException("source file name must match [A-Za-z0-9._-]+, got " + fileName);
            if (url == null) throw new IllegalArgumentException("source url is required");
            if (sha256 != null && !HEX.matcher(sha256).matches()) throw new IllegalArgumentException("source sha256 must be 64 lower-case hex digits, got " + sha256);
        }
    }

    private final Path root;
    private final HttpClient http;
    private final Duration timeout;
    private final URI mirror;

    public DatasetCache(Path home, HttpClient http, Duration timeout) {
        this(home.resolve("cache").resolve("datasets"), http, timeout, null);
    }

    private DatasetCache(Path root, HttpClient http, Duration timeout, URI mirror) {
        this.root = root;
        this.http = http;
        this.timeout = timeout;
        this.mirror = mirror;
    }

    /**
     * This cache, fetching every source from {@code base} (scheme, host and port) with the source's own path and
     * query, e.g. an internal mirror of raw.githubusercontent.com and huggingface.co; digests are checked as usual.
     */
    public DatasetCache mirroredAt(URI base) {
        if (base == null || base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException("mirror must be an absolute http(s) URI, got " + base);
        }
        return new DatasetCache(root, http, timeout, base);
    }

    /** Where {@code source} is downloaded from: its own URL, or the same path on the mirror. */
    URI urlOf(Source source) {
        if (mirror == null) return source.url();
        return URI.create(mirror.getScheme() + "://" + mirror.getRawAuthority() + source.url().getRawPath()
                + (source.url().getRawQuery() == null ? "" : "?" + source.url().getRawQuery()));
    }

    /** The cache under $ARBITER_HOME (else ~/.arbiter), with a plain HTTP client that follows redirects. */
    public static DatasetCache standard() {
        String env = System.getenv("ARBITER_HOME");
        Path home = env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".arbiter");
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(20)).build();
        return new DatasetCache(home, client, Duration.ofMinutes(10));
    }

    /** Where {@code source} lives (or would live) in the cache. */
    public Path pathOf(Source source) {
        return root.resolve(source.name()).resolve(source.fileName());
    }

    /**
     * The file as the checkout bundles it ({@code datasets/<name>/…/<file>} under {@code -Darbiter.datasets} or
     * {@code $ARBITER_DATASETS}, which the {@code ./arbiter} launcher sets to the repository's {@code datasets/}),
     * when its digest matches; else null. The digest check means a bundled file is used only when it is the pinned
     * canonical one, so a run from the checkout and a run from the download grade the same questions.
     */
    Path bundled(Source source) {
        String dir = System.getProperty("arbiter.datasets");
        if (dir == null || dir.isBlank()) dir = System.getenv("ARBITER_DATASETS");
        if (dir == null || dir.isBlank()) return null;
        Path folder = Path.of(dir).resolve(source.name());
        if (!Files.isDirectory(folder)) return null;
        try (java.util.stream.Stream<Path> files = Files.walk(folder, 3)) {
            return files.filter(f -> f.getFileName().toString().equals(source.fileName()) && Files.isRegularFile(f))
                    .filter(f -> source.sha256() == null || source.sha256().equals(sha256(f)))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null; // an unreadable bundle is no worse than none: the download path still checks the digest
        }
    }

    /** The bundled file when there is one, else the cached file, downloading it first when absent or when its digest is wrong. */
    public Path fetch(Source source) {
        Path local = bundled(source);
        if (local != null) return local;
        Path target = pathOf(source);
        if (Files.isRegularFile(target) && (source.sha256() == null || source.sha256().equals(sha256(target)))) return target;
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new UnavailableException("cannot create dataset cache directory " + target.getParent() + ": " + e.getMessage(), e);
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile(target.getParent(), source.fileName(), ".part");
            HttpRequest request = HttpRequest.newBuilder(urlOf(source)).timeout(timeout).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new UnavailableException("cannot download " + source.name() + " from " + urlOf(source)
                            + ": HTTP " + response.statusCode() + " (pass --data with a local copy instead)");
                }
                Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            if (source.sha256() != null) {
                String actual = sha256(tmp);
                if (!source.sha256().equals(actual)) {
                    throw new UnavailableException("download of " + source.name() + " from " + urlOf(source)
                            + " has sha256 " + actual + ", expected " + source.sha256() + "; the file was not cached");
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            return target;
        } catch (IOException e) {
            throw new UnavailableException("cannot download " + source.name() + " from " + urlOf(source) + ": " + e
                    + " (pass --data with a local copy instead)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while downloading " + source.name(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover .part file is harmless: it is never read
                }
            }
        }
    }

    /** Lower-case hex sha256 of a file's bytes. */
    /**
     * One digest for several files under {@code base} (a dataset laid out as a directory): SHA-256 over each file's
     * path relative to {@code base} (with '/'), a NUL, its own SHA-256 and a newline, in the order given. Two
     * directories with the same files and contents get the same digest wherever they lie.
     */
    public static String sha256(Path base, List<Path> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                String relative = base.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                md.update((relative + "\0" + sha256(f) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest()).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; ) md.update(buf, 0, r);
            return HexFormat.of().formatHex(md.digest()).toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
