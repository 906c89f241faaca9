"""The old console's address: now a signpost to the display and the remote.

The console used to be projected, key and all. It is now two pages: the display
for the projector (view-only, no key) and the remote for the facilitator's own
device. Links to it still work, behind the key, and say where to go instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from facilitate.core.config import Config
from facilitate.core.links import display_link, facilitator_link
from facilitate.core.sessions import SessionInfo, display_token
from facilitate.core.store import EventStore
from facilitate.core.text import escape
from facilitate.ui.browser import BrowserContext
from facilitate.ui.keyed import KeyedPage, build_page
from facilitate.ui.widgets import ErrorPage, heading, message, say, styled

MOVED = (
    "The console is now two pages: the display, for the projector (it shows "
    "results and carries no key), and the remote, for your own laptop, tablet "
    "or phone (it moves the phases and reveals results)."
)


@dataclass
class ConsolePage(KeyedPage):
    """Named widgets: ``signpost`` (the two links) and ``status``."""

    title = "Facilitator console"
    store: EventStore
    browser: BrowserContext = field(default_factory=BrowserContext)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    refused: widgets.HTML = field(default_factory=lambda: message("fc-refused"))
    status: widgets.HTML = field(default_factory=lambda: message("fc-status"))
    signpost: widgets.HTML = field(default_factory=lambda: message("fc-signpost"))
    session: SessionInfo | None = None

    def start(self) -> None:
        self.await_key()

    def address_known(self) -> None:
        if self.session is not None:
            self.show_links(self.session)
        else:
            super().address_known()

    def open(self, code: str, key: Any) -> None:
        session = self.unlock(code, key)
        if session is None:
            return
        say(self.status, "")
        self.root.children = [
            self.browser,
            heading(session.title, "fc-session-title"),
            styled(widgets.HTML(f"<p>{escape(MOVED)}</p>"), "fc-moved"),
            self.signpost,
            self.status,
        ]
        self.show_links(session)

    def show_links(self, session: SessionInfo) -> None:
        base = self.browser.origin
        if not base:
            return
        remote = facilitator_link(base, session, "remote")
        shown = display_link(base, session, display_token(self.store, session))
        self.signpost.value = (
            '<ul class="fc-signpost-links">'
            f'<li><a class="fc-go-remote" href="{escape(remote)}">Open the remote</a>'
            " on this device</li>"
            f'<li><a class="fc-go-display" href="{escape(shown)}" target="_blank" '
            'rel="noopener">Open the display</a> on the projector</li></ul>'
        )


def console_page(config: Config | None = None) -> ConsolePage | ErrorPage:
    """The signpost page; it opens once the facilitator key has been checked."""
    return build_page(lambda store: ConsolePage(store=store), config)
