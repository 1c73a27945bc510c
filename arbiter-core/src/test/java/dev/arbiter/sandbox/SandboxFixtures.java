package dev.arbiter.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/** Shared settings for tests that run real programs: short limits so hostile ones end quickly. */
final class SandboxFixtures {
    private SandboxFixtures() {}

    static SandboxOptions fast() {
        return SandboxOptions.defaults().withTimeout(Duration.ofSeconds(3)).withMemoryBytes(512 * SandboxOptions.MIB)
                .withParallelism(2);
    }

    static String marker() {
        return "arbiter-test-" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Host pids whose command line contains {@code needle} (a marker a hostile program put in its argv). */
    static List<Long> processesWith(String needle) throws IOException {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : s.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmd.contains(needle)) found.add(Long.parseLong(p.getFileName().toString()));
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        }
        return found;
    }
}
