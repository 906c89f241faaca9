"""Every link to a workbook is built here, with its query values URL-encoded.

The terminal prints links from the server's address; pages build links to the
workbooks served beside them from the address the browser reported. Both go
through ``workbook_link`` so a code or key can never break a link, and a page's
link is found in the one page table (``core.page_table``), which says whether
the room's Voila serves it or the facilitator's under ``/lead``.

People join by the shortest address that works: the room's address alone
opens the join page, and the address followed by the session code goes
straight into the session (the front door sends both on to the join page).
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

from facilitate.core.page_table import page_table
from facilitate.core.sessions import SessionInfo

RENDER_PATH = "/voila/render"
#: Facilitator pages are served under this prefix (a Voila of their own).
LEAD_PREFIX = "/lead"


def workbook_link(folder_url: str, notebook: str, **params: str) -> str:
    """``folder_url/notebook.ipynb?params``; ``folder_url`` may be empty (relative)."""
    name = notebook if notebook.endswith(".ipynb") else f"{notebook}.ipynb"
    query = urlencode({key: value for key, value in params.items() if value})
    prefix = f"{folder_url.rstrip('/')}/" if folder_url else ""
    return f"{prefix}{name}" + (f"?{query}" if query else "")


def render_folder(base: str) -> str:
    """Where Voila serves the workbooks under the server's address."""
    return f"{base.rstrip('/')}{RENDER_PATH}"


def lead_folder(base: str) -> str:
    """Where the facilitator's pages (display, remote, leader pages) are served."""
    return render_folder(f"{base.rstrip('/')}{LEAD_PREFIX}")


def page_link(base: str, notebook: str, **params: str) -> str:
    """A link to the declared page ``notebook``, under ``/lead`` unless it is open."""
    page = page_table().named(notebook)
    folder = lead_folder(base) if page.lead else render_folder(base)
    return workbook_link(folder, page.name, **params)


def participant_link(base: str, session: SessionInfo) -> str:
    """Straight into the session: the room's address and its code."""
    return f"{base.rstrip('/')}/{session.code}"


def join_page_link(base: str) -> str:
    """The join page without a code: the room's address alone, as people type it
    before the code on screen (the front door sends ``/`` to the join page)."""
    return base.rstrip("/")


def compare_link(base: str, sessions: Sequence[SessionInfo]) -> str:
    """The keyed comparison page for ``sessions``: ``rooms=CODE:KEY,CODE:KEY``."""
    rooms = ",".join(f"{s.code}:{s.key}" for s in sessions)
    return page_link(base, "compare", rooms=rooms)


def facilitator_link(base: str, session: SessionInfo, notebook: str = "remote") -> str:
    """A facilitator-only workbook link, carrying the session's key."""
    return page_link(base, notebook, code=session.code, key=session.key)


def display_link(base: str, session: SessionInfo, token: str) -> str:
    """The projector's link: the session and a view-only token, never the key."""
    return page_link(base, "display", code=session.code, view=token)
