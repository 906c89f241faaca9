"""The projected display: what the whole room reads, and nobody touches.

Opened with the session code and the view-only display token (never the
facilitator key), it can show released aggregates and nothing else: it has no
buttons, inputs or links, and its panels get a reader, not the store, so no
message a browser sends can change the session. Replacing the token on the
remote closes a display opened with the old one.

Speed: plotly.js is fetched once the opened display is idle, so the first reveal
draws at once; every phase's panel is imported when the warm kernel starts and built
when the display opens (the current phase's first, so the room sees its screen
at once, the others a moment later), and all of them stay on the page, stacked;
a phase change only moves the "current" mark, so the new panel is already drawn.
Hidden panels keep their layout (they are invisible, not removed), so their
charts are drawn at their true size.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from facilitate.core import language
from facilitate.core.agenda import current_agenda
from facilitate.core.config import Config
from facilitate.core.errors import DisplayRefused, FacilitateError, SessionEnded
from facilitate.core.events import DisplayTokenIssued, Recorded
from facilitate.core.roster import Roster
from facilitate.core.sessions import SessionInfo, check_display_token, find_session
from facilitate.core.store import EventStore
from facilitate.core.text import escape
from facilitate.ui.browser import BrowserContext
from facilitate.ui.chart_warmup import warm_charts
from facilitate.ui.contexts import DisplayContext, ReadOnly
from facilitate.ui.display_language import room_language
from facilitate.ui.join_screen import JoinScreen
from facilitate.ui.keyed import build_page
from facilitate.ui.live import CONSOLE_INTERVAL, keep_polling, news_of
from facilitate.ui.live_chart import PlotlyPreload
from facilitate.ui.screen import Screen
from facilitate.ui.widgets import ErrorPage, message, say, styled

log = logging.getLogger(__name__)
#: Seconds after opening before the other phases' panels are built: the browser
#: draws the current screen first instead of every panel at once.
REST_AFTER_SECONDS = 1.0
OPENING = "Opening the display…"
PANEL_FAILED = "The {phase} screen could not be shown. Everyone can still answer."
CURRENT = "fc-current"


@dataclass
class Slot:
    """One phase's place on the display: its panel (None if it has none)."""

    phase: str
    box: widgets.Box
    panel: Any = None
    built: bool = False


@dataclass
class DisplayPage:
    """Named widgets: ``root`` (``.fc-display``), ``join`` (welcome and badge),
    ``stage`` (``.fc-display-panel``, every phase's panel stacked) and ``status``."""

    store: EventStore
    browser: BrowserContext = field(default_factory=BrowserContext)
    screen: Screen = field(default_factory=Screen)
    root: widgets.VBox = field(
        default_factory=lambda: styled(widgets.VBox(), "fc-display")
    )
    status: widgets.HTML = field(default_factory=lambda: message("fc-status"))
    refused: widgets.HTML = field(default_factory=lambda: message("fc-refused"))
    join: JoinScreen = field(default_factory=JoinScreen)
    stage: widgets.Box = field(
        default_factory=lambda: styled(widgets.Box(), "fc-display-panel")
    )
    session: SessionInfo | None = None
    token: str = ""
    roster: Roster = field(default_factory=Roster)
    records: list[Recorded] = field(default_factory=list)
    slots: dict[str, Slot] = field(default_factory=dict)
    current: str = ""
    pending_size: tuple[int, int] | None = None
    poller: Any = None
    context: DisplayContext | None = None
    speaking: str = language.SOURCE

    def start(self) -> None:
        self.browser.on_connect(self.connected)
        self.browser.observe(self.resized, "viewport")
        self.root.children = [self.browser, self.status]
        say(self.status, OPENING)
        query = self.browser.environment_query()
        if query.get("code"):
            self.open(query["code"], query.get("view"), "key" in query)

    def connected(self) -> None:
        """The page reported its address: open now, or fit the join link to it."""
        query = self.browser.query
        if self.session is None:
            self.open(str(query.get("code", "")), query.get("view"), "key" in query)
        elif self.browser.origin:
            self.join.show(self.session, self.browser.origin)

    def resized(self, change: dict[str, Any]) -> None:
        """Note the browser's new size; the next refresh fits the charts to it.

        Charts are redrawn by the polling task rather than inside the browser's
        message, so a burst of resize messages costs one redraw.
        """
        size = change["new"]
        if isinstance(size, list) and len(size) == 2:
            self.pending_size = (int(size[0]), int(size[1]))

    def open(self, code: str, view: Any, carries_key: bool = False) -> None:
        """Show the display if ``view`` is the session's display token."""
        try:
            session = find_session(self.store, code)
            if carries_key:
                raise DisplayRefused()
            check_display_token(
                self.store, session, None if view is None else str(view)
            )
        except FacilitateError as error:
            self.refuse(str(error))
            return
        self.session, self.token = session, str(view)
        if self.browser.origin:
            self.join.show(session, self.browser.origin)
        self.build(session)
        self.root.children = [
            self.browser,
            PlotlyPreload(),
            self.join.badge,
            styled(widgets.Box([self.join.welcome, self.stage]), "fc-display-stage"),
            self.status,
        ]
        say(self.status, "")
        self.refresh()
        _soon(self.build_rest)
        if self.poller is None:
            news = news_of(self.store, session.code)
            self.poller = keep_polling(self.refresh, CONSOLE_INTERVAL, news)

    def refuse(self, sentence: str, tone: str = "error") -> None:
        say(self.refused, sentence, tone)
        self.root.children = [self.browser, self.refused]
        self.session = None
        if self.poller is not None:
            self.poller.cancel()
            self.poller = None

    def build(self, session: SessionInfo) -> None:
        """A place for every phase's panel; panels are built as they are needed."""
        self.context = DisplayContext(ReadOnly(self.store), session, self.screen)
        for phase in current_agenda().phases:
            box = styled(widgets.Box(), "fc-panel-slot", f"fc-slot-{phase.key}")
            self.slots[phase.key] = Slot(phase.key, box)
        self.stage.children = [slot.box for slot in self.slots.values()]

    def build_panel(self, slot: Slot) -> None:
        """Build one phase's panel (once); a failure shows a sentence instead."""
        if slot.built or self.context is None:
            return
        slot.built = True
        agenda = current_agenda()
        spec = agenda.activity_for_phase(slot.phase)
        try:
            if spec is not None and spec.display is not None:
                slot.panel = spec.display.load()(self.context)
                slot.box.children = [slot.panel.root]
        except Exception:
            log.exception("the %s panel could not be built", slot.phase)
            slot.box.children = [self.failed(agenda.phase(slot.phase).title)]

    def build_rest(self) -> None:
        """Build the panels not yet built, and draw each once with what the log
        holds, so any phase change is instant (the first one too)."""
        if self.session is None:
            return
        for slot in self.slots.values():
            if not slot.built:
                self.build_panel(slot)
                if slot.phase != self.current:
                    self.refresh_panel(slot)

    @staticmethod
    def failed(title: str) -> widgets.HTML:
        return styled(
            widgets.HTML(f"<h2>{escape(PANEL_FAILED.format(phase=title))}</h2>"),
            "fc-panel-failed",
        )

    def refresh(self) -> None:
        """Fold in what is new, follow the phase, and refresh the panel shown."""
        if self.session is None:
            return
        if self.pending_size is not None:
            self.screen.resize(*self.pending_size)
            self.pending_size = None
        language.use(self.speaking)
        new = self.store.read(self.session.code, after=self.roster.last_id)
        if not new and self.store.is_deleted(self.session.code):
            self.refuse(str(SessionEnded()), "info")
            return
        if new:
            self.records.extend(new)
            self.roster.apply(new)
            self.speak_room_language()
            self.join.count_people(self.roster.count)
            if any(isinstance(r.event, DisplayTokenIssued) for r in new):
                self.recheck_token()
                if self.session is None:
                    return
        elif self.current:
            slot = self.slots.get(self.current)
            if slot is None or not getattr(slot.panel, "ticks", False):
                return
        self.follow_phase()
        self.refresh_panel(self.slots.get(self.current))
        self.show_welcome()

    def speak_room_language(self) -> None:
        """Speak the language the room chose; built panels are built again in it."""
        wanted = room_language(self.roster)
        if wanted == self.speaking or self.session is None:
            return
        self.speaking = wanted
        language.use(wanted)
        self.browser.language = wanted.split("+")[0]
        self.join.drawn = None
        if self.browser.origin:
            self.join.show(self.session, self.browser.origin)
        for slot in self.slots.values():
            if slot.built:
                slot.built, slot.panel = False, None
                self.build_panel(slot)

    def recheck_token(self) -> None:
        assert self.session is not None
        try:
            check_display_token(self.store, self.session, self.token)
        except FacilitateError as error:
            self.refuse(str(error))

    def follow_phase(self) -> None:
        """Move the "current" mark to the roster's phase (a class change only)."""
        phase = current_agenda().phase(self.roster.phase).key
        if phase == self.current:
            return
        old = self.slots.get(self.current)
        if old is not None:
            old.box.remove_class(CURRENT)
        self.current = phase
        new = self.slots.get(phase)
        if new is not None:
            self.build_panel(new)
            new.box.add_class(CURRENT)

    def refresh_panel(self, slot: Slot | None) -> None:
        if slot is None or slot.panel is None:
            return
        try:
            slot.panel.refresh(self.roster, self.records)
        except Exception:
            log.exception("the %s panel could not be refreshed", slot.phase)
            title = current_agenda().phase(slot.phase).title
            slot.box.children = [self.failed(title)]
            slot.panel = None

    def show_welcome(self) -> None:
        """The join screen fills the display in the first phase until its results
        are shown; after that a corner badge keeps the code in sight."""
        agenda = current_agenda()
        first = agenda.activity_for_phase(agenda.first_phase)
        welcome = self.current == agenda.first_phase and not (
            first is not None and self.roster.revealed.get(first.key, False)
        )
        for widget, shown in ((self.join.welcome, welcome), (self.stage, not welcome)):
            if shown:
                widget.add_class(CURRENT)
            else:
                widget.remove_class(CURRENT)
        if welcome:
            self.root.add_class("fc-welcoming")
        else:
            self.root.remove_class("fc-welcoming")


def _soon(action: Callable[[], None]) -> None:
    """Run ``action`` shortly on the kernel's loop (at once where none runs)."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        action()
        return
    loop.call_later(REST_AFTER_SECONDS, action)


def display_page(config: Config | None = None) -> DisplayPage | ErrorPage:
    """Build the display; it opens once the view-only token has been checked.

    Every panel's module is imported now, and one chart of each kind drawn
    (``chart_warmup``), so a warm kernel has paid for pandas and plotly before
    anyone opens the page; the panels are built on opening.
    """
    current_agenda().loaded("display")
    warm_charts()
    return build_page(lambda store: DisplayPage(store=store), config)
