"""The facilitator's projected console: join code, live count, phase controls.

It runs only after the browser has shown the facilitator key; without it the page
is one refusal sentence. A polling task reads new events four times a second and
updates widget values, so the room sees answers arrive without anyone clicking.
Names never appear here: the count is a number and charts are aggregates.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from facilitate.core.agenda import current_agenda
from facilitate.core.config import SMALLEST_ALLOWED_GROUP_SIZE, Config
from facilitate.core.events import Event, PhaseChanged, Recorded, SettingChanged
from facilitate.core.roster import Roster
from facilitate.core.sessions import SessionInfo
from facilitate.core.store import EventStore
from facilitate.core.text import escape
from facilitate.ui.browser import BrowserContext
from facilitate.ui.contexts import DisplayContext
from facilitate.ui.export_button import ExportControl
from facilitate.ui.keyed import KeyedPage, build_page
from facilitate.ui.live import CONSOLE_INTERVAL, keep_polling, news_of
from facilitate.ui.qr import qr_svg
from facilitate.ui.record import record
from facilitate.ui.widgets import (
    ErrorPage,
    button,
    heading,
    message,
    say,
    styled,
)

log = logging.getLogger(__name__)
PANEL_FAILED = (
    "The {phase} panel could not be shown. Participants can still answer; "
    "go back and forward a phase to try again, and check the server log."
)


@dataclass
class ConsolePage(KeyedPage):
    title = "Facilitator console"
    store: EventStore
    browser: BrowserContext = field(default_factory=BrowserContext)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    refused: widgets.HTML = field(default_factory=lambda: message("fc-refused"))
    join_code: widgets.HTML = field(default_factory=lambda: message("fc-join-code"))
    join_link: widgets.HTML = field(default_factory=lambda: message("fc-join-link"))
    qr: widgets.HTML = field(default_factory=lambda: message("fc-qr"))
    count: widgets.HTML = field(default_factory=lambda: message("fc-count"))
    phase_label: widgets.HTML = field(
        default_factory=lambda: message("fc-console-phase")
    )
    next_button: widgets.Button = field(
        default_factory=lambda: button("Next phase ▶", "fc-next-phase")
    )
    previous_button: widgets.Button = field(
        default_factory=lambda: button("◀ Back", "fc-previous-phase", style="")
    )
    activity_box: widgets.Box = field(
        default_factory=lambda: styled(widgets.VBox(), "fc-console-activity")
    )
    status: widgets.HTML = field(default_factory=lambda: message("fc-status"))
    group_size: widgets.BoundedIntText = field(
        default_factory=lambda: styled(
            widgets.BoundedIntText(
                min=SMALLEST_ALLOWED_GROUP_SIZE,
                max=100,
                description="Smallest group shown",
                style={"description_width": "initial"},
                layout=widgets.Layout(width="16em"),
            ),
            "fc-min-group-size",
        )
    )
    export: ExportControl = field(default_factory=ExportControl)
    session: SessionInfo | None = None
    roster: Roster = field(default_factory=Roster)
    records: list[Recorded] = field(default_factory=list)
    activity: Any = None
    shown_phase: str = ""
    poller: Any = None

    def start(self) -> None:
        self.group_size.observe(self.change_group_size, "value")
        agenda = current_agenda()
        self.next_button.on_click(lambda _: self.move_phase(agenda.next_phase))
        self.previous_button.on_click(lambda _: self.move_phase(agenda.previous_phase))
        self.await_key()

    def address_known(self) -> None:
        """The page reported its address: open the console, or fix the join link."""
        if self.session is not None:
            self.show_join_link(self.session)
        else:
            super().address_known()

    def show_join_link(self, session: SessionInfo) -> None:
        """Join code, link and QR code; the link needs the browser's address."""
        url = self.browser.page_url("participant.ipynb", code=session.code)
        self.join_code.value = f'<div class="fc-big-code">{escape(session.code)}</div>'
        self.join_link.value = (
            f'<p>Join at <a href="{escape(url)}">{escape(url)}</a></p>'
        )
        self.qr.value = qr_svg(url) if self.browser.origin else ""

    def open(self, code: str, key: Any) -> None:
        """Show the console for ``code`` if ``key`` is right, else refuse."""
        session = self.unlock(code, key)
        if session is None:
            return
        self.export.attach(session)
        self.show_join_link(session)
        self.root.children = self.layout(session)
        say(self.status, "")
        self.refresh()
        if self.poller is None:
            news = news_of(self.store, session.code)
            self.poller = keep_polling(self.refresh, CONSOLE_INTERVAL, news)

    def layout(self, session: SessionInfo) -> list[widgets.Widget]:
        """Join panel on the left, phase controls and the activity on the right."""
        count_label = styled(widgets.HTML("people joined"), "fc-count-label")
        join_panel = styled(
            widgets.VBox(
                [
                    self.join_code,
                    self.qr,
                    self.join_link,
                    widgets.HBox([self.count, count_label]),
                    self.group_size,
                    self.export.root,
                ]
            ),
            "fc-join-panel",
        )
        controls = styled(
            widgets.HBox([self.previous_button, self.phase_label, self.next_button]),
            "fc-phase-controls",
        )
        main = styled(widgets.VBox([controls, self.activity_box]), "fc-main")
        return [
            self.browser,
            heading(session.title, "fc-session-title"),
            styled(widgets.HBox([join_panel, main]), "fc-console-layout"),
            self.status,
        ]

    def refresh(self) -> None:
        """Fold in what is new and update the count, phase and activity panel."""
        if self.session is None:
            return
        new = self.store.read(self.session.code, after=self.roster.last_id)
        if not new and self.ended():
            return
        if new or not self.shown_phase:
            self.records.extend(new)
            self.roster.apply(new)
            self.count.value = str(self.roster.count)
            k = self.roster.min_group_size(self.session.min_group_size)
            self.group_size.value = k
        # Panels refresh when the log grew; a panel whose picture changes with
        # time alone (a talk turn growing) sets ``ticks`` to be asked every tick.
        if self.show_phase() or self.activity is None:
            return
        if new or getattr(self.activity, "ticks", False):
            self.activity.refresh(self.roster, self.records)

    def show_phase(self) -> bool:
        """Swap in the current phase's panel; True when it was just built."""
        if self.shown_phase == self.roster.phase or self.session is None:
            return False
        say(self.status, "")
        agenda = current_agenda()
        phase = agenda.phase(self.roster.phase)
        self.shown_phase = phase.key
        number, total = agenda.phase_number(phase.key), len(agenda.phases)
        self.phase_label.value = (
            f"<h3>Phase {number} of {total}: {escape(phase.title)}</h3>"
        )
        self.activity = None
        self.activity_box.children = []
        try:
            spec = agenda.activity_for_phase(phase.key)
            if spec is not None and spec.display is not None:
                make = spec.display.load()
                self.activity = make(DisplayContext(self.store, self.session))
                self.activity.refresh(self.roster, self.records)
                self.activity_box.children = [self.activity.root]
        except Exception:
            log.exception("the %s panel could not be built", phase.key)
            self.activity = None
            say(self.status, PANEL_FAILED.format(phase=phase.title), "error")
        return True

    def move_phase(self, step: Any) -> None:
        if self.session is not None:
            self.record(PhaseChanged(step(self.roster.phase)))

    def change_group_size(self, change: dict[str, Any]) -> None:
        """Record a new k; the widget's bounds keep it at the privacy floor or above."""
        if self.session is None:
            return
        current = self.roster.min_group_size(self.session.min_group_size)
        k = max(int(change["new"]), SMALLEST_ALLOWED_GROUP_SIZE)
        if k != current:
            self.record(SettingChanged("min_group_size", k))

    def record(self, event: Event) -> None:
        """Append a facilitator action and show its effect at once."""
        assert self.session is not None
        if record(self.store, self.session.code, event, self.status) is not None:
            self.refresh()


def console_page(config: Config | None = None) -> ConsolePage | ErrorPage:
    """Build the console; it opens once the facilitator key has been checked."""
    return build_page(lambda store: ConsolePage(store=store), config)
