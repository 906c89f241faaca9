"""What every facilitator-only page shares: open only with the session's key.

The remote, the tracker and the leader's reflection all wait for the address
(from Voila's environment when the kernel was started for this request, else from
the browser), check the key, and otherwise show one refusal sentence and nothing
of the session. Building a page never shows a traceback: a store that cannot open
becomes one sentence too. Once the session is deleted, an open page says it has
ended and stops following it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import ipywidgets as widgets

from facilitate.core.config import Config
from facilitate.core.errors import FacilitateError, SessionEnded
from facilitate.core.sessions import SessionInfo, check_key, find_session
from facilitate.core.store import EventStore, open_store
from facilitate.ui.browser import BrowserContext
from facilitate.ui.widgets import ErrorPage, error_page, heading, say

CHECKING = "Checking the facilitator key…"


class Startable(Protocol):
    def start(self) -> None: ...


PageT = TypeVar("PageT", bound=Startable)


def build_page(
    make: Callable[[EventStore], PageT], config: Config | None = None
) -> PageT | ErrorPage:
    """Open the store and start the page, or show why it cannot start."""
    try:
        config = config or Config.from_environ()
        page = make(open_store(config))
        page.start()
    except FacilitateError as error:
        return error_page(error)
    return page


class KeyedPage:
    """Mixin for dataclass pages with ``store``, ``browser``, ``root``, ``refused``,
    ``status`` and ``session``; subclasses implement ``open(code, key)``."""

    title = "Facilitator page"
    store: EventStore
    browser: BrowserContext
    root: widgets.VBox
    refused: widgets.HTML
    status: widgets.HTML
    session: SessionInfo | None

    def open(self, code: str, key: Any) -> None:
        raise NotImplementedError

    def await_key(self) -> None:
        """Show "checking", then open as soon as the address is known."""
        self.browser.on_connect(self.address_known)
        self.root.children = [self.browser, self.status]
        say(self.status, CHECKING)
        query = self.browser.environment_query()
        if query.get("code"):
            self.open(query["code"], query.get("key"))

    def address_known(self) -> None:
        """The browser reported its address: open now unless already open."""
        if self.session is None:
            query = self.browser.query
            self.open(str(query.get("code", "")), query.get("key"))

    def ended(self) -> bool:
        """True (and the page says the session ended) once it has been deleted."""
        if self.session is None or not self.store.is_deleted(self.session.code):
            return False
        self.session = None
        say(self.refused, str(SessionEnded()), "info")
        self.root.children = [self.browser, heading(self.title), self.refused]
        return True

    def unlock(self, code: str, key: Any) -> SessionInfo | None:
        """The session if ``key`` is its facilitator key; else show the refusal."""
        try:
            session = find_session(self.store, code)
            check_key(session, key)
        except FacilitateError as error:
            say(self.refused, str(error), "error")
            self.root.children = [self.browser, heading(self.title), self.refused]
            return None
        self.session = session
        return session
