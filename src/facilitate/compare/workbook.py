"""The keyed comparison page (``compare.ipynb``): each room opened by its own key.

The address names the rooms as ``rooms=CODE:KEY,CODE:KEY``: the same key that
opens each session's remote, so whoever may see each room's summary may see
them side by side, and no new secret (a district key) has to be made, handed
out or revoked. ``facilitate compare CODE CODE --link`` prints the address; a
missing or wrong key shows one refusal sentence and nothing of any room.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import ipywidgets as widgets

from facilitate.compare.comparison import compare_rooms
from facilitate.compare.page import comparison_fragment
from facilitate.compare.rooms import check_count, room_of
from facilitate.core.comparison import Room
from facilitate.core.config import Config
from facilitate.core.errors import FacilitateError, InvalidInput
from facilitate.core.sessions import check_key, find_session
from facilitate.core.store import EventStore, open_store
from facilitate.ui.browser import BrowserContext
from facilitate.ui.widgets import ErrorPage, error_page, message, say

CHECKING = "Checking the facilitator keys…"
HOW = (
    "Give the rooms to compare in the address as rooms=CODE:KEY,CODE:KEY; "
    "facilitate compare CODE CODE --link prints it."
)


def parse_rooms(raw: object) -> list[tuple[str, str]]:
    """``CODE:KEY,CODE:KEY`` as pairs; anything else is one sentence saying how."""
    pairs = []
    for part in str(raw or "").split(","):
        code, colon, key = part.strip().partition(":")
        if part.strip() and (not colon or not code or not key):
            raise InvalidInput(f"'{part.strip()[:20]}' is not CODE:KEY. {HOW}")
        if part.strip():
            pairs.append((code, key))
    if not pairs:
        raise InvalidInput(HOW)
    check_count(len({code.upper() for code, _ in pairs}))
    return pairs


def unlock_rooms(store: EventStore, pairs: list[tuple[str, str]]) -> list[Room]:
    """Every room, if every key is its session's facilitator key; else refuse."""
    rooms: list[Room] = []
    for code, key in pairs:
        session = find_session(store, code)
        check_key(session, key)
        if session.code not in {room.session.code for room in rooms}:
            rooms.append(room_of(session, store.read(session.code)))
    return rooms


@dataclass
class ComparePage:
    """Named widgets: ``root``, ``status`` and ``view`` (the comparison)."""

    store: EventStore
    browser: BrowserContext = field(default_factory=BrowserContext)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    status: widgets.HTML = field(default_factory=lambda: message("fc-status"))
    view: widgets.HTML = field(default_factory=lambda: message("fc-compare"))
    opened: bool = False

    def start(self) -> None:
        self.browser.on_connect(self.address_known)
        self.root.children = [self.browser, self.status]
        say(self.status, CHECKING)
        query = self.browser.environment_query()
        if query.get("rooms"):
            self.open(query["rooms"])

    def address_known(self) -> None:
        if not self.opened:
            self.open(self.browser.query.get("rooms", ""))

    def open(self, raw: object) -> None:
        try:
            rooms = unlock_rooms(self.store, parse_rooms(raw))
            self.view.value = comparison_fragment(compare_rooms(rooms))
        except FacilitateError as error:
            say(self.status, str(error), "error")
            return
        self.opened = True
        say(self.status, "")
        self.root.children = [self.browser, self.view, self.status]


def compare_page(config: Config | None = None) -> ComparePage | ErrorPage:
    """Build the page for this kernel; it opens once every key has been checked."""
    try:
        page = ComparePage(store=open_store(config or Config.from_environ()))
        page.start()
    except FacilitateError as error:
        return error_page(error)
    return page
