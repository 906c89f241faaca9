"""The poll's own facilitator page (``poll.ipynb`` beside it): the released counts.

It opens only with the session's facilitator key, as every page declared without
a credential of its own: the front door refuses a keyless visitor before any
kernel starts, and the page checks the key again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from facilitate.core.config import Config
from facilitate.core.group_size import release_k
from facilitate.core.roster import roster_of
from facilitate.core.sessions import SessionInfo
from facilitate.core.store import EventStore
from facilitate.core.text import escape
from facilitate.ui.browser import BrowserContext
from facilitate.ui.keyed import KeyedPage, build_page
from facilitate.ui.widgets import ErrorPage, heading, message
from tests.activities.poll.content import load_poll
from tests.activities.poll.views import released_counts


@dataclass
class PollResults(KeyedPage):
    title = "Quick poll"

    store: EventStore
    browser: BrowserContext = field(default_factory=BrowserContext)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    refused: widgets.HTML = field(default_factory=lambda: message("fc-refused"))
    status: widgets.HTML = field(default_factory=lambda: message("fc-poll-status"))
    counts: widgets.HTML = field(default_factory=lambda: message("fc-poll-results"))
    session: SessionInfo | None = None

    def start(self) -> None:
        self.await_key()

    def open(self, code: str, key: Any) -> None:
        session = self.unlock(code, key)
        if session is None:
            return
        records = self.store.read(session.code)
        shown = released_counts(records, release_k(roster_of(records), session))
        labels = {choice.key: choice.label for choice in load_poll().choices}
        self.counts.value = "".join(
            f"<p>{escape(labels[answer])}: {'fewer than k' if n is None else n}</p>"
            for answer, n in shown.items()
        )
        self.root.children = [
            self.browser,
            heading(f"Quick poll: {session.title}", "fc-session-title"),
            self.counts,
        ]


def poll_results(config: Config | None = None) -> PollResults | ErrorPage:
    return build_page(lambda store: PollResults(store=store), config)
