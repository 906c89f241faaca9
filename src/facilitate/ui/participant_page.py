"""The participant's page: find the session, join once, then follow the phases.

Lean on purpose: every preheated kernel imports this module, so it pulls in no
pandas or plotly. Identity lives in the browser (see ``browser.py``): a reload is
a new kernel, and the stored token makes it the same participant again.

Each phase's activity is built the first time the phone shows it, and kept: a
facilitator stepping Back and Next moves a hundred phones by swapping what they
show, not by building every form again on every phone at once (that rebuild
once held the projected display up for seconds). A kept activity catches up on
what the log gained while it was hidden as it is shown again, and keeps what the
person typed but has not sent.

Membership belongs to one session: entering another code starts from nothing, so
nobody counts as a member of a session they did not join. On a shared device,
"Not you? Leave this session" clears the token (and private notes) from the
browser. Codes that match no session are capped per page, so guessing codes is
slow; a deleted session turns the page into one sentence saying it has ended.
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from facilitate.core.agenda import current_agenda
from facilitate.core.config import Config
from facilitate.core.errors import (
    FacilitateError,
    InvalidInput,
    SessionEnded,
    SessionNotFound,
)
from facilitate.core.events import Event, ParticipantJoined, Recorded
from facilitate.core.language import N_, SOURCE
from facilitate.core.language import gettext as _
from facilitate.core.ratelimit import WRONG_CODE_BURST, WRONG_CODE_RATE, TokenBucket
from facilitate.core.roster import ROLES, Roster
from facilitate.core.sessions import SessionInfo, find_session
from facilitate.core.store import EventStore, open_store
from facilitate.core.text import clean_name, escape
from facilitate.ui.browser import BrowserContext
from facilitate.ui.carry import carry_over
from facilitate.ui.contexts import JoinQuestion, ParticipantContext
from facilitate.ui.language_choice import LanguageChoice
from facilitate.ui.live import (
    PARTICIPANT_GAP,
    PARTICIPANT_INTERVAL,
    PARTICIPANT_NEWS_INTERVAL,
    keep_polling,
    news_of,
)
from facilitate.ui.record import record
from facilitate.ui.widgets import (
    ErrorPage,
    button,
    error_page,
    field_label,
    heading,
    message,
    named,
    say,
    styled,
    typed_on_leave,
)

_WIDE = widgets.Layout(width="calc(100% - 6px)", max_width="32em")
LEFT = N_(
    "You have left the session on this device, and your private notes were "
    "cleared from it. To join, type the code shown on the screen."
)
TOO_MANY_CODES = N_(
    "Too many codes did not match. Wait {seconds} seconds, then check the code on "
    "the projected screen and try again."
)


@dataclass
class PhaseView:
    """One phase's activity on this page, and how far into the log it has read."""

    activity: Any
    shown: list[widgets.Widget]
    read_to: int


@dataclass
class ParticipantPage:
    """Named widgets of the page, and the little state one browser needs."""

    store: EventStore
    browser: BrowserContext = field(default_factory=BrowserContext)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    status: widgets.HTML = field(default_factory=lambda: message("fc-status"))
    code_input: widgets.Text = field(
        default_factory=lambda: styled(
            named(
                widgets.Text(placeholder="e.g. K7MQ2X", layout=_WIDE), "Session code"
            ),
            "fc-code-input",
        )
    )
    join: widgets.Button = field(default_factory=lambda: button("Join", "fc-join"))
    name: widgets.Text = field(
        default_factory=lambda: styled(
            typed_on_leave(
                widgets.Text(placeholder="A first name or a pseudonym", layout=_WIDE)
            ),
            "fc-name",
        )
    )
    role: widgets.Dropdown = field(
        default_factory=lambda: named(
            styled(
                widgets.Dropdown(
                    options=[(label, key) for key, label in ROLES],
                    layout=_WIDE,
                ),
                "fc-role",
            ),
            "Role (optional)",
        )
    )
    join_questions: list[JoinQuestion] = field(default_factory=list)
    submit: widgets.Button = field(
        default_factory=lambda: button("Join the session", "fc-submit")
    )
    leave: widgets.Button = field(
        default_factory=lambda: button(
            "Not you? Leave this session", "fc-leave", style=""
        )
    )
    wrong_codes: TokenBucket = field(
        default_factory=lambda: TokenBucket(WRONG_CODE_RATE, WRONG_CODE_BURST)
    )
    phase_title: widgets.HTML = field(default_factory=lambda: message("fc-phase"))
    invitation: widgets.HTML = field(default_factory=lambda: message("fc-invitation"))
    activity_box: widgets.Box = field(
        default_factory=lambda: styled(widgets.VBox(), "fc-activity")
    )
    language: LanguageChoice = field(default_factory=LanguageChoice)
    session: SessionInfo | None = None
    participant: str = ""
    roster: Roster = field(default_factory=Roster)
    shown_phase: str = ""
    views: dict[str, PhaseView] = field(default_factory=dict)
    poller: Any = None
    shown_step: Any = None

    @property
    def activity(self) -> Any:
        """The activity of the phase on show (None before, or in a phase without)."""
        view = self.views.get(self.shown_phase)
        return view.activity if view else None

    def start(self) -> None:
        self.join_questions = self.ask_join_questions()
        self.join.on_click(lambda _: self.enter(self.code_input.value))
        self.code_input.on_submit(lambda _: self.enter(self.code_input.value))
        self.submit.on_click(lambda _: self.sign_in())
        self.leave.on_click(lambda _: self.leave_session())
        self.browser.on_connect(self.connected)
        self.language.on_change(self.speak)
        self.root.children = [self.browser, heading("Welcome"), self.status]
        say(self.status, "Connecting…")

    @staticmethod
    def ask_join_questions() -> list[JoinQuestion]:
        return [make() for _, make in current_agenda().loaded("join_question")]

    def connected(self) -> None:
        """The browser has told us its query string, stored token and languages."""
        self.participant = self.browser.token
        if self.language.start(self.browser) != SOURCE:
            self.speak()
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
        self.shown_step = self.show_code_step
        self.root.children = [
            self.browser,
            self.language.root,
            heading("Join a session"),
            field_label("Session code"),
            self.code_input,
            self.join,
            self.status,
        ]

    def enter(self, raw_code: str) -> None:
        """Open the session with this code; a new code starts membership afresh."""
        waiting = self.wrong_codes.wait_seconds()
        if waiting > 0:
            seconds = math.ceil(waiting)
            self.show_code_step(_(TOO_MANY_CODES).format(seconds=seconds))
            return
        try:
            session = find_session(self.store, raw_code)
        except FacilitateError as error:
            if isinstance(error, (SessionNotFound, InvalidInput)):
                self.wrong_codes.take()  # a store outage is no wrong code
            self.show_code_step(str(error))
            return
        if self.session is None or session.code != self.session.code:
            self.follow(session)
        if not self.participant:
            self.participant = self.browser.token = secrets.token_urlsafe(18)
        self.refresh()
        if self.participant in self.roster.members:
            self.show_phase_step()
        else:
            self.show_join_step()
        if self.poller is None:
            quiet = current_agenda().unseen_by_participants()
            news = news_of(self.store, session.code, quiet | {ParticipantJoined.kind})
            interval = (
                PARTICIPANT_INTERVAL if news is None else PARTICIPANT_NEWS_INTERVAL
            )
            self.poller = keep_polling(self.refresh, interval, news, PARTICIPANT_GAP)

    def follow(self, session: SessionInfo | None) -> None:
        """Forget everything known of the previous session; follow ``session``."""
        self.session = session
        self.roster = Roster()
        self.shown_phase = ""
        self.views = {}
        self.activity_box.children = []

    def leave_session(self) -> None:
        """Someone else's turn on this device: clear the token and the notes."""
        code = self.session.code if self.session else ""
        self.browser.forget()
        self.participant = ""
        self.follow(None)
        self.code_input.value = code
        self.show_code_step()
        say(self.status, _(LEFT), "info")

    def show_join_step(self) -> None:
        assert self.session is not None
        say(self.status, "")
        self.shown_step = self.show_join_step
        self.root.children = [
            self.browser,
            self.language.root,
            heading(self.session.title, "fc-session-title"),
            field_label("Display name (a pseudonym is fine)"),
            self.name,
            field_label("Role (optional)"),
            self.role,
            *(question.root for question in self.join_questions),
            self.submit,
            self.status,
        ]

    def sign_in(self) -> None:
        """Validate the join form, then record the person and their answers."""
        assert self.session is not None
        joined = record(
            self.store,
            self.session.code,
            self.joining,
            self.status,
            who=self.participant,
        )
        if joined is None:
            return
        self.refresh()
        self.show_phase_step()

    def joining(self) -> list[Event]:
        """The events a complete join form records (InvalidInput if incomplete)."""
        name = clean_name(self.name.value)
        role = str(self.role.value or "")
        if role not in dict(ROLES):
            raise InvalidInput(_("Please choose a role from the list."))
        answers = [
            event for q in self.join_questions for event in q.answer(self.participant)
        ]
        return [ParticipantJoined(self.participant, name, role), *answers]

    def show_phase_step(self) -> None:
        member = self.roster.members[self.participant]
        say(self.status, _("You are in as {name}.").format(name=member.name), "success")
        self.shown_phase = ""
        self.shown_step = self.show_phase_step
        self.root.children = [
            self.browser,
            self.language.root,
            self.phase_title,
            self.invitation,
            self.activity_box,
            self.status,
            self.leave,
        ]
        self.follow_phase()

    def refresh(self) -> None:
        """Read what is new in the log; follow the phase if it moved.

        The activity is built only once the phase step is on the page, so a
        reload builds it once, from the log as it then stands.
        """
        if self.session is None:
            return
        new = self.store.read(self.session.code, after=self.roster.last_id)
        if not new and self.store.is_deleted(self.session.code):
            self.show_ended()
            return
        self.roster.apply(new)
        following = self.activity_box in self.root.children
        if not following or self.participant not in self.roster.members:
            return
        if not self.follow_phase() and new:
            self.catch_up(self.views.get(self.shown_phase), new)

    def show_ended(self) -> None:
        """The session was deleted: say so, and stop following it."""
        self.follow(None)
        say(self.status, str(SessionEnded()), "info")
        self.shown_step = self.show_ended
        self.root.children = [
            self.browser,
            self.language.root,
            heading("This session has ended", "fc-ended"),
            self.status,
        ]

    def follow_phase(self) -> bool:
        """Show the log's current phase; True if it changed (and has caught up)."""
        if self.shown_phase == self.roster.phase or self.session is None:
            return False
        agenda = current_agenda()
        phase = agenda.phase(self.roster.phase)
        self.shown_phase = phase.key
        self.phase_title.value = f"<h2>{escape(_(phase.title))}</h2>"
        self.invitation.value = f"<p>{escape(_(phase.invitation))}</p>"
        view = self.views.get(phase.key)
        if view is None:
            view = self.views[phase.key] = self.build_view(phase.key)
        elif view.read_to < self.roster.last_id:
            missed = self.store.read(self.session.code, after=view.read_to)
            self.catch_up(view, [r for r in missed if r.id <= self.roster.last_id])
        self.activity_box.children = view.shown
        return True

    def name_fields(self) -> None:
        """Words inside the page's own fields, in the page's language."""
        self.code_input.placeholder = _("e.g. K7MQ2X")
        self.code_input.description = _("Session code")
        self.join.description = _("Join")
        self.name.placeholder = _("A first name or a pseudonym")
        role = self.role.value
        self.role.options = [(_(label), key) for key, label in ROLES]
        self.role.value = role
        self.role.description = _("Role (optional)")
        self.submit.description = _("Join the session")
        self.leave.description = _("Not you? Leave this session")

    def speak(self) -> None:
        """The person chose another language: say everything again in it,
        keeping what they typed and chose."""
        self.name_fields()
        questions = self.ask_join_questions()
        for old, new in zip(self.join_questions, questions, strict=True):
            carry_over(old.root, new.root)
        self.join_questions = questions
        for key, view in list(self.views.items()):
            fresh = self.build_view(key)
            for before, after in zip(view.shown, fresh.shown, strict=False):
                carry_over(before, after)
            self.views[key] = fresh
        if self.shown_step is not None:
            self.shown_step()

    def build_view(self, phase: str) -> PhaseView:
        """The phase's activity (and the closing words on the last phase)."""
        assert self.session is not None
        agenda = current_agenda()
        context = ParticipantContext(self.store, self.session, self.participant)
        spec = agenda.activity_for_phase(phase)
        make = spec.participant.load() if spec and spec.participant else None
        activity = make(context) if make else None
        shown = [activity.root] if activity else []
        if phase == agenda.last_phase:
            shown += [close(context).root for _, close in agenda.loaded("closing")]
        return PhaseView(activity, shown, self.roster.last_id)

    def catch_up(self, view: PhaseView | None, new: list[Recorded]) -> None:
        """Give the shown activity what the log gained since it last read."""
        if view is None:
            return
        if view.activity is not None and new:
            view.activity.refresh(self.roster, new)
        view.read_to = self.roster.last_id


def participant_page(config: Config | None = None) -> ParticipantPage | ErrorPage:
    """Build the page for this kernel; the browser fills in the rest on connect."""
    try:
        config = config or Config.from_environ()
        page = ParticipantPage(store=open_store(config))
        page.start()
    except FacilitateError as error:
        return error_page(error)
    return page
