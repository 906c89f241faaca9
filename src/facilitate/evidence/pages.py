"""The evidence pack's pages, declared for the server's one page table.

The pack and the old reflection signpost need the session's facilitator key; a
colleague's feedback page opens with its one-time link instead, checked here by
the front door before any kernel starts for it.
"""

from __future__ import annotations

from collections.abc import Mapping

from facilitate.core.pages import Page
from facilitate.core.store.base import EventStore
from facilitate.evidence.colleague import (
    COLLEAGUE_NOTEBOOK,
    INVITE_PARAMETER,
    open_link,
)


def colleague_gate(store: EventStore, query: Mapping[str, str]) -> None:
    """A colleague's one-time feedback link, unused so far."""
    open_link(store, query.get("code", ""), query.get(INVITE_PARAMETER, ""))


PAGES = (
    Page(
        "evidence.ipynb",
        remote="Leader's evidence pack (reflection, context, colleague feedback)",
    ),
    Page("reflection.ipynb"),
    Page(COLLEAGUE_NOTEBOOK, gate=f"{__name__}:colleague_gate"),
)
