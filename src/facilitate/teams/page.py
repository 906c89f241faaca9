"""The team's working page (``workbooks/team.ipynb``), live on every member's laptop.

Opened with the team link (the team key). Members open it on their own laptops
during the meeting; each page polls the log, so what one member records shows on
everyone's board and flags within a second or so, with no reload. The page works
at one meeting (the newest by default): forms record into it, and the board,
the flags and the equity lens are shown as of it.

It says plainly that the evidence is for discovery, not for judging, and what
leaves the team: counts and patterns only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from facilitate.core.config import Config
from facilitate.core.errors import InvalidInput
from facilitate.core.events import Event
from facilitate.core.store import EventStore
from facilitate.teams.board import board_at, timeline
from facilitate.teams.codes import TeamInfo
from facilitate.teams.content import FourQuestions, load_four_questions
from facilitate.teams.equity import equity_lens
from facilitate.teams.events import CycleOpened
from facilitate.teams.fields import set_options, student_options
from facilitate.teams.forms_students import (
    AreasForm,
    CompositionForm,
    StudentForm,
)
from facilitate.teams.forms_supports import CheckForm, SupportForm
from facilitate.teams.gate import TeamKeyedPage
from facilitate.teams.render import (
    STYLE,
    board_html,
    day,
    equity_html,
    flags_html,
    timeline_html,
)
from facilitate.teams.state import TeamState
from facilitate.ui.browser import BrowserContext
from facilitate.ui.keyed import build_page
from facilitate.ui.live import keep_polling
from facilitate.ui.record import record
from facilitate.ui.widgets import ErrorPage, button, heading, message, say, styled

TEAM_INTERVAL = 1.0
DISCOVERY = (
    "<p><strong>For discovery, not for judging.</strong> What the team records here "
    "is evidence about what helps each student, never a verdict on a colleague. "
    "Owners are shown on this page so the team knows who leads each support.</p>"
    "<p>Anything that leaves the team (the export, a leader's summary) carries "
    "team-level counts and patterns only: no teacher names next to student "
    "outcomes, and no student identifiers. Students are added by initials or a "
    "school ID, never a full name. Share this page's link only with the team: it "
    "carries the team key.</p>"
)
_FORMS = widgets.Layout(
    grid_template_columns="repeat(2, minmax(0, 1fr))", grid_gap="8px 32px"
)

Build = Callable[[TeamState, str | None], list[Event]]


def html(css_class: str, value: str = "") -> widgets.HTML:
    return styled(widgets.HTML(value), css_class)


@dataclass
class TeamPage(TeamKeyedPage):
    title = "Team page"

    store: EventStore
    content: FourQuestions = field(default_factory=load_four_questions)
    browser: BrowserContext = field(default_factory=BrowserContext)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    refused: widgets.HTML = field(default_factory=lambda: message("fc-refused"))
    status: widgets.HTML = field(default_factory=lambda: message("fc-status"))
    cycle: widgets.Dropdown = field(
        default_factory=lambda: styled(
            widgets.Dropdown(description="Meeting"), "fc-cycle"
        )
    )
    new_date: widgets.DatePicker = field(
        default_factory=lambda: styled(
            widgets.DatePicker(value=dt.date.today()), "fc-cycle-date"
        )
    )
    open_cycle: widgets.Button = field(
        default_factory=lambda: button("Open meeting", "fc-open-cycle", style="")
    )
    meeting_status: widgets.HTML = field(
        default_factory=lambda: message("fc-meeting-status")
    )
    board: widgets.HTML = field(default_factory=lambda: html("fc-board"))
    flags: widgets.HTML = field(default_factory=lambda: html("fc-flags"))
    who: widgets.Dropdown = field(
        default_factory=lambda: styled(
            widgets.Dropdown(description="Student"), "fc-timeline-student"
        )
    )
    timeline: widgets.HTML = field(default_factory=lambda: html("fc-timeline"))
    equity: widgets.HTML = field(default_factory=lambda: html("fc-equity"))
    students: StudentForm = field(default_factory=StudentForm)
    composition: CompositionForm = field(default_factory=CompositionForm)
    areas: AreasForm = field(init=False)
    supports: SupportForm = field(init=False)
    checks: CheckForm = field(init=False)
    team: TeamInfo | None = None
    state: TeamState = field(default_factory=TeamState)
    shown: tuple[int, Any, Any] = (-1, None, None)
    showing: bool = False
    poller: Any = None

    def __post_init__(self) -> None:
        self.areas = AreasForm(self.content)
        self.supports = SupportForm(self.content)
        self.checks = CheckForm(self.content)

    def start(self) -> None:
        self.open_cycle.on_click(lambda _: self.open_meeting())
        self.students.add.on_click(
            lambda _: self.save(
                self.students.events,
                self.students.status,
                "Student added.",
                self.students.done,
            )
        )
        self.areas.save.on_click(lambda _: self.save_areas())
        self.supports.add.on_click(
            lambda _: self.save(
                self.supports.events,
                self.supports.status,
                "Support added.",
                self.supports.done,
            )
        )
        self.supports.end.on_click(
            lambda _: self.save(
                self.supports.end_events, self.supports.status, "Support ended."
            )
        )
        self.checks.record.on_click(lambda _: self.save_check())
        self.composition.save.on_click(
            lambda _: self.save(
                lambda *_: self.composition.events(),
                self.composition.status,
                "Class count saved.",
                self.composition.done,
            )
        )
        for choice in (self.cycle, self.who):
            choice.observe(lambda _: self.show(), "value")
        for form in (self.areas, self.supports, self.checks):
            form.student.observe(lambda _: self.update_forms(), "value")
        self.await_key()

    def open(self, code: str, key: Any) -> None:
        """Show the team's page if ``key`` is the team key, else one sentence."""
        team = self.unlock(code, key)
        if team is None:
            return
        forms = styled(
            widgets.GridBox(
                [
                    self.students.root,
                    self.areas.root,
                    self.supports.root,
                    self.checks.root,
                ],
                layout=_FORMS,
            ),
            "fc-forms",
        )
        self.root.children = [
            self.browser,
            styled(
                widgets.VBox(
                    [
                        widgets.HTML(STYLE),
                        heading(team.title, "fc-team-title"),
                        html("fc-discovery", DISCOVERY),
                        widgets.HBox([self.cycle, self.new_date, self.open_cycle]),
                        self.meeting_status,
                        heading("Cycle board", level=3),
                        self.board,
                        heading("Flags", level=3),
                        self.flags,
                        forms,
                        heading("A student's timeline", level=3),
                        self.who,
                        self.timeline,
                        heading("Equity lens", level=3),
                        self.equity,
                        self.composition.root,
                        self.status,
                    ]
                ),
                "fc-team",
            ),
        ]
        say(self.status, "")
        self.refresh()
        if self.poller is None:
            self.poller = keep_polling(self.refresh, TEAM_INTERVAL)

    def current(self) -> str | None:
        return str(self.cycle.value) if self.cycle.value else None

    def refresh(self) -> None:
        """Fold in what is new from every member, then show it."""
        if self.team is None:
            return
        new = self.store.read(self.team.code, after=self.state.last_id)
        if not new and self.ended():
            return
        if new:
            self.state.apply(new)
        self.show()

    def show(self) -> None:
        """Bring options and views up to date; redraw only when something changed."""
        if self.team is None or self.showing:
            return
        self.showing = True
        try:
            self.follow_meetings()
            self.update_forms()
            latest = self.state.latest_cycle()
            set_options(self.who, student_options(self.state, latest))
            now = (self.state.last_id, self.current(), self.who.value)
            if now != self.shown:
                self.shown = now
                self.draw()
        finally:
            self.showing = False

    def follow_meetings(self) -> None:
        """Newest meeting first; a page on the newest moves on when one opens."""
        latest = self.state.latest_cycle()
        was_latest = self.cycle.value is None or self.cycle.value == (
            self.cycle.options[0][1] if self.cycle.options else None
        )
        options = [(day(c), c) for c in reversed(self.state.cycles)]
        set_options(self.cycle, options)
        if was_latest and latest is not None:
            self.cycle.value = latest

    def update_forms(self) -> None:
        cycle = self.current()
        self.students.update(self.state)
        self.areas.update(self.state, cycle)
        self.supports.update(self.state, cycle)
        self.checks.update(self.state, cycle)

    def draw(self) -> None:
        cycle = self.current()
        if cycle is None:
            say(
                self.meeting_status,
                "No meeting yet: choose today's date and press Open meeting.",
            )
            self.board.value = self.flags.value = self.equity.value = ""
            self.timeline.value = ""
            return
        say(self.meeting_status, f"Working on the meeting of {day(cycle)}.")
        board = board_at(self.state, cycle, self.content.area_order)
        self.board.value = board_html(board, self.content)
        self.flags.value = flags_html(board.flags, self.state, self.content)
        self.equity.value = equity_html(equity_lens(self.state, cycle))
        student = str(self.who.value or "")
        self.timeline.value = (
            timeline_html(timeline(self.state, student), self.content)
            if student
            else ""
        )

    def save(
        self,
        build: Build,
        status: widgets.HTML,
        saved: str,
        done: Callable[[], None] | None = None,
    ) -> list[Event] | None:
        """Record what ``build`` makes of the form, through the one guarded path."""
        if self.team is None:
            return None
        cycle = self.current()
        built: list[Event] = []

        def events() -> list[Event]:
            built.extend(build(self.state, cycle))
            return built

        if record(self.store, self.team.code, events, status, saved) is None:
            return None
        if done is not None:
            done()
        self.refresh()
        return built

    def save_areas(self) -> None:
        saved = self.save(self.areas.events, self.areas.status, "")
        if saved:
            say(self.areas.status, self.areas.saved(saved), "success")

    def save_check(self) -> None:
        before = self.state
        said: list[str] = []

        def build(state: TeamState, cycle: str | None) -> list[Event]:
            events = self.checks.events(state, cycle)
            said.append(self.checks.saved(before, events))
            return events

        if self.save(build, self.checks.status, "", self.checks.done):
            say(self.checks.status, said[0], "success")

    def open_meeting(self) -> None:
        """A new meeting on the chosen date; an existing date is simply selected."""
        if self.team is None:
            return
        date = self.new_date.value
        if date is not None and date.isoformat() in self.state.cycles:
            self.cycle.value = date.isoformat()
            say(self.meeting_status, f"The meeting of {day(date.isoformat())} is open.")
            return

        def opened() -> CycleOpened:
            if date is None:
                raise InvalidInput("Please choose the meeting's date first.")
            return CycleOpened(date.isoformat())

        if record(self.store, self.team.code, opened, self.meeting_status):
            self.refresh()
            if date is not None:
                self.cycle.value = date.isoformat()


def team_page(config: Config | None = None) -> TeamPage | ErrorPage:
    """Build the page; it opens once the team key has been checked."""
    return build_page(lambda store: TeamPage(store=store), config)
