"""``reflection.ipynb``: where the leader's reflection used to be, a signpost now.

Old links (bookmarks, the console of an earlier version) still land somewhere
useful: with the facilitator key the page says the reflection is now Part 4 of the
evidence pack and links there; without it, the usual refusal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from facilitate.core.config import Config
from facilitate.core.sessions import SessionInfo
from facilitate.core.store import EventStore
from facilitate.core.text import escape
from facilitate.ui.browser import BrowserContext
from facilitate.ui.keyed import KeyedPage, build_page
from facilitate.ui.widgets import ErrorPage, heading, message, styled

EVIDENCE_NOTEBOOK = "evidence.ipynb"


@dataclass
class ReflectionPointer(KeyedPage):
    title = "Leader reflection"

    store: EventStore
    browser: BrowserContext = field(default_factory=BrowserContext)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    refused: widgets.HTML = field(default_factory=lambda: message("fc-refused"))
    status: widgets.HTML = field(default_factory=lambda: message("fc-pointer-status"))
    link: widgets.HTML = field(default_factory=lambda: message("fc-evidence-link"))
    session: SessionInfo | None = None

    def start(self) -> None:
        self.await_key()

    def open(self, code: str, key: Any) -> None:
        session = self.unlock(code, key)
        if session is None:
            return
        url = self.browser.page_url(EVIDENCE_NOTEBOOK, code=session.code, key=str(key))
        self.link.value = (
            "<p>The leader's reflection is now Part 4 of the evidence pack for the "
            "Purposeful Collaboration micro-credential, beside the context, the work "
            "examples, colleague feedback and the scoring guide.</p>"
            f'<p><a href="{escape(url)}">Open the evidence pack</a></p>'
        )
        self.root.children = [
            self.browser,
            heading(f"Leader reflection: {session.title}", "fc-session-title"),
            styled(self.link, "fc-pointer"),
        ]


def reflection_pointer(config: Config | None = None) -> ReflectionPointer | ErrorPage:
    return build_page(lambda store: ReflectionPointer(store=store), config)
