package dev.arbiter.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Formats name Locale.US: the digits and separators of Locale.ROOT, but the JDK's Formatter reads them from locale
 * data for every other locale, and that load was a tenth of the start-up of {@code models} (docs/performance.md).
 */
class FormatLocaleTest {
    private static final Pattern ROOT_FORMAT = Pattern.compile("(format|printf)\\((java\\.util\\.)?Locale\\.ROOT\\b");

    @Test
    void usAndRootFormatNumbersAlike() {
        for (String f : List.of("%.2f", "%,d", "%,.1f", "%05d", "%e", "%+.3f", "%x")) {
            Object v = f.endsWith("d") || f.endsWith("x") ? (Object) 1234567L : (Object) (-1234567.891);
            assertThat(String.format(Locale.US, f, v)).as(f).isEqualTo(String.format(Locale.ROOT, f, v));
        }
    }

    @Test
    void noMainSourceFormatsWithLocaleRoot() throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("../arbiter-core/src/main/java"))) {
            assertThat(root).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        if (ROOT_FORMAT.matcher(lines.get(i)).find()) hits.add(f + ":" + (i + 1));
                    }
                }
            }
        }
        assertThat(hits).as("format with Locale.US instead (same output, no locale data loaded)").isEmpty();
    }
}
