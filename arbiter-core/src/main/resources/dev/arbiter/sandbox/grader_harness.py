# The trusted grader: runs a benchmark's test code with `candidate` bound to a proxy that calls the untrusted
# program over two pipes, carrying plain data only (plain_data.py precedes this file). Started by launcher.py before
# the candidate exists, as a separate process the candidate cannot read or trace (not dumpable); the test code
# arrives on stdin and never touches the disk. Its one verdict goes to a pipe only the launcher holds. Nothing the
# candidate prints, no exit status and no file decides the verdict: only what check() does with the values it got.
import ctypes
import os
import sys
import traceback

PR_SET_DUMPABLE = 4
MAX_RESPONSE_BYTES = 16 * 1024 * 1024


class Broken(BaseException):
    """The candidate broke the channel (died, sent garbage or a non-plain value). A BaseException, so a test's
    `except Exception` cannot swallow it; the verdict is a failure whatever happens after."""


class CandidateRaised(Exception):
    """The candidate's function raised; the test sees an ordinary exception, as it would in-process."""


class Channel:
    def __init__(self, req_fd, resp_fd):
        self.requests = os.fdopen(req_fd, "wb")
        self.responses = os.fdopen(resp_fd, "rb")
        self.next_id = 0
        self.broken = None
        self.calls = 0

    def fail(self, why):
        self.broken = self.broken or why
        raise Broken(self.broken)

    def call(self, fn, args, kwargs):
        if self.broken:
            raise Broken(self.broken)
        self.next_id += 1
        self.calls += 1
        # Arguments come from the benchmark: one that cannot be encoded is our error, not the candidate's.
        message = dumps({"id": self.next_id, "fn": fn, "args": encode(list(args)), "kwargs": encode(kwargs)})
        try:
            self.requests.write(message)
            self.requests.flush()
        except (BrokenPipeError, OSError):
            self.fail("the candidate process ended before call %d" % self.calls)
        line = self.responses.readline(MAX_RESPONSE_BYTES + 1)
        if not line:
            self.fail("the candidate process ended before answering call %d" % self.calls)
        if len(line) > MAX_RESPONSE_BYTES or not line.endswith(b"\n"):
            self.fail("the candidate's answer to call %d is larger than %d bytes" % (self.calls, MAX_RESPONSE_BYTES))
        try:
            response = __import__("json").loads(line)
        except (ValueError, RecursionError):
            self.fail("the candidate sent something that is not JSON in answer to call %d" % self.calls)
        if type(response) is not dict or response.get("id") != self.next_id:
            self.fail("the candidate's answer to call %d is not a response to it" % self.calls)
        if "ok" in response:
            try:
                return decode(response["ok"])
            except (NotPlain, ValueError, TypeError, RecursionError) as e:
                self.fail("the candidate returned something that is not plain data: %.200s" % e)
        if "not_plain" in response:
            self.fail("the candidate returned a value that is not plain data (allowed: %s); its side said: %.200s"
                      % (PLAIN_TYPES, response["not_plain"]))
        if "load_error" in response:
            self.fail("the candidate's program did not load: %.300s" % response["load_error"])
        if "raised" in response:
            raise CandidateRaised("the candidate raised %.500s" % response["raised"])
        self.fail("the candidate's answer to call %d has no result" % self.calls)


def where(tb, test_lines):
    """The last line of the benchmark's test code the exception passed through, for the explanation."""
    for frame in reversed(traceback.extract_tb(tb, limit=None)):
        if frame.filename == "<test>" and 0 < frame.lineno <= len(test_lines):
            return " at test line %d: %s" % (frame.lineno, test_lines[frame.lineno - 1].strip()[:300])
    return ""


def main():
    ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    req_fd, resp_fd, verdict_fd = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    spec = __import__("json").loads(sys.stdin.buffer.read())
    verdict = os.fdopen(verdict_fd, "wb")
    verdict.write(b"ready\n")
    verdict.flush()
    channel = Channel(req_fd, resp_fd)
    entry_point = spec["entry_point"]

    def candidate(*args, **kwargs):
        return channel.call(entry_point, args, kwargs)

    namespace = {"__name__": "__grader__"}
    try:
        exec(compile(spec["prelude"], "<prelude>", "exec"), namespace)
        namespace[entry_point] = candidate
        namespace["candidate"] = candidate
        test = compile(spec["test"], "<test>", "exec")
    except BaseException as e:
        result = {"status": "error", "detail": "the benchmark's test code did not load: %s: %.300s"
                  % (type(e).__name__, e)}
    else:
        try:
            exec(test, namespace)
            if channel.broken:
                result = {"status": "failed", "detail": channel.broken}
            else:
                result = {"status": "passed", "detail": "check() completed: %d calls, all answered" % channel.calls}
        except Broken as e:
            result = {"status": "failed", "detail": str(e)}
        except NotPlain as e:
            result = {"status": "error", "detail": "the benchmark passed an argument that is not plain data: %s" % e}
        except BaseException as e:
            msg = str(e)
            name = "" if isinstance(e, CandidateRaised) else type(e).__name__ + (": " if msg else "")
            result = {"status": "failed", "detail": "%s%s%s" % (name, msg[:500],
                                                                where(e.__traceback__, spec["test"].splitlines()))}
            if channel.broken:
                result["detail"] = channel.broken
    verdict.write(dumps(result))
    verdict.flush()


main()
