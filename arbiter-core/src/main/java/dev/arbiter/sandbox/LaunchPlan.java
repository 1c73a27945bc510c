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
    static final int MAX_PROGRAM_BYTES = 8 * 1024 * 1024;
    static final int MAX_OPEN_FILES = 256;
    static final List<Path> UNSHARE_CANDIDATES =
            List.of(Path.of("/usr/bin/unshare"), Path.of("/bin/unshare"), Path.of("/usr/sbin/unshare"));

    /** The launcher's source, passed with {@code -c} so no file of it exists that a program could rewrite. */
    static final String LAUNCHER = loadLauncher();

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
        c.put("max_program_bytes", MAX_PROGRAM_BYTES);
        c.put("workdir", workdir == null ? null : workdir.toString());
        c.put("python", o.python().toString());
        c.put("network_guard", !iso.namespaces());
        c.put("hide", iso.namespaces() ? hiddenDirectories() : List.of());
        try {
            return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise launcher config", e);
        }
    }

    /**
     * Directories covered with an empty read-only tmpfs in namespaced runs: home directories (the caller's keys,
     * tokens and ~/.arbiter store), and the working directory with its enclosing git checkout. The launcher skips
     * any that holds the interpreter or its standard library.
     */
    static List<String> hiddenDirectories() {
        List<String> hide = new ArrayList<>(List.of("/root", "/home"));
        hide.add(System.getProperty("user.home"));
        Path cwd = Path.of("").toAbsolutePath();
        hide.add(cwd.toString());
        for (Path p = cwd; p != null && p.getParent() != null; p = p.getParent()) {
            if (Files.exists(p.resolve(".git"))) {
                hide.add(p.toString());
                break;
            }
        }
        return hide.stream().distinct().toList();
    }

    static Path findUnshare() {
        return UNSHARE_CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static String loadLauncher() {
        try (InputStream in = LaunchPlan.class.getResourceAsStream("launcher.py")) {
            if (in == null) throw new IllegalStateException("launcher.py missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read launcher.py", e);
        }
    }
}
