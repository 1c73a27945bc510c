# Plain data over a pipe: the only shape in which a value crosses between an untrusted candidate and its trusted
# grader. One JSON document per line. JSON null, booleans, numbers, strings and arrays stand for None, bool,
# int/float, str and list; every other value is an object {"t": tag, "v": payload} with tag tuple, set, frozenset,
# dict (payload: list of [key, value] pairs, so keys need not be strings) or bytes (payload: base64).
# encode() accepts exact built-in types only (a subclass of int or str, or any object with its own __eq__, is
# refused); decode() builds nothing but built-in values, so whatever the other side sends, no code of it runs here.
import base64 as _b64
import json as _json

PLAIN_TYPES = "None, bool, int, float, str, bytes, list, tuple, dict, set, frozenset"
MAX_DEPTH = 100


class NotPlain(Exception):
    """A value that cannot cross the channel; the message says which type and where."""


def _typename(x):
    name = type(x).__qualname__
    return repr(name[:60])


def encode(x, depth=0):
    if depth > MAX_DEPTH:
        raise NotPlain("nested more than %d levels deep" % MAX_DEPTH)
    t = type(x)
    if x is None or t is bool or t is int or t is float or t is str:
        return x
    if t is list:
        return [encode(i, depth + 1) for i in x]
    if t is tuple:
        return {"t": "tuple", "v": [encode(i, depth + 1) for i in x]}
    if t is set or t is frozenset:
        return {"t": t.__name__, "v": [encode(i, depth + 1) for i in x]}
    if t is dict:
        return {"t": "dict", "v": [[encode(k, depth + 1), encode(v, depth + 1)] for k, v in x.items()]}
    if t is bytes:
        return {"t": "bytes", "v": _b64.b64encode(x).decode("ascii")}
    raise NotPlain("a value of type %s is not plain data" % _typename(x))


def dumps(x):
    return (_json.dumps(x, ensure_ascii=True, allow_nan=True) + "\n").encode("ascii")


def decode(j, depth=0):
    if depth > MAX_DEPTH:
        raise NotPlain("nested more than %d levels deep" % MAX_DEPTH)
    t = type(j)
    if j is None or t is bool or t is int or t is float or t is str:
        return j
    if t is list:
        return [decode(i, depth + 1) for i in j]
    if t is dict and set(j) == {"t", "v"}:
        tag, v = j["t"], j["v"]
        if tag == "bytes" and type(v) is str:
            return _b64.b64decode(v.encode("ascii"), validate=True)
        if type(v) is list:
            if tag == "tuple":
                return tuple(decode(i, depth + 1) for i in v)
            if tag == "set":
                return set(decode(i, depth + 1) for i in v)
            if tag == "frozenset":
                return frozenset(decode(i, depth + 1) for i in v)
            if tag == "dict" and all(type(p) is list and len(p) == 2 for p in v):
                return {decode(p[0], depth + 1): decode(p[1], depth + 1) for p in v}
    raise NotPlain("not a plain-data encoding: %.80r" % (j,))
