"""Every link to a workbook is built here, with its query values URL-encoded.

The terminal prints links from the server's address; pages build links to the
workbooks served beside them from the address the browser reported. Both go
through ``workbook_link`` so a code or key can never break a link.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlencode

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


def participant_link(base: str, session: SessionInfo) -> str:
    return workbook_link(render_folder(base), "participant", code=session.code)


def join_page_link(base: str) -> str:
    """The join page without a code: what people type, then the code on screen."""
    return workbook_link(render_folder(base), "participant")


def compare_link(base: str, sessions: Sequence[SessionInfo]) -> str:
    """The keyed comparison page for ``sessions``: ``rooms=CODE:KEY,CODE:KEY``."""
    rooms = ",".join(f"{s.code}:{s.key}" for s in sessions)
    return workbook_link(lead_folder(base), "compare", rooms=rooms)


def facilitator_link(base: str, session: SessionInfo, notebook: str = "remote") -> str:
    """A facilitator-only workbook link, carrying the session's key."""
    return workbook_link(
        lead_folder(base), notebook, code=session.code, key=session.key
    )


def display_link(base: str, session: SessionInfo, token: str) -> str:
    """The projector's link: the session and a view-only token, never the key."""
    return workbook_link(lead_folder(base), "display", code=session.code, view=token)
