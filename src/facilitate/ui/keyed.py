"""What every facilitator-only page shares: open only with the session's key.

The remote, the tracker and the leader's reflection all wait for the address
(from Voila's environment when the kernel was started for this request, else from
the browser), check the key, and otherwise show one refusal sentence and nothing
of the session. Building a page never shows a traceback: a store that cannot open
becomes one sentence too. Once the session is deleted, an open page says it has
ended and stops following it. The team page is gated the same way, by the
team's code and key: ``KeyedGate`` is the gate for any keyed log.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Generic, Protocol, TypeVar

import ipywidgets as widgets

from facilitate.core.config import Config
from facilitate.core.errors import FacilitateError
from facilitate.core.keyed_log import InfoT, KeyedLog
from facilitate.core.sessions import SESSIONS, SessionInfo
from facilitate.core.store import EventStore, open_store
from facilitate.ui.browser import BrowserContext
from facilitate.ui.widgets import ErrorPage, error_page, heading, say


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


class KeyedGate(Generic[InfoT]):
    """Mixin for dataclass pages with ``store``, ``browser``, ``root``, ``refused``
    and ``status``, opened by the code and key of one kind of ``log``.

    Subclasses name the ``log``, hold what it opened (``opened`` and
    ``remember``), and implement ``open(code, key)``.
    """

    title = "Facilitator page"
    log: ClassVar[KeyedLog[Any]]
    store: EventStore
    browser: BrowserContext
    root: widgets.VBox
    refused: widgets.HTML
    status: widgets.HTML

    def open(self, code: str, key: Any) -> None:
        raise NotImplementedError

    def opened(self) -> InfoT | None:
        """The log this page shows, once its key was checked."""
        raise NotImplementedError

    def remember(self, found: InfoT | None) -> None:
        raise NotImplementedError

    def await_key(self) -> None:
        """Show "checking", then open as soon as the address is known."""
        self.browser.on_connect(self.address_known)
        self.root.children = [self.browser, self.status]
        say(self.status, f"Checking the {self.log.key_name}…")
        query = self.browser.environment_query()
        if query.get(self.log.query):
            self.open(query[self.log.query], query.get("key"))

    def address_known(self) -> None:
        """The browser reported its address: open now unless already open."""
        if self.opened() is None:
            query = self.browser.query
            self.open(str(query.get(self.log.query, "")), query.get("key"))

    def ended(self) -> bool:
        """True (and the page says it ended) once the log has been deleted."""
        found = self.opened()
        if found is None or not self.store.is_deleted(found.code):
            return False
        self.remember(None)
        self.refuse(self.log.ended(), "info")
        return True

    def unlock(self, code: str, key: Any) -> InfoT | None:
        """What the code opens if ``key`` is its key; else show the refusal."""
        try:
            found: InfoT = self.log.unlock(self.store, code, key)
        except FacilitateError as error:
            self.refuse(error, "error")
            return None
        self.remember(found)
        return found

    def refuse(self, error: FacilitateError, tone: str) -> None:
        """One sentence under the page's title, and nothing of the log."""
        say(self.refused, str(error), tone)
        self.root.children = [self.browser, heading(self.title), self.refused]


class KeyedPage(KeyedGate[SessionInfo]):
    """A facilitator page of one session: it holds the ``session`` it opened."""

    log = SESSIONS
    session: SessionInfo | None

    def opened(self) -> SessionInfo | None:
        return self.session

    def remember(self, found: SessionInfo | None) -> None:
        self.session = found
