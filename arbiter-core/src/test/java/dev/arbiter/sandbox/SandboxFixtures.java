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

    /** 15 characters, so it fits a process name (/proc/pid/comm) as well as a file name or an argument. */
    static String marker() {
        return "arb" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Host pids whose command line or process name holds {@code needle} (a marker a hostile program set). */
    static List<Long> processesWith(String needle) throws IOException {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            for (Path p : s.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    String comm = Files.readString(p.resolve("comm"));
                    if (cmd.contains(needle) || comm.contains(needle)) found.add(Long.parseLong(p.getFileName().toString()));
                } catch (IOException e) {
                    // the process ended while we looked
                }
            }
        }
        return found;
    }
}
