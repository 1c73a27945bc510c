package dev.arbiter.sandbox;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits for every program a {@link Sandbox} runs.
 *
 * @param python          interpreter used inside the sandbox; must be readable by uid 65534 (so not under /root)
 * @param timeout         wall-clock limit per program; the whole process tree is killed when it passes
 * @param cpuSeconds      RLIMIT_CPU per process, s (SIGXCPU at this value, SIGKILL one second later)
 * @param memoryBytes     RLIMIT_AS per process, bytes of address space
 * @param maxProcesses    RLIMIT_NPROC: processes (and threads) of the sandbox user, counted across concurrent runs
 * @param outputCapBytes  bytes kept of stdout and of stderr each; more output kills the program
 * @param parallelism     programs running at once (the rest wait)
 * @param allowNamespaces false forces {@link Isolation#PROCESS_ONLY} even where namespaces work
 * @param scratchRoot     parent of the per-run working directories in process-only mode; as root it must be
 *                        searchable by uid 65534 (the default, java.io.tmpdir, usually /tmp, is)
 */
public record SandboxOptions(Path python, Duration timeout, int cpuSeconds, long memoryBytes, int maxProcesses,
                             int outputCapBytes, int parallelism, boolean allowNamespaces, Path scratchRoot) {
    public static final Path DEFAULT_PYTHON = Path.of("/usr/bin/python3");
    static final long MIB = 1024L * 1024L;

    public SandboxOptions {
        if (python == null) throw new IllegalArgumentException("python: an interpreter path is required");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be > 0, got " + timeout);
        }
        if (cpuSeconds <= 0) throw new IllegalArgumentException("cpu_seconds must be > 0, got " + cpuSeconds);
        if (memoryBytes < 64 * MIB) {
            throw new IllegalArgumentException("memory_bytes must be at least 64 MiB (Python needs it to start), got "
                    + memoryBytes);
        }
        if (maxProcesses < 1) throw new IllegalArgumentException("max_processes must be >= 1, got " + maxProcesses);
        if (outputCapBytes < 1024) {
            throw new IllegalArgumentException("output_cap_bytes must be >= 1024, got " + outputCapBytes);
        }
        if (parallelism < 1) throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        if (scratchRoot == null) scratchRoot = Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** 10 s wall and CPU, 1 GiB address space, 64 processes, 64 KiB of each stream, one program per core. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(DEFAULT_PYTHON, Duration.ofSeconds(10), 10, 1024 * MIB, 64, 64 * 1024,
                Runtime.getRuntime().availableProcessors(), true, null);
    }

    /** Wall-clock timeout, with the CPU limit set to the same number of (whole, at least one) seconds. */
    public SandboxOptions withTimeout(Duration t) {
        int cpu = (int) Math.max(1, (t.toMillis() + 999) / 1000);
        return new SandboxOptions(python, t, cpu, memoryBytes, maxProcesses, outputCapBytes, parallelism,
                allowNamespaces, scratchRoot);
    }

    public SandboxOptions withMemoryBytes(long m) {
        return new SandboxOptions(python, timeout, cpuSeconds, m, maxProcesses, outputCapBytes, parallelism,
                allowNamespaces, scratchRoot);
    }

    public SandboxOptions withParallelism(int p) {
        return new SandboxOptions(python, timeout, cpuSeconds, memoryBytes, maxProcesses, outputCapBytes, p,
                allowNamespaces, scratchRoot);
    }

    public SandboxOptions withAllowNamespaces(boolean allow) {
        return new SandboxOptions(python, timeout, cpuSeconds, memoryBytes, maxProcesses, outputCapBytes,
                parallelism, allow, scratchRoot);
    }

    public SandboxOptions withPython(Path p) {
        return new SandboxOptions(p, timeout, cpuSeconds, memoryBytes, maxProcesses, outputCapBytes, parallelism,
                allowNamespaces, scratchRoot);
    }
}
