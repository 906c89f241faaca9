"""The comparison page's gate: every room compared opens with its own key.

The page shows several rooms at once, so one session's key is not enough: the
link carries each room's code with its key, and the front door checks them all
before any kernel starts for it.
"""

from __future__ import annotations

from collections.abc import Mapping

from facilitate.core.errors import AccessRefused
from facilitate.core.sessions import check_key, find_session
from facilitate.core.store.base import EventStore


def compare_gate(store: EventStore, query: Mapping[str, str]) -> None:
    """Every room's own facilitator key, given as ``rooms=CODE:KEY,CODE:KEY``."""
    pairs = [part.partition(":") for part in query.get("rooms", "").split(",")]
    if not any(code for code, _, _ in pairs):
        raise AccessRefused()
    for code, _, key in pairs:
        check_key(find_session(store, code), key)
