"""The colleague's workbook: one-time feedback on how the leader facilitated.

Opened from the link the leader sent (session code and token in the address), it
needs no facilitator key and shows nothing of the session but its title. A wrong
link is one sentence; a used link says when it was used. The colleague writes up
to the limit (a live count warns at it; sending more is refused with the count,
never cut) and sends once; the page then thanks them and offers nothing to edit.
Light on purpose: no pandas, no charts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import ipywidgets as widgets

from facilitate.core.config import Config
from facilitate.core.errors import FacilitateError
from facilitate.core.sessions import SessionInfo
from facilitate.core.store import EventStore
from facilitate.core.text import escape
from facilitate.evidence.colleague import (
    INVITE_PARAMETER,
    LinkUsed,
    check_still_first,
    ensure_open,
    feedback_event,
    open_link,
)
from facilitate.evidence.content import ColleagueGuide, emphasis, load_guide, word_count
from facilitate.evidence.state import Invitation
from facilitate.ui.browser import BrowserContext
from facilitate.ui.keyed import build_page
from facilitate.ui.record import record
from facilitate.ui.unsaved import UnsavedGuard
from facilitate.ui.widgets import (
    ErrorPage,
    button,
    field_label,
    heading,
    message,
    say,
    styled,
    typed_on_leave,
)

OPENING = "Opening your feedback link…"
SENT = (
    "Thank you. Your feedback was sent to the leader, labelled as your words; "
    "nobody can change it. This link is now used up, so you can close this page."
)


def _count_line(guide: ColleagueGuide, text: str) -> str:
    count = word_count(text, guide.limit)
    tone = "error" if count.over_by else count.tone
    return f'<p class="fc-say fc-say-{tone}">{escape(count.sentence())}</p>'


@dataclass
class ColleaguePage:
    """Named widgets: ``name``, ``role``, ``text``, ``count``, ``send``, ``status``."""

    store: EventStore
    guide: ColleagueGuide = field(default_factory=lambda: load_guide().colleague)
    browser: BrowserContext = field(default_factory=BrowserContext)
    guard: UnsavedGuard = field(default_factory=UnsavedGuard)
    root: widgets.VBox = field(default_factory=widgets.VBox)
    status: widgets.HTML = field(
        default_factory=lambda: message("fc-colleague-page-status")
    )
    name: widgets.Text = field(
        default_factory=lambda: styled(
            typed_on_leave(widgets.Text()), "fc-feedback-name"
        )
    )
    role: widgets.Text = field(
        default_factory=lambda: styled(
            typed_on_leave(widgets.Text()), "fc-feedback-role"
        )
    )
    text: widgets.Textarea = field(
        default_factory=lambda: styled(
            typed_on_leave(
                widgets.Textarea(rows=14, layout=widgets.Layout(width="100%"))
            ),
            "fc-feedback-text",
            "fc-autosave",
        )
    )
    count: widgets.HTML = field(default_factory=lambda: message("fc-feedback-words"))
    send: widgets.Button = field(
        default_factory=lambda: button("Send my feedback", "fc-feedback-send")
    )
    session: SessionInfo | None = None
    invitation: Invitation | None = None

    def start(self) -> None:
        self.text.observe(lambda _: self.typed(), "value")
        self.send.on_click(lambda _: self.send_feedback())
        self.browser.on_connect(self.address_known)
        self.root.children = [self.browser, self.guard, self.status]
        say(self.status, OPENING)
        query = self.browser.environment_query()
        if query.get(INVITE_PARAMETER):
            self.open(query.get("code", ""), query[INVITE_PARAMETER])

    def address_known(self) -> None:
        if self.session is None:
            query = self.browser.query
            self.open(str(query.get("code", "")), str(query.get(INVITE_PARAMETER, "")))

    def open(self, code: str, token: str) -> None:
        """Show the form if the link is good and unused; else one sentence."""
        try:
            self.session, self.invitation = open_link(self.store, code, token)
        except FacilitateError as error:
            self.refuse(str(error))
            return
        self.name.value = self.invitation.name
        self.role.value = self.invitation.relationship
        self.root.children = [self.browser, self.guard, *self._form(self.session)]
        say(self.status, "")
        self.typed()

    def refuse(self, sentence: str, keep_text: bool = False) -> None:
        """One sentence; text already typed stays visible (read-only) to copy."""
        say(self.status, sentence, "error")
        kept: list[Any] = []
        if keep_text and self.text.value.strip():
            self.text.disabled = True
            self.guard.mark(False)
            kept = [field_label("What you wrote, to copy if you need it"), self.text]
        self.root.children = [
            self.browser,
            self.guard,
            heading(self.guide.heading, "fc-session-title"),
            self.status,
            *kept,
        ]

    def _form(self, session: SessionInfo) -> list[Any]:
        guide = self.guide
        intro = emphasis(guide.introduction.replace("{session}", session.title))
        prompts = "".join(f"<li>{escape(p)}</li>" for p in guide.prompts)
        return [
            heading(guide.heading, "fc-session-title"),
            widgets.HTML(
                f"<p>{intro}</p><p>You might write about:</p><ul>{prompts}</ul>"
            ),
            field_label("Your name"),
            self.name,
            field_label("Your role, or how you work with the leader"),
            self.role,
            field_label(f"Your feedback (up to {guide.limit} words)"),
            self.text,
            self.count,
            widgets.HTML(f'<p class="fc-meta">{escape(guide.once)}</p>'),
            self.send,
            self.status,
        ]

    def typed(self) -> None:
        self.count.value = _count_line(self.guide, self.text.value)
        self.guard.mark(bool(self.text.value.strip()))

    def send_feedback(self) -> None:
        """Record the feedback once; a used link or a lost race is refused."""
        if self.session is None or self.invitation is None:
            return
        session, invitation = self.session, self.invitation
        try:
            ensure_open(self.store, session.code, invitation)
        except LinkUsed as error:
            self.refuse(str(error), keep_text=True)
            return
        except FacilitateError as error:
            say(self.status, str(error), "error")
            return
        recorded = record(
            self.store,
            session.code,
            lambda: feedback_event(
                invitation,
                self.name.value,
                self.role.value,
                self.text.value,
                self.guide.limit,
            ),
            self.status,
        )
        if recorded is None:
            return
        try:
            check_still_first(self.store, session.code, recorded[0])
        except LinkUsed as error:
            self.refuse(str(error), keep_text=True)
            return
        self.guard.mark(False)
        self.sent()

    def sent(self) -> None:
        say(self.status, SENT, "success")
        self.root.children = [
            self.browser,
            self.guard,
            heading(self.guide.heading, "fc-session-title"),
            self.status,
        ]


def colleague_page(config: Config | None = None) -> ColleaguePage | ErrorPage:
    """Build the colleague's page; it opens once the link has been read."""
    return build_page(lambda store: ColleaguePage(store=store), config)
