"""Voila's own files (scripts, styles, fonts), compressed once rather than per phone.

Every phone that joins loads the same hundred files from Voila. Compressed afresh
for each one, they cost the front door about a third of a second of CPU per
phone: a hundred people joining at once spent half a minute of both cores on it,
just as the room was starting. These files never change while the server runs,
so the first answer for each is kept, already compressed at the highest level
(smaller than a per-request compression can afford to be), and every later phone
is sent the kept bytes.

Only plain first loads are served from here: a request that asks "has it changed?"
(``If-None-Match``) goes to Voila, which answers it cheaply.

The files are also fetched and compressed once the server starts (``warm``), a
little at a time, so the first display of the day does not wait while the front
door compresses three megabytes for it (a first open took 3.9 to 5.4 s, a later
one 2.8 s). Which files Voila serves is read from its own folders; the bytes
still come from Voila itself. A file is kept by its path: the ``?v=`` a script
loader adds to a name only defeats browser caches.
"""

from __future__ import annotations

import asyncio
import gzip
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tornado import httpclient, web

from facilitate.core.links import LEAD_PREFIX

#: Paths of files Voila serves unchanged for as long as it runs.
STATIC_PATH = re.compile(
    rf"^({LEAD_PREFIX})?/(voila/(static|templates|labextensions|api/themes)|static)/"
)
#: What the kept files may take in memory (Voila's whole front end is about 7 MB).
MEMORY_LIMIT_BYTES = 64 * 1024 * 1024
#: Smaller files are not worth a cache entry's bookkeeping, nor compressing.
SMALLEST_COMPRESSED = 1024
_COMPRESSIBLE = re.compile(
    r"^(text/|application/(javascript|json|xml|wasm)|image/svg\+xml|font/(ttf|otf))"
)
#: Headers of Voila's answer a warmed file keeps (the rest belong to a request).
_KEPT = frozenset({"content-type", "etag", "last-modified", "cache-control"})
_CONDITIONAL = ("If-None-Match", "If-Modified-Since", "Range")
#: Headers that belong to one person's request, never to be replayed to the next.
_PERSONAL = frozenset({"set-cookie", "authorization", "www-authenticate"})


@dataclass(frozen=True)
class KeptFile:
    """One static answer: its headers, its body, and the body gzipped if worth it."""

    headers: tuple[tuple[str, str], ...]
    body: bytes
    gzipped: bytes | None

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"")

    def answer(self, accepts_gzip: bool) -> tuple[bytes, bool]:
        """The bytes to send, and whether they are gzipped."""
        if accepts_gzip and self.gzipped is not None:
            return self.gzipped, True
        return self.body, False


def keep(headers: list[tuple[str, str]], body: bytes) -> KeptFile:
    """Compress ``body`` once, if its type compresses and it is big enough.
    A cookie Voila set on that first answer is not kept: it was that person's."""
    headers = [(k, v) for k, v in headers if k.lower() not in _PERSONAL]
    kind = next((v for k, v in headers if k.lower() == "content-type"), "")
    packed = None
    if len(body) >= SMALLEST_COMPRESSED and _COMPRESSIBLE.match(kind.lower()):
        squeezed = gzip.compress(body, compresslevel=9, mtime=0)
        packed = squeezed if len(squeezed) < len(body) else None
    return KeptFile(tuple(headers), body, packed)


def send(handler: web.RequestHandler, kept: KeptFile) -> None:
    """Answer with a kept file: gzipped already when the browser takes gzip."""
    handler.clear_header("Content-Type")
    for name, value in kept.headers:
        handler.add_header(name, value)
    accepts = "gzip" in handler.request.headers.get("Accept-Encoding", "")
    body, gzipped = kept.answer(accepts)
    if gzipped:
        handler.set_header("Content-Encoding", "gzip")
    handler.finish(body)


class AssetHandler(web.RequestHandler):
    """One file of ours (plotly.js for the shared screens' charts), read and
    compressed on its first request, then sent from memory and cached a day."""

    def initialize(self, path: Path, kind: str, kept: dict[Path, KeptFile]) -> None:
        self.path, self.kind, self.kept = path, kind, kept

    def get(self, *_: str) -> None:
        if self.path not in self.kept:
            headers = [("Content-Type", self.kind), ("Cache-Control", "max-age=86400")]
            self.kept[self.path] = keep(headers, self.path.read_bytes())
        send(self, self.kept[self.path])


@dataclass
class StaticFiles:
    """The kept answers, by backend and address, within ``limit`` bytes."""

    limit: int = MEMORY_LIMIT_BYTES
    kept: dict[tuple[str, str], KeptFile] = field(default_factory=dict)
    used: int = 0

    @staticmethod
    def applies(method: str, path: str, request_headers: dict[str, str]) -> bool:
        """Whether a request may be answered from (and fill) the kept files."""
        if method != "GET" or not STATIC_PATH.match(path):
            return False
        return not any(name in request_headers for name in _CONDITIONAL)

    def get(self, backend: str, uri: str) -> KeptFile | None:
        return self.kept.get((backend, urlsplit(uri).path))

    def add(
        self, backend: str, uri: str, headers: list[tuple[str, str]], body: bytes
    ) -> KeptFile:
        """Keep a 200 answer (while there is room) and return it."""
        return self.put(backend, uri, keep(headers, body))

    def put(self, backend: str, uri: str, found: KeptFile) -> KeptFile:
        key = (backend, urlsplit(uri).path)
        if key not in self.kept and self.used + found.size <= self.limit:
            self.kept[key] = found
            self.used += found.size
        return found


def front_end_files(denied: Iterable[str] = ()) -> list[str]:
    """Addresses (under a Voila's base) of the scripts and styles Voila can serve:
    its own, and those of the front-end extensions not ``denied``."""
    from jupyter_core.paths import jupyter_path
    from voila.paths import collect_static_paths

    extension_roots = jupyter_path("labextensions") + [
        str(Path(folder) / "labextensions") for folder in jupyter_path("voila")
    ]
    found: dict[str, None] = {}
    for folder in map(Path, collect_static_paths(["voila", "nbconvert"], "lab")):
        for file in sorted(folder.glob("*")):
            if file.suffix in (".js", ".css"):
                found.setdefault(f"/voila/static/{file.name}")
    for root in map(Path, extension_roots):
        for package in sorted(root.glob("**/package.json")):
            name = package.parent.relative_to(root).as_posix()
            if name in denied or "static" in name.split("/"):
                continue
            for file in sorted((package.parent / "static").glob("*")):
                if file.suffix in (".js", ".css"):
                    found.setdefault(f"/voila/labextensions/{name}/static/{file.name}")
    return list(found)


async def warm(
    files: StaticFiles, backend: str, url: Callable[[str], str], uris: list[str]
) -> int:
    """Fetch (from ``url(uri)``) and keep each of ``uris`` not kept yet, one at a
    time, compressing off the event loop; returns how many were kept."""
    client = httpclient.AsyncHTTPClient()
    loop = asyncio.get_running_loop()
    count = 0
    for uri in uris:
        if files.get(backend, uri) is not None:
            continue
        try:
            answer = await client.fetch(url(uri), raise_error=False)
        except OSError:
            return count  # Voila stopped: the server is going down
        if answer.code != 200:
            continue
        headers = [(k, v) for k, v in answer.headers.get_all() if k.lower() in _KEPT]
        found = await loop.run_in_executor(None, keep, headers, answer.body or b"")
        files.put(backend, uri, found)
        count += 1
    return count
