package dev.arbiter.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.arbiter.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line and launcher configuration for one run at one isolation level. */
final class LaunchPlan {
    /** uid and gid "nobody": owns nothing, so a program running as it can write only world-writable places. */
    static final int NOBODY = 65534;
    static final long FILE_SIZE_BYTES = 16 * SandboxOptions.MIB;
    static final long TMPFS_BYTES = 64 * SandboxOptions.MIB;
    static final long SMALL_TMPFS_BYTES = 8 * SandboxOptions.MIB;
    /**
     * Largest program accepted: 4 times the client's default answer cap (--max-answer-bytes, 8 MiB), so a program
     * made of an accepted answer plus the prompt (HumanEval), or its base64 plus the tests' inputs (LiveCodeBench),
     * is run, never refused for its size; a refusal is a sandbox error and scores 0. Half the work tmpfs, which
     * holds the program file.
     */
    static final int MAX_PROGRAM_BYTES = 32 * 1024 * 1024;
    static final int MAX_OPEN_FILES = 256;
    static final List<Path> UNSHARE_CANDIDATES =
            List.of(Path.of("/usr/bin/unshare"), Path.of("/bin/unshare"), Path.of("/usr/sbin/unshare"));

    /** The launcher's source, passed with {@code -c} so no file of it exists that a program could rewrite. */
    static final String LAUNCHER = load("launcher.py");
    /** The candidate's side of a graded run: the plain-data codec, then the loop that answers calls. */
    static final String RUNNER = load("plain_data.py") + "\n" + load("candidate_runner.py");
    /** The grader's side: the same codec, then the harness that runs the test against a proxy. */
    static final String HARNESS = load("plain_data.py") + "\n" + load("grader_harness.py");

    private LaunchPlan() {}

    static List<String> command(Isolation iso, Path unshare, SandboxOptions o, String config) {
        List<String> cmd = new ArrayList<>();
        if (iso.namespaces()) {
            cmd.add(unshare.toString());
            if (iso == Isolation.USER_NAMESPACES) {
                cmd.add("--user");
                cmd.add("--map-root-user");
            }
            // --kill-child: if unshare dies, the launcher (PID 1 of the new namespace) gets SIGKILL, which ends
            // every process in the namespace. --mount-proc implies a private mount namespace.
            cmd.addAll(List.of("--net", "--pid", "--fork", "--kill-child", "--mount-proc", "--ipc", "--uts"));
        }
        // -I: ignore PYTHON* variables and user site-packages; -S: skip site (the launcher needs only the stdlib).
        cmd.addAll(List.of(o.python().toString(), "-I", "-S", "-c", LAUNCHER, config));
        return cmd;
    }

    /** Uid the program runs as (outside any namespace), or null to keep the caller's. */
    static Integer dropTo(Isolation iso, boolean root) {
        return root && iso != Isolation.USER_NAMESPACES ? NOBODY : null;
    }

    static String config(Isolation iso, SandboxOptions o, boolean root, Path workdir) {
        return config(iso, o, root, workdir, null);
    }

    /**
     * @param graded null for a plain run; for a graded one {candidate bytes, total stdin bytes}: the candidate's
     *               program comes first on stdin, then {@link #graderSpec}
     */
    static String config(Isolation iso, SandboxOptions o, boolean root, Path workdir, int[] graded) {
        Integer uid = dropTo(iso, root);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("mode", iso.launcherMode());
        c.put("uid", uid);
        c.put("gid", uid);
        c.put("timeout_ms", o.timeout().toMillis());
        c.put("cpu_seconds", o.cpuSeconds());
        c.put("memory_bytes", o.memoryBytes());
        c.put("max_processes", o.maxProcesses());
        c.put("file_size_bytes", FILE_SIZE_BYTES);
        c.put("max_open_files", MAX_OPEN_FILES);
        c.put("output_cap_bytes", o.outputCapBytes());
        c.put("tmpfs_bytes", TMPFS_BYTES);
        c.put("small_tmpfs_bytes", SMALL_TMPFS_BYTES);
        c.put("max_program_bytes", graded == null ? MAX_PROGRAM_BYTES : graded[1]);
        if (graded != null) {
            c.put("graded", true);
            c.put("candidate_bytes", graded[0]);
            c.put("runner_source", RUNNER);
            c.put("harness_source", HARNESS);
        }
        c.put("workdir", workdir == null ? null : workdir.toString());
        c.put("python", o.python().toString());
        c.put("network_guard", !iso.namespaces());
        try {
            return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise launcher config", e);
        }
    }

    static Path findUnshare() {
        return UNSHARE_CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** What the grader reads on its stdin: the trusted code, which never touches the disk or an argv. */
    static byte[] graderSpec(GradedProgram g) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("entry_point", g.entryPoint());
        spec.put("prelude", g.prelude());
        spec.put("test", g.test());
        try {
            return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the grader's spec", e);
        }
    }

    private static String load(String name) {
        try (InputStream in = LaunchPlan.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
