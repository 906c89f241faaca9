"""What a request's path names, decided on one spelling of it, the one Voila gets.

Voila decodes and tidies a path before it looks for a notebook, so
``remote%2Eipynb``, ``./remote.ipynb``, ``//remote.ipynb``, ``x/../remote.ipynb``
and ``remote.ipynb/`` all opened the remote and started a kernel, while the front
door, matching the path as sent, took them for something else and let them
through unchecked. So the front door first brings every path to one spelling
(percent-decoded once, dot segments resolved, repeated and trailing slashes
dropped, a page's name matched whatever its case, since some file systems ignore
it), decides on that spelling alone, and forwards that spelling, never the one
sent. Anything that does not come to a known page, a file Voila serves unchanged
or a kernel's own address is refused here: nothing unknown reaches Voila.

Pages come from one table: every workbook in the served folder, open to anyone
with the link when ``gates.OPEN_PAGES`` says so (served by the room's Voila),
otherwise behind its gate (served under ``/lead``).
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from facilitate.core.links import LEAD_PREFIX, RENDER_PATH
from facilitate.core.paths import workbooks_dir
from facilitate.server.gates import OPEN_PAGES
from facilitate.server.statics import STATIC_PATH

#: Longer paths are refused unread: none of ours is a tenth of this.
LONGEST_PATH = 2048
#: The characters a segment of a path we serve may hold, once decoded. Anything
#: else (a space, ``%`` left by double encoding, a backslash, a control or
#: non-ASCII character such as a full-width dot) names nothing of ours.
_SEGMENT = re.compile(r"[A-Za-z0-9._~@+=,:!$&'()*;-]+")
#: Jupyter's kernel ids: a UUID in lower case.
KERNEL_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_LEAD = LEAD_PREFIX.strip("/").split("/")
_RENDER = RENDER_PATH.strip("/").split("/")
_KERNELS = ["api", "kernels"]


class Kind(enum.Enum):
    """What a path names, once spelled canonically."""

    HOME = "home"  #: the room's address, and ``/lead``: sent to the join page
    PAGE = "page"  #: a workbook: a kernel starts once it is let through
    STATIC = "static"  #: a file Voila serves unchanged (scripts, styles, fonts)
    KERNEL = "kernel"  #: a kernel's own address: its state, or its websocket
    UNKNOWN = "unknown"  #: anything else, refused at the door


@dataclass(frozen=True)
class Page:
    """One workbook the server serves."""

    name: str
    #: Anyone with the link may open it (the participant page); others are gated.
    open: bool

    @property
    def lead(self) -> bool:
        """Whether the facilitator's Voila (under ``/lead``) serves it."""
        return not self.open


class PageTable:
    """Every page, found by its name whatever the case of the name asked for."""

    def __init__(self, names: Iterable[str]) -> None:
        self._pages = {
            name.casefold(): Page(name, name in OPEN_PAGES) for name in names
        }

    def find(self, name: str) -> Page | None:
        return self._pages.get(name.casefold())

    @property
    def pages(self) -> tuple[Page, ...]:
        return tuple(self._pages.values())


def served_pages() -> PageTable:
    """The table of the workbooks this installation serves."""
    return PageTable(sorted(p.name for p in workbooks_dir().glob("*.ipynb")))


@dataclass(frozen=True)
class Route:
    """A request's path, decided: what it names and how Voila is asked for it."""

    kind: Kind
    #: The canonical spelling, as forwarded ("" when refused).
    path: str = ""
    #: Under ``/lead`` (the facilitator's Voila).
    lead: bool = False
    page: Page | None = None
    #: The kernel's id, for a kernel's address.
    kernel: str = ""
    #: The kernel's websocket (its ``/channels``), not its state.
    channels: bool = False


REFUSED = Route(Kind.UNKNOWN)


def canonical_segments(raw_path: str) -> list[str] | None:
    """The path's segments, decoded once and with dot segments resolved; None
    when the path cannot be one of ours (see ``_SEGMENT``) or climbs above root."""
    if len(raw_path) > LONGEST_PATH or not raw_path.startswith("/"):
        return None
    try:
        decoded = unquote_to_bytes(raw_path).decode("ascii")
    except UnicodeDecodeError:
        return None
    segments: list[str] = []
    for segment in decoded.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if not segments:
                return None
            segments.pop()
        elif _SEGMENT.fullmatch(segment):
            segments.append(segment)
        else:
            return None
    return segments


def route(raw_path: str, pages: PageTable) -> Route:
    """What ``raw_path`` (as sent, still percent-encoded) names."""
    segments = canonical_segments(raw_path)
    if segments is None:
        return REFUSED
    lead = segments[: len(_LEAD)] == _LEAD
    rest = segments[len(_LEAD) :] if lead else segments
    prefix = LEAD_PREFIX if lead else ""
    path = "/" + "/".join(segments)
    if not rest:
        return Route(Kind.HOME, path, lead)
    if rest[: len(_RENDER)] == _RENDER and len(rest) == len(_RENDER) + 1:
        page = pages.find(rest[-1])
        if page is None:
            return REFUSED
        return Route(Kind.PAGE, f"{prefix}{RENDER_PATH}/{page.name}", lead, page)
    if rest[:2] == _KERNELS and len(rest) in (3, 4) and KERNEL_ID.fullmatch(rest[2]):
        channels = rest[3:] == ["channels"]
        if len(rest) == 4 and not channels:
            return REFUSED
        return Route(Kind.KERNEL, path, lead, kernel=rest[2], channels=channels)
    if STATIC_PATH.match(path):
        return Route(Kind.STATIC, path, lead)
    return REFUSED
