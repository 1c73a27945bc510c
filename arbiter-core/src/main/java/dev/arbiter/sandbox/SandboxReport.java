package dev.arbiter.sandbox;

import java.util.List;

/**
 * What the sandbox can guarantee on this machine, found by running a probe program before any real one. A CLI
 * shows {@link #warnings()} before running untrusted code, so a weaker isolation is never silent.
 *
 * @param isolation          the level in use
 * @param root               whether Arbiter runs as root (uid 0)
 * @param programUid         the uid programs run as, seen from outside any namespace
 * @param networkIsolated    true when programs have their own network namespace (no interfaces up)
 * @param readOnlyFilesystem true when programs see a root of their own: the system's library directories and the
 *                           interpreter with its standard library, read-only, and private size-limited tmpfs on
 *                           /tmp, /var/tmp and /dev/shm; nothing else of the machine
 * @param warnings           one sentence per missing guarantee; empty at {@link Isolation#ROOT_NAMESPACES}
 */
public record SandboxReport(Isolation isolation, boolean root, int programUid, boolean networkIsolated,
                            boolean readOnlyFilesystem, String python, List<String> warnings) {
    public SandboxReport {
        warnings = List.copyOf(warnings);
    }

    /** Fixed wording the CLI prints and tests look for. */
    public static final String NETWORK_WARNING = "network isolation unavailable: only a Python-level guard blocks "
            + "socket creation, and native code (ctypes, C extensions) can bypass it";

    /** Warnings for a level, given whether we are root and which uid programs get. */
    static List<String> warningsFor(Isolation isolation, boolean root, int programUid, List<String> whyNotStronger) {
        List<String> w = new java.util.ArrayList<>(whyNotStronger);
        switch (isolation) {
            case ROOT_NAMESPACES -> { }
            case USER_NAMESPACES -> w.add("not root: programs run under your own uid (" + programUid
                    + ") in a user namespace; they see only the interpreter and the system libraries, cannot write "
                    + "outside their private /tmp or use the network, and their output is kept in the run log; sharing your uid "
                    + "with the launcher and the grader, they can lower those processes' limits (prlimit) or raise "
                    + "their OOM score and make a run fail: such a run is a sandbox error and scores 0, never a "
                    + "pass");
            case PROCESS_ONLY -> {
                w.add(NETWORK_WARNING);
                w.add("no PID namespace: leftover processes are found through a subreaper and killed after each "
                        + "program");
                if (root) {
                    w.add("no private file system: programs run as uid 65534 and can read every world-readable "
                            + "file of the machine (the benchmark's own data with its reference answers included) and "
                            + "write world-writable directories such as /tmp and /var/tmp; scores from this mode are "
                            + "not trustworthy against a model that tries to cheat");
                } else {
                    w.add("not root and no namespaces: programs run as your own uid (" + programUid + "); they "
                            + "can read and write your files (the benchmark's reference answers included, so scores "
                            + "from this mode are not trustworthy against a model that tries to cheat) and read the environment (API keys) of your other "
                            + "processes through /proc, and RLIMIT_NPROC counts all of your processes");
                }
            }
        }
        return w;
    }
}
