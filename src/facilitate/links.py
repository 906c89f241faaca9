"""The links a facilitator hands out: participant join link and console link."""

from __future__ import annotations

import socket
from urllib.parse import urlencode

from facilitate.sessions import SessionInfo

RENDER_PATH = "/voila/render"


def base_url(host: str, port: int) -> str:
    """The address people in the room should type; 0.0.0.0 means this machine's."""
    if host in ("0.0.0.0", "::", ""):  # noqa: S104 - reading, not binding
        try:
            host = socket.gethostbyname(socket.gethostname())
        except OSError:
            host = "127.0.0.1"
    return f"http://{host}:{port}"


def participant_link(base: str, session: SessionInfo) -> str:
    query = urlencode({"code": session.code})
    return f"{base.rstrip('/')}{RENDER_PATH}/participant.ipynb?{query}"


def facilitator_link(base: str, session: SessionInfo, notebook: str = "console") -> str:
    """A facilitator-only workbook link, carrying the session's key."""
    query = urlencode({"code": session.code, "key": session.key})
    return f"{base.rstrip('/')}{RENDER_PATH}/{notebook}.ipynb?{query}"
