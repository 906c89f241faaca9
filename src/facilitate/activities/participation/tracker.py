"""The participation tracker: tap whoever starts speaking, on a tablet or laptop.

Opened with the facilitator key, like the remote. Each tap is one ``turn_started``
event written at once, so turn ends come from the next tap and a dropped
connection costs at most the turn still open. "Undo last tap" appends a
``tap_undone`` naming the tap; nothing is ever deleted. People without a device
are added by seat label. The page polls the log, so people who join later get a
button without a reload.

Display names go into button descriptions, which the browser renders as plain
text (a text node), so they are shown as typed and never interpreted as HTML.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from facilitate.activities.participation.events import (
    SpeakerAdded,
    TapUndone,
    TurnStarted,
)
from facilitate.activities.participation.metrics import kept_taps
from facilitate.core.config import Config
from facilitate.core.errors import InvalidInput
from facilitate.core.events import Recorded
from facilitate.core.roster import ROLES, Roster
from facilitate.core.sessions import SessionInfo
from facilitate.core.store import EventStore
from facilitate.core.text import NAME_LIMIT, clean_text
from facilitate.ui.browser import BrowserContext
from facilitate.ui.keyed import KeyedPage, build_page
from facilitate.ui.live import keep_polling, news_of
from facilitate.ui.plain_style import own_style
from facilitate.ui.record import record
from facilitate.ui.widgets import (
    ErrorPage,
    button,
    heading,
    message,
    named,
    say,
    styled,
    typed_on_leave,
)

TRACKER_INTERVAL = 1.0
_GRID = widgets.Layout(
    grid_template_columns="repeat(auto-fill, minmax(150px, 1fr))",
    grid_gap="10px",
    width="100%",
)


def speaker_button(name: str) -> widgets.Button:
    """One large button; the tooltip repeats the name for crowded grids."""
    big = button(name, "fc-speaker", style="")
    big.layout = widgets.Layout(width="100%", min_height="72px")
    own_style(big).font_size = "20px"
    big.tooltip = name
    return big


@dataclass
class TrackerPage(KeyedPage):
    title = "Participation tracker"

    store: EventStore
    browser: BrowserContext = field(default_factory=BrowserContext)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    refused: widgets.HTML = field(default_factory=lambda: message("fc-refused"))
    status: widgets.HTML = field(default_factory=lambda: message("fc-status"))
    speaking: widgets.HTML = field(default_factory=lambda: message("fc-now-speaking"))
    guide: widgets.HTML = field(
        default_factory=lambda: styled(
            widgets.HTML(
                "<p>Tap a person when they start speaking; tap Silence when nobody "
                "speaks. Each turn ends at the next tap.</p>"
            ),
            "fc-tracker-help",
        )
    )
    grid: widgets.GridBox = field(
        default_factory=lambda: styled(widgets.GridBox(layout=_GRID), "fc-speakers")
    )
    silence: widgets.Button = field(
        default_factory=lambda: button("Silence", "fc-silence", style="warning")
    )
    undo: widgets.Button = field(
        default_factory=lambda: button("Undo last tap", "fc-undo", style="")
    )
    seat_label: widgets.Text = field(
        default_factory=lambda: styled(
            named(
                typed_on_leave(widgets.Text(placeholder="e.g. Seat 7, by the window")),
                "Who is speaking (a seat, not a name)",
            ),
            "fc-seat-label",
        )
    )
    seat_role: widgets.Dropdown = field(
        default_factory=lambda: styled(
            named(
                widgets.Dropdown(options=[(label, key) for key, label in ROLES]),
                "Role of the person added",
            ),
            "fc-seat-role",
        )
    )
    add: widgets.Button = field(
        default_factory=lambda: button("Add person", "fc-add-speaker", style="")
    )
    buttons: dict[str, widgets.Button] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    taps: list[Recorded] = field(default_factory=list)
    session: SessionInfo | None = None
    roster: Roster = field(default_factory=Roster)
    poller: Any = None

    def start(self) -> None:
        self.silence.on_click(lambda _: self.tap(None))
        self.undo.on_click(lambda _: self.undo_last())
        self.add.on_click(lambda _: self.add_speaker())
        self.seat_label.on_submit(lambda _: self.add_speaker())
        self.await_key()

    def open(self, code: str, key: Any) -> None:
        """Show the tracker for ``code`` if ``key`` is right, else one sentence."""
        session = self.unlock(code, key)
        if session is None:
            return
        controls = widgets.HBox([self.silence, self.undo, self.speaking])
        adding = styled(
            widgets.HBox([self.seat_label, self.seat_role, self.add]), "fc-add-row"
        )
        self.root.children = [
            self.browser,
            heading(f"Tracker: {session.title}", "fc-session-title"),
            self.guide,
            controls,
            self.grid,
            adding,
            self.status,
        ]
        say(self.status, "")
        self.refresh()
        if self.poller is None:
            news = news_of(self.store, session.code)
            self.poller = keep_polling(self.refresh, TRACKER_INTERVAL, news)

    def refresh(self) -> None:
        """Fold in what is new; add buttons for people who joined meanwhile."""
        if self.session is None:
            return
        new = self.store.read(self.session.code, after=self.roster.last_id)
        if not new:
            self.ended()
            return
        self.roster.apply(new)
        for entry in new:
            if isinstance(entry.event, SpeakerAdded):
                self.names[entry.event.speaker] = entry.event.label
            elif isinstance(entry.event, TurnStarted | TapUndone):
                self.taps.append(entry)
        for member in self.roster.members.values():
            self.names[member.participant] = member.name
        self.show_buttons()
        self.show_speaker()

    def show_buttons(self) -> None:
        """One button per person, alphabetical so a name is quick to find."""
        for speaker, name in self.names.items():
            if speaker not in self.buttons:
                self.buttons[speaker] = speaker_button(name)
                self.buttons[speaker].on_click(lambda _, s=speaker: self.tap(s))
            elif self.buttons[speaker].description != name:
                self.buttons[speaker].description = name
                self.buttons[speaker].tooltip = name
        order = sorted(self.names, key=lambda s: (self.names[s].casefold(), s))
        children = tuple(self.buttons[s] for s in order)
        if children != self.grid.children:
            self.grid.children = children

    def show_speaker(self) -> None:
        """Highlight whoever holds the floor now."""
        kept = kept_taps(self.taps)
        current = kept[-1].event.speaker if kept else None  # type: ignore[attr-defined]
        for speaker, big in self.buttons.items():
            big.button_style = "success" if speaker == current else ""
        if current is None:
            say(self.speaking, "Silence." if kept else "No one tracked yet.")
        else:
            say(self.speaking, f"Speaking: {self.names.get(current, 'someone')}")

    def tap(self, speaker: str | None) -> None:
        """Record that ``speaker`` starts talking now (None: silence)."""
        if self.session is None:
            return
        if record(self.store, self.session.code, TurnStarted(speaker), self.status):
            self.refresh()

    def undo_last(self) -> None:
        """Cancel the latest tap that still counts, by appending a correction."""
        if self.session is None:
            return
        self.refresh()
        kept = kept_taps(self.taps)
        if not kept:
            say(self.status, "There is no tap to undo.", "error")
            return
        undo = TapUndone(target=kept[-1].id)
        saved = "The last tap was undone."
        if record(self.store, self.session.code, undo, self.status, saved):
            self.refresh()

    def add_speaker(self) -> None:
        """Add someone without a device, known by where they sit."""
        if self.session is None:
            return
        added = record(self.store, self.session.code, self.new_speaker, self.status)
        if added:
            label = getattr(added[0].event, "label", "")
            self.seat_label.value = ""
            say(self.status, f"Added {label}.", "success")
            self.refresh()

    def new_speaker(self) -> SpeakerAdded:
        """The typed seat label as a new speaker, or InvalidInput saying what to fix."""
        label = clean_text(
            self.seat_label.value, what="a seat label", limit=NAME_LIMIT, required=True
        )
        if label.casefold() in {n.casefold() for n in self.names.values()}:
            raise InvalidInput(
                f"'{label}' is already on the tracker. Use a different seat label."
            )
        speaker = f"seat-{secrets.token_hex(6)}"
        return SpeakerAdded(speaker, label, str(self.seat_role.value or ""))


def tracker_page(config: Config | None = None) -> TrackerPage | ErrorPage:
    """Build the page; it opens once the facilitator key has been checked."""
    return build_page(lambda store: TrackerPage(store=store), config)
