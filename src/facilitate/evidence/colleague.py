"""One-time feedback links: the leader invites a colleague, the colleague writes once.

The link carries the session code and a long random token; the log keeps the token
as privately as the facilitator key. A link takes one submission: the page checks
before writing, and checks again after, because two browsers could send at the same
moment; the log's order then decides, and the later one is told it was refused.
Feedback over its word limit is refused with the count, never cut, since the
colleague cannot edit it afterwards.
"""

from __future__ import annotations

import secrets
import time

from facilitate.core.errors import FacilitateError, InvalidInput
from facilitate.core.events import (
    ColleagueFeedbackGiven,
    ColleagueInvited,
    Recorded,
)
from facilitate.core.sessions import SessionInfo, find_session
from facilitate.core.store.base import EventStore
from facilitate.core.text import clean_text
from facilitate.evidence.content import NOTE_CHARACTER_LIMIT, count_words
from facilitate.evidence.state import EvidenceState, Invitation, evidence_state

#: Query parameter of the colleague's link that carries the token.
INVITE_PARAMETER = "invite"
COLLEAGUE_NOTEBOOK = "colleague.ipynb"
NAME_LIMIT = 80
RELATIONSHIP_LIMIT = 160
TOKEN_BYTES = 24


class LinkNotValid(FacilitateError):
    def __init__(self) -> None:
        super().__init__(
            "This feedback link is not valid. Check that you opened the whole link "
            "the leader sent you, or ask them for a new one."
        )


class LinkUsed(FacilitateError):
    def __init__(self, at: float) -> None:
        when = time.strftime("%d %B %Y at %H:%M", time.localtime(at))
        super().__init__(
            f"This feedback link has already been used: feedback was sent on {when}. "
            "Each link takes one submission; ask the leader for a new link if you "
            "want to add something."
        )


def invite(name: object, relationship: object = "") -> ColleagueInvited:
    """A new invitation for the colleague named ``name``, with a fresh token."""
    return ColleagueInvited(
        invitation=secrets.token_hex(4),
        token=secrets.token_urlsafe(TOKEN_BYTES),
        name=clean_text(
            name, what="the colleague's name", limit=NAME_LIMIT, required=True
        ),
        relationship=clean_text(
            relationship,
            what="how they relate to you",
            limit=RELATIONSHIP_LIMIT,
        ),
    )


def invitations_of(store: EventStore, code: str) -> EvidenceState:
    """Just the invitations and feedback of one session (a small read)."""
    kinds = [ColleagueInvited.kind, ColleagueFeedbackGiven.kind]
    return evidence_state(store.read(code, kinds=kinds))


def open_link(
    store: EventStore, code: str, token: str
) -> tuple[SessionInfo, Invitation]:
    """The session and invitation a link names; refuse a wrong or used link."""
    try:
        session = find_session(store, code)
    except FacilitateError:
        raise LinkNotValid() from None
    state = invitations_of(store, session.code)
    invitation = state.invitation_for(token)
    if invitation is None:
        raise LinkNotValid()
    answered = state.feedback.get(invitation.invitation)
    if answered is not None:
        raise LinkUsed(answered.at)
    return session, invitation


def feedback_event(
    invitation: Invitation, name: object, role: object, text: object, limit: int
) -> ColleagueFeedbackGiven:
    """The colleague's feedback as an event; refuse it empty or over ``limit``."""
    words = clean_text(
        text, what="your feedback", limit=NOTE_CHARACTER_LIMIT, required=True
    )
    count = count_words(words)
    if count > limit:
        raise InvalidInput(
            f"Your feedback is {count} words; the limit is {limit}. Please shorten it "
            f"by {count - limit} words. Nothing was sent."
        )
    return ColleagueFeedbackGiven(
        invitation=invitation.invitation,
        name=clean_text(name, what="your name", limit=NAME_LIMIT, required=True),
        role=clean_text(role, what="your role", limit=RELATIONSHIP_LIMIT),
        text=words,
    )


def check_still_first(store: EventStore, code: str, recorded: Recorded) -> None:
    """Refuse a submission that lost a race with another one on the same link."""
    event = recorded.event
    assert isinstance(event, ColleagueFeedbackGiven)
    kept = invitations_of(store, code).feedback.get(event.invitation)
    if kept is not None and kept.record_id != recorded.id:
        raise LinkUsed(kept.at)


def ensure_open(store: EventStore, code: str, invitation: Invitation) -> None:
    """Refuse if the link was used since the page opened (another tab, say)."""
    answered = invitations_of(store, code).feedback.get(invitation.invitation)
    if answered is not None:
        raise LinkUsed(answered.at)
