package dev.arbiter.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.arbiter.error.ArbiterException;
import dev.arbiter.error.UnavailableException;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs untrusted Python programs, each in a fresh sandbox (see {@link Isolation} for what that means at each
 * level). {@link #open} probes the machine once and keeps the strongest level that works; {@link #report()} says
 * what is and is not guaranteed. Thread-safe: at most {@code parallelism} programs run at once, whoever calls.
 */
public final class Sandbox {
    /** What the trusted launcher gets: no variable of ours, so no API key, ever reaches the sandbox. */
    static final Map<String, String> LAUNCHER_ENV = Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8");
    /** Time beyond the program's timeout for namespace setup and clean-up before we give up on the launcher. */
    static final Duration BACKSTOP = Duration.ofSeconds(15);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    static final String PROBE_OUTPUT = "arbiter-sandbox-ok";
    private static final int LAUNCHER_STDERR_CAP = 16 * 1024;
    /** Room in the launcher's report for the grader's verdict and stderr (both capped by the launcher). */
    private static final int GRADER_REPORT_BYTES = 6 * (80 * 1024) + 4 * 1024;

    private final SandboxOptions options;
    private final Map<String, String> launcherEnv;
    private final boolean root;
    private final Path unshare;
    private final Semaphore slots;
    private final SandboxReport report;

    private Sandbox(SandboxOptions options, Map<String, String> launcherEnv, boolean root, Path unshare,
                    Isolation isolation, List<String> whyNotStronger) {
        this.options = options;
        this.launcherEnv = Map.copyOf(launcherEnv);
        this.root = root;
        this.unshare = unshare;
        this.slots = new Semaphore(options.parallelism(), true);
        int uid = LaunchPlan.dropTo(isolation, root) != null ? LaunchPlan.NOBODY : Posix.effectiveUid();
        this.report = new SandboxReport(isolation, root, uid, isolation.namespaces(), isolation.namespaces(),
                options.python().toString(), SandboxReport.warningsFor(isolation, root, uid, whyNotStronger));
    }

    /**
     * Probes the isolation levels, strongest first, by running a tiny program through each.
     *
     * @throws UnavailableException if the interpreter is missing or no level can run it
     */
    public static Sandbox open(SandboxOptions options) {
        return open(options, LAUNCHER_ENV);
    }

    /** As {@link #open(SandboxOptions)}, with the environment handed to the launcher (tests pass secrets here). */
    static Sandbox open(SandboxOptions options, Map<String, String> launcherEnv) {
        if (!Files.isRegularFile(options.python()) || !Files.isExecutable(options.python())) {
            throw new UnavailableException("sandbox: python interpreter not found or not executable: "
                    + options.python() + " (install python3, or pass an interpreter readable by every user)");
        }
        boolean root = Posix.effectiveUid() == 0;
        Path unshare = LaunchPlan.findUnshare();
        List<Isolation> candidates = new ArrayList<>();
        List<String> why = new ArrayList<>();
        if (!options.allowNamespaces()) {
            why.add("namespaces disabled by configuration");
        } else if (unshare == null) {
            why.add("namespaces unavailable: no unshare(1) found (install util-linux)");
        } else if (root) {
            // Not USER_NAMESPACES as root: the program would stay uid 0 outside, for which RLIMIT_NPROC is not
            // enforced; PROCESS_ONLY at least drops to uid 65534.
            candidates.add(Isolation.ROOT_NAMESPACES);
        } else {
            candidates.add(Isolation.USER_NAMESPACES);
        }
        candidates.add(Isolation.PROCESS_ONLY);
        SandboxOptions probe = options.withTimeout(PROBE_TIMEOUT);
        for (Isolation iso : candidates) {
            Sandbox s = new Sandbox(probe, launcherEnv, root, unshare, iso, List.of());
            ExecutionResult r;
            try {
                r = s.runUnthrottled("print('" + PROBE_OUTPUT + "')\n");
            } catch (UnavailableException e) {
                why.add(iso.name().toLowerCase(java.util.Locale.ROOT) + " unavailable: " + e.getMessage());
                continue;
            }
            if (r.outcome() == Outcome.PASSED && r.stdout().strip().equals(PROBE_OUTPUT)) {
                return new Sandbox(options, launcherEnv, root, unshare, iso, why);
            }
            why.add(iso.name().toLowerCase(java.util.Locale.ROOT) + " unavailable: " + r.detail()
                    + (r.stderr().isBlank() ? "" : " (" + r.stderr().strip() + ")"));
        }
        throw new UnavailableException("sandbox: cannot run " + options.python() + " at any isolation level: "
                + String.join("; ", why));
    }

    /** Exactly this level or an UnavailableException: lets tests run a level this machine would not pick. */
    static Sandbox openAt(SandboxOptions options, Isolation isolation) {
        boolean root = Posix.effectiveUid() == 0;
        Path unshare = LaunchPlan.findUnshare();
        Sandbox s = new Sandbox(options, LAUNCHER_ENV, root, unshare, isolation, List.of());
        ExecutionResult r = s.runUnthrottled("print('" + PROBE_OUTPUT + "')\n");
        if (r.outcome() != Outcome.PASSED) {
            throw new UnavailableException("sandbox: " + isolation + " unavailable: " + r.detail() + " " + r.stderr());
        }
        return s;
    }

    public SandboxReport report() { return report; }

    public SandboxOptions options() { return options; }

    /**
     * Runs one program; blocks while {@code parallelism} others are running. Never throws for the program's sake: a
     * failure of the sandbox while the program ran is a {@link Outcome#SANDBOX_ERROR} result (which scores 0, since
     * the program may have caused it); only a launcher that cannot be started at all throws
     * {@link UnavailableException}.
     */
    public ExecutionResult run(String program) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a sandbox slot");
        }
        try {
            return runUnthrottled(program);
        } finally {
            slots.release();
        }
    }

    /**
     * Runs a candidate and grades it in a separate trusted process (see {@link GradedProgram}); blocks while
     * {@code parallelism} others are running. Never throws for the program's sake.
     */
    public ExecutionResult runGraded(GradedProgram program) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a sandbox slot");
        }
        try {
            return runUnthrottled(program.candidate(), program);
        } finally {
            slots.release();
        }
    }

    /** Runs the programs {@code parallelism} at a time; results are in the programs' order. */
    public List<ExecutionResult> runAll(List<String> programs) {
        return inParallel(programs, this::run);
    }

    /** Grades the programs {@code parallelism} at a time; results are in the programs' order. */
    public List<ExecutionResult> runAllGraded(List<GradedProgram> programs) {
        return inParallel(programs, this::runGraded);
    }

    private <T> List<ExecutionResult> inParallel(List<T> programs, java.util.function.Function<T, ExecutionResult> one) {
        if (programs.isEmpty()) return List.of();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallelism(), programs.size()), r -> {
            Thread t = new Thread(r, "arbiter-sandbox-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ExecutionResult>> futures = new ArrayList<>();
            for (T p : programs) futures.add(pool.submit(() -> one.apply(p)));
            List<ExecutionResult> out = new ArrayList<>(programs.size());
            for (Future<ExecutionResult> f : futures) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while running sandboxed programs");
        } catch (ExecutionException e) {
            throw new ArbiterException("sandbox run failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private ExecutionResult runUnthrottled(String program) {
        return runUnthrottled(program, null);
    }

    /** @param graded the grader's side, or null for a plain run whose exit status decides */
    private ExecutionResult runUnthrottled(String program, GradedProgram graded) {
        byte[] source = program.getBytes(StandardCharsets.UTF_8);
        if (source.length > LaunchPlan.MAX_PROGRAM_BYTES) {
            return ExecutionResult.sandboxError("program is " + source.length + " bytes, more than the "
                    + LaunchPlan.MAX_PROGRAM_BYTES + " the sandbox accepts");
        }
        // A graded run's stdin: the candidate's bytes, then the grader's spec; the launcher splits at the length
        // in its config, so nothing the candidate writes can move the boundary.
        byte[] input = graded == null ? source : concat(source, LaunchPlan.graderSpec(graded));
        Isolation iso = report.isolation();
        Path work = null;
        try {
            if (!iso.namespaces()) work = Scratch.create(options.scratchRoot());
            String config = LaunchPlan.config(iso, options, root, work,
                    graded == null ? null : new int[] {source.length, input.length});
            ProcessBuilder pb = new ProcessBuilder(LaunchPlan.command(iso, unshare, options, config));
            pb.environment().clear();
            pb.environment().putAll(launcherEnv);
            return launch(pb, input, graded != null);
        } catch (IOException e) {
            // Before the program was handed over: the machine, not the answer. Thrown, so the sample is an error
            // (eval exits 4 and --resume retries it) instead of a score.
            throw new UnavailableException("sandbox: cannot start the launcher: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while a sandboxed program was running");
        } finally {
            if (work != null && !Scratch.delete(work)) {
                throw new ArbiterException("sandbox: could not delete working directory " + work);
            }
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private ExecutionResult launch(ProcessBuilder pb, byte[] source, boolean graded)
            throws IOException, InterruptedException {
        Process p = pb.start();
        // The report holds at most two capped streams, JSON-escaped (up to 6 bytes per input byte), plus fields.
        StreamCapture out = StreamCapture.start(p.getInputStream(),
                12 * options.outputCapBytes() + 64 * 1024 + GRADER_REPORT_BYTES,
                "arbiter-sandbox-report");
        StreamCapture err = StreamCapture.start(p.getErrorStream(), LAUNCHER_STDERR_CAP, "arbiter-sandbox-stderr");
        try (OutputStream in = p.getOutputStream()) {
            in.write(source);
        } catch (IOException e) {
            // The launcher died before reading the program; its exit status and stderr tell why.
        }
        if (!p.waitFor(options.timeout().plus(BACKSTOP).toMillis(), TimeUnit.MILLISECONDS)) {
            killTree(p);
            return ExecutionResult.sandboxError("launcher did not finish within " + options.timeout().plus(BACKSTOP)
                    .toMillis() + " ms; its process tree was killed");
        }
        byte[] json = out.await(Duration.ofSeconds(5));
        String stderr = new String(err.await(Duration.ofSeconds(1)), StandardCharsets.UTF_8).strip();
        if (!out.finished() || out.overflowed()) {
            killTree(p);
            return ExecutionResult.sandboxError("launcher report incomplete or larger than expected");
        }
        LauncherReport r;
        try {
            r = Json.mapper().readValue(json, LauncherReport.class);
        } catch (JsonProcessingException e) {
            return ExecutionResult.sandboxError("launcher exited with code " + p.exitValue() + " without a report"
                    + (stderr.isEmpty() ? "" : ": " + tail(stderr)));
        }
        return graded ? OutcomeRules.judgeGraded(r, options.timeout(), options.cpuSeconds(), options.outputCapBytes())
                : OutcomeRules.judge(r, options.timeout(), options.cpuSeconds(), options.outputCapBytes());
    }

    private static void killTree(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
    }

    private static String tail(String s) {
        return s.length() <= 2000 ? s : "…" + s.substring(s.length() - 2000);
    }
}
