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

Pages come from the one page table (``core.page_table``): a page open to anyone
with the link is served by the room's Voila, any other behind its gate under
``/lead``. The room's address itself leads to the join page, and a session code
right after it (``/ABCDEF``, any case) straight into that session: the short
link the projected screen shows. Only a segment shaped like a session code is
taken for one, and the front door looks it up before sending anyone on, so
neither ``/favicon.ico`` nor a mistyped code starts a kernel.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from facilitate.core.links import LEAD_PREFIX, RENDER_PATH
from facilitate.core.page_table import PageTable, page_table
from facilitate.core.pages import Page
from facilitate.core.sessions import CODE_ALPHABET, CODE_LENGTH
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
#: A session code as people type it after the room's address, in any case.
SESSION_CODE = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}", re.IGNORECASE)


class Kind(enum.Enum):
    """What a path names, once spelled canonically."""

    HOME = "home"  #: the room's address, and ``/lead``: sent to the join page
    JOIN = "join"  #: the room's address and a session code: sent into that session
    PAGE = "page"  #: a workbook: a kernel starts once it is let through
    STATIC = "static"  #: a file Voila serves unchanged (scripts, styles, fonts)
    KERNEL = "kernel"  #: a kernel's own address: its state, or its websocket
    UNKNOWN = "unknown"  #: anything else, refused at the door


def served_pages() -> PageTable:
    """The table of the pages this installation serves."""
    return page_table()


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
    #: The session code, upper-cased, for a join by code.
    code: str = ""
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
    if not lead and len(rest) == 1 and SESSION_CODE.fullmatch(rest[0]):
        return Route(Kind.JOIN, path, code=rest[0].upper())
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
