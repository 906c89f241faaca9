"""The participant's page: find the session, join once, then follow the phases.

Lean on purpose: every preheated kernel imports this module, so it pulls in no
pandas or plotly. Identity lives in the browser (see ``browser.py``): a reload is
a new kernel, and the stored token makes it the same participant again.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from facilitate.config import Config
from facilitate.content import load_checkin
from facilitate.errors import FacilitateError, InvalidInput
from facilitate.events import CheckinAnswered, ParticipantJoined
from facilitate.live import PARTICIPANT_INTERVAL, keep_polling
from facilitate.phases import phase_by_key
from facilitate.roster import ROLES, Roster
from facilitate.sessions import SessionInfo, find_session
from facilitate.store import EventStore, open_store
from facilitate.text import clean_name, escape
from facilitate.views.activities import ParticipantContext, participant_activity
from facilitate.views.browser import BrowserContext
from facilitate.views.widgets import (
    ErrorPage,
    button,
    error_page,
    field_label,
    heading,
    message,
    say,
    styled,
)

_WIDE = widgets.Layout(width="calc(100% - 6px)", max_width="32em")


@dataclass
class ParticipantPage:
    """Named widgets of the page, and the little state one browser needs."""

    store: EventStore
    browser: BrowserContext = field(default_factory=BrowserContext)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    status: widgets.HTML = field(default_factory=lambda: message("fc-status"))
    code_input: widgets.Text = field(
        default_factory=lambda: styled(
            widgets.Text(placeholder="e.g. K7MQ2X", layout=_WIDE),
            "fc-code-input",
        )
    )
    join: widgets.Button = field(default_factory=lambda: button("Join", "fc-join"))
    name: widgets.Text = field(
        default_factory=lambda: styled(
            widgets.Text(
                placeholder="A first name or a pseudonym",
                layout=_WIDE,
            ),
            "fc-name",
        )
    )
    role: widgets.Dropdown = field(
        default_factory=lambda: styled(
            widgets.Dropdown(
                options=[(label, key) for key, label in ROLES],
                layout=_WIDE,
            ),
            "fc-role",
        )
    )
    checkin_prompt: widgets.HTML = field(default_factory=widgets.HTML)
    checkin: widgets.RadioButtons = field(
        default_factory=lambda: styled(
            widgets.RadioButtons(options=[], value=None), "fc-checkin"
        )
    )
    submit: widgets.Button = field(
        default_factory=lambda: button("Join the session", "fc-submit")
    )
    phase_title: widgets.HTML = field(default_factory=lambda: message("fc-phase"))
    invitation: widgets.HTML = field(default_factory=lambda: message("fc-invitation"))
    activity_box: widgets.Box = field(
        default_factory=lambda: styled(widgets.VBox(), "fc-activity")
    )
    session: SessionInfo | None = None
    participant: str = ""
    roster: Roster = field(default_factory=Roster)
    activity: Any = None
    shown_phase: str = ""
    poller: Any = None

    def start(self) -> None:
        question = load_checkin()
        self.checkin.options = [(c.label, c.key) for c in question.choices]
        self.checkin.value = None
        self.checkin_prompt.value = f"<p>{escape(question.prompt)}</p>"
        self.join.on_click(lambda _: self.enter(self.code_input.value))
        self.code_input.on_submit(lambda _: self.enter(self.code_input.value))
        self.submit.on_click(lambda _: self.sign_in())
        self.browser.on_connect(self.connected)
        self.root.children = [self.browser, heading("Welcome"), self.status]
        say(self.status, "Connecting…")

    def connected(self) -> None:
        """The browser has told us its query string and stored token."""
        if not self.browser.token:
            self.browser.token = secrets.token_urlsafe(18)
        self.participant = self.browser.token
        code = str(self.browser.query.get("code", "")).strip()
        if code:
            self.enter(code)
        else:
            self.show_code_step()

    def show_code_step(self, error: str = "") -> None:
        say(
            self.status,
            error or "Type the code shown on the screen.",
            "error" if error else "info",
        )
        self.root.children = [
            self.browser,
            heading("Join a session"),
            field_label("Session code"),
            self.code_input,
            self.join,
            self.status,
        ]

    def enter(self, raw_code: str) -> None:
        try:
            self.session = find_session(self.store, raw_code)
        except FacilitateError as error:
            self.show_code_step(str(error))
            return
        self.refresh()
        if self.participant in self.roster.members:
            self.show_phase_step()
        else:
            self.show_join_step()
        if self.poller is None:
            self.poller = keep_polling(self.refresh, PARTICIPANT_INTERVAL)

    def show_join_step(self) -> None:
        assert self.session is not None
        say(self.status, "")
        self.root.children = [
            self.browser,
            heading(self.session.title, "fc-session-title"),
            field_label("Display name (a pseudonym is fine)"),
            self.name,
            field_label("Role (optional)"),
            self.role,
            self.checkin_prompt,
            self.checkin,
            self.submit,
            self.status,
        ]

    def sign_in(self) -> None:
        """Validate the join form, then record the person and their check-in."""
        assert self.session is not None
        try:
            name = clean_name(self.name.value)
            role = str(self.role.value or "")
            if role not in dict(ROLES):
                raise InvalidInput("Please choose a role from the list.")
            answer = self.checkin.value
            if answer not in {key for _, key in self.checkin.options}:
                raise InvalidInput("Please choose how you are arriving today.")
            code = self.session.code
            self.store.append(code, ParticipantJoined(self.participant, name, role))
            self.store.append(code, CheckinAnswered(self.participant, str(answer)))
        except FacilitateError as error:
            say(self.status, str(error), "error")
            return
        self.refresh()
        self.show_phase_step()

    def show_phase_step(self) -> None:
        member = self.roster.members[self.participant]
        say(self.status, f"You are in as {member.name}.", "success")
        self.shown_phase = ""
        self.root.children = [
            self.browser,
            self.phase_title,
            self.invitation,
            self.activity_box,
            self.status,
        ]
        self.follow_phase()

    def refresh(self) -> None:
        """Read what is new in the log; follow the phase if it moved."""
        if self.session is None:
            return
        new = self.store.read(self.session.code, after=self.roster.last_id)
        self.roster.apply(new)
        if self.participant in self.roster.members:
            self.follow_phase()
            if self.activity is not None and new:
                self.activity.refresh(self.roster, new)

    def follow_phase(self) -> None:
        if self.shown_phase == self.roster.phase or self.session is None:
            return
        phase = phase_by_key(self.roster.phase)
        self.shown_phase = phase.key
        self.phase_title.value = f"<h2>{escape(phase.title)}</h2>"
        self.invitation.value = f"<p>{escape(phase.invitation)}</p>"
        factory = participant_activity(phase.key)
        context = ParticipantContext(self.store, self.session, self.participant)
        self.activity = factory(context) if factory else None
        self.activity_box.children = [self.activity.root] if self.activity else []


def participant_page(config: Config | None = None) -> ParticipantPage | ErrorPage:
    """Build the page for this kernel; the browser fills in the rest on connect."""
    try:
        config = config or Config.from_environ()
        page = ParticipantPage(store=open_store(config.data_dir))
        page.start()
    except FacilitateError as error:
        return error_page(error)
    return page
