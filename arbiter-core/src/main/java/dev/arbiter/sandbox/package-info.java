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
 *       PID namespace whose init is the launcher, so when it exits every leftover dies; every existing mount
 *       read-only and private tmpfs on /tmp, /var/tmp, /dev/shm, so nothing written reaches the host; an empty
 *       read-only tmpfs over /root, /home, the caller's home, the working directory and its git checkout (unless
 *       the interpreter lives there), so the program cannot read keys, tokens or the run store; uid/gid 65534 with
 *       no capabilities, so RLIMIT_NPROC is enforced (it is not for root).</li>
 *   <li>{@code USER_NAMESPACES} (not root): the same, but the program keeps the caller's uid outside the
 *       namespace, so it can <em>read</em> the caller's files outside the hidden directories.</li>
 *   <li>{@code PROCESS_ONLY}: a Python-level socket guard instead of a network namespace (bypassable from native
 *       code); leftovers found through a subreaper; uid 65534 only when root. {@link
 *       dev.arbiter.sandbox.SandboxReport#warnings()} says so before anything runs.</li>
 * </ul>
 * Limits are applied by the launcher with {@code resource.setrlimit} in the forked child after the uid switch and
 * before exec (no race with a running process, and one code path for all levels) rather than with prlimit(1).
 */
package dev.arbiter.sandbox;
