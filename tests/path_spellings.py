"""Other spellings of a path: what a client might send instead of the plain one.

Percent-encodings of any character (``%2E``, ``%2f``, a letter, twice encoded,
overlong UTF-8), dot segments (``./``, ``x/../``), repeated and trailing slashes,
changes of case, Unicode look-alikes (a full-width dot, a Cyrillic ``е``, sent
encoded or raw), backslashes, NUL and ``;`` parameters, and very long paths,
alone and combined. Deterministic: the same seed gives the same list.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable

Spelling = Callable[[str], str]

#: Look-alikes for characters of our paths, as UTF-8 bytes percent-encoded.
LOOK_ALIKES = {
    ".": ["%EF%BC%8E", "%E2%80%A4", "%C0%AE", "%E3%80%82", "%u002e"],
    "/": ["%EF%BC%8F", "%E2%88%95", "%C0%AF", "%5C"],
    "e": ["%D0%B5"],  # Cyrillic small ie
    "o": ["%D0%BE"],  # Cyrillic small o
    "i": ["%C4%B1"],  # dotless i
    "a": ["%D0%B0"],
}

#: The same, sent as they are (UTF-8 in the request line).
RAW_LOOK_ALIKES = {".": "\uff0e", "/": "\u2215", "e": "\u0435", "i": "\u0131"}


def _encode(char: str, lower: bool = False) -> str:
    code = f"%{ord(char):02X}"
    return code.lower() if lower else code


def _positions(path: str, wanted: str) -> list[int]:
    return [index for index, char in enumerate(path) if char in wanted]


def single_changes(path: str) -> list[str]:
    """Each one change to ``path`` (which starts with ``/``)."""
    found: list[str] = []
    slashes = _positions(path, "/")
    dots = _positions(path, ".")
    letters = [i for i, c in enumerate(path) if c.isalpha()]
    for i in dots + slashes[1:]:
        for lower in (False, True):
            found.append(path[:i] + _encode(path[i], lower) + path[i + 1 :])
        found.append(path[:i] + "%25" + _encode(path[i])[1:] + path[i + 1 :])
    for i in letters[::3]:
        found.append(path[:i] + _encode(path[i]) + path[i + 1 :])
        found.append(path[:i] + path[i].swapcase() + path[i + 1 :])
    for i in slashes:
        rest = path[i + 1 :]
        found += [
            path[:i] + "//" + rest,
            path[:i] + "/./" + rest,
            path[:i] + "/x/../" + rest,
            path[:i] + "/%2E/" + rest,
            path[:i] + "/%2e%2e/x/../" + rest,
            path[:i] + "/.%2E/" + rest if i else path,
            path[:i] + "\\" + rest,
            path[:i] + "/;/" + rest,
        ]
    for char, others in LOOK_ALIKES.items():
        for i in _positions(path, char)[:2]:
            found += [path[:i] + other + path[i + 1 :] for other in others]
    for char, raw in RAW_LOOK_ALIKES.items():
        found.append(path.replace(char, raw, 1))
    found += [
        path + "/",
        path + "//",
        path + "/.",
        path + "/./",
        path + "/x/..",
        path + "%2F",
        path + "%00",
        path + "%00.html",
        path + ";x=1",
        path + "%20",
        path + "#frag",
        path.upper(),
        path.lower(),
        path.title(),
        "/" + "/" * 200 + path,
        "/x" * 60 + "/.." * 60 + path,
        path + "/" + "x" * 3000 + "/..",
        "/" + "a/../" * 700 + path.lstrip("/"),
    ]
    return found


def spellings(paths: Iterable[str], at_least: int, seed: int = 29) -> list[str]:
    """Every single change of each path, then changes of changes (chosen with
    ``seed``) until there are ``at_least`` different spellings."""
    bases = list(paths)
    found: dict[str, None] = {}
    for path in bases:
        for spelled in single_changes(path):
            found.setdefault(spelled)
    chooser = random.Random(seed)
    pool = list(found)
    while len(found) < at_least:
        spelled = chooser.choice(pool)
        if len(spelled) > 400:
            continue
        changes = single_changes(spelled)
        found.setdefault(chooser.choice(changes))
    for path in bases:
        found.pop(path, None)
    return list(found)
