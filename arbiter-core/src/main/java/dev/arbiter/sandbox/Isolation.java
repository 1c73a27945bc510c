package dev.arbiter.sandbox;

/** How a program is isolated, strongest first; the sandbox picks the first one that works on this machine. */
public enum Isolation {
    /**
     * As root: new network, PID, mount, IPC and UTS namespaces; a root of its own with only the system libraries and
     * the interpreter, read-only, and a private tmpfs on /tmp, /var/tmp and /dev/shm; the program runs as uid/gid
     * 65534 with no capabilities.
     */
    ROOT_NAMESPACES("root_namespaces"),
    /**
     * Not root, unprivileged user namespaces allowed: the same namespaces and root of its own, but the program
     * keeps the caller's uid (shown as 0 inside, without capabilities).
     */
    USER_NAMESPACES("user_namespaces"),
    /**
     * No namespaces: own session, rlimits, a subreaper that kills leftovers, a Python-level socket guard, and uid
     * 65534 only when started as root.
     */
    PROCESS_ONLY("process");

    private final String launcherMode;

    Isolation(String launcherMode) { this.launcherMode = launcherMode; }

    /** The mode name the launcher script understands. */
    String launcherMode() { return launcherMode; }

    public boolean namespaces() { return this != PROCESS_ONLY; }
}
