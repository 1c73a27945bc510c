/**
 * Running untrusted Python (model-written code) on this machine.
 *
 * <p>Each program gets a trusted supervisor, {@code launcher.py}, started through util-linux {@code unshare} when
 * namespaces are available. What is guaranteed, by {@link dev.arbiter.sandbox.Isolation} level:
 * <ul>
 *   <li>Always: an empty environment (PATH=/usr/bin:/bin, LANG=C.UTF-8, HOME=workdir only); its own session;
 *       RLIMIT_CPU (= timeout, SIGKILL one second later), RLIMIT_AS, RLIMIT_NPROC, RLIMIT_FSIZE (16 MiB),
 *       RLIMIT_NOFILE (256), no core dumps, no_new_privs; stdout and stderr capped (the program is killed at the
 *       cap); a wall-clock timeout after which every process it started is killed; a working directory that is
 *       gone afterwards.</li>
 *   <li>{@code ROOT_NAMESPACES} (root, as in CI): no network (a new network namespace with no interface up); a
 *       PID namespace whose init is the launcher, so when it exits every leftover dies; a root of its own
 *       (chroot into a private mount namespace) holding only /usr, /lib*, /bin, /sbin and the interpreter's prefix,
 *       bound read-only, /proc, /dev/null, /dev/zero, /dev/full, /dev/(u)random and private tmpfs on /tmp,
 *       /var/tmp, /dev/shm: no home, checkout, /etc, key, token or run store exists for it, and nothing written
 *       reaches the host; uid/gid 65534 with no capabilities, so RLIMIT_NPROC is enforced (it is not for root).</li>
 *   <li>{@code USER_NAMESPACES} (not root): the same, but the program keeps the caller's uid outside the
 *       namespace (without capabilities inside it).</li>
 *   <li>{@code PROCESS_ONLY}: a Python-level socket guard instead of a network namespace (bypassable from native
 *       code); leftovers found through a subreaper; uid 65534 only when root. {@link
 *       dev.arbiter.sandbox.SandboxReport#warnings()} says so before anything runs.</li>
 * </ul>
 * Graded runs ({@link dev.arbiter.sandbox.GradedProgram}) add a second child of the launcher, the trusted grader,
 * started before the program and not dumpable (the program can neither trace it nor open its /proc entries); the
 * two talk over two pipes in plain data, and only the grader's verdict, on a pipe only the launcher holds, decides.
 * Limits are applied by the launcher with {@code resource.setrlimit} in the forked child after the uid switch and
 * before exec (no race with a running process, and one code path for all levels) rather than with prlimit(1).
 */
package dev.arbiter.sandbox;
