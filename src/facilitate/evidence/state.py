"""Everything the leader and colleagues have put into the pack, folded from the log.

The leader's answers, self-ratings, evidence links and what they heard are events
where the latest per part or row wins, so a draft can be revised at any time;
attachments stay until the leader removes them. A colleague's
feedback is the opposite: the first submission per invitation is the one that
counts, and nothing later, by the colleague or the leader, can replace it. Even
two submissions racing from two browsers end the same way, because the log's
order decides.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from dataclasses import dataclass, field

from facilitate.core.events import (
    AttachmentAdded,
    AttachmentRemoved,
    ColleagueFeedbackGiven,
    ColleagueInvited,
    LeaderNoteSaved,
    QualitativeEvidenceSaved,
    Recorded,
    RubricChecked,
    RubricEvidenceLinked,
)
from facilitate.evidence.attachments import Attachment


@dataclass(frozen=True)
class Invitation:
    """A one-time feedback link the leader made for a colleague."""

    invitation: str
    token: str
    name: str
    relationship: str
    at: float


@dataclass(frozen=True)
class ColleagueFeedback:
    """A colleague's own words, as first submitted through their link."""

    invitation: str
    name: str
    role: str
    text: str
    at: float
    record_id: int


@dataclass
class EvidenceState:
    texts: dict[str, str] = field(default_factory=dict)
    ratings: dict[str, str] = field(default_factory=dict)
    links: dict[str, tuple[str, ...]] = field(default_factory=dict)
    invitations: list[Invitation] = field(default_factory=list)
    feedback: dict[str, ColleagueFeedback] = field(default_factory=dict)
    heard: list[dict[str, str]] = field(default_factory=list)
    attachments: dict[str, Attachment] = field(default_factory=dict)

    def invitation_for(self, token: str) -> Invitation | None:
        """The invitation whose link carries ``token`` (compared in constant time)."""
        return next(
            (
                i
                for i in self.invitations
                if token and hmac.compare_digest(i.token.encode(), token.encode())
            ),
            None,
        )

    def attached_to(self, part: str) -> list[Attachment]:
        """The part's attachments in the order they were added."""
        return [a for a in self.attachments.values() if a.part == part]

    def received(self) -> list[ColleagueFeedback]:
        """Feedback in the order it arrived."""
        return sorted(self.feedback.values(), key=lambda f: f.record_id)


def evidence_state(records: Iterable[Recorded]) -> EvidenceState:
    """Fold the pack's events: latest answer per part, first feedback per link."""
    state = EvidenceState()
    for record in records:
        event = record.event
        if isinstance(event, LeaderNoteSaved):
            state.texts[event.section] = event.text
        elif isinstance(event, RubricChecked):
            state.ratings[event.criterion] = event.level
        elif isinstance(event, RubricEvidenceLinked):
            state.links[event.criterion] = tuple(event.evidence)
        elif isinstance(event, ColleagueInvited):
            state.invitations.append(
                Invitation(
                    event.invitation,
                    event.token,
                    event.name,
                    event.relationship,
                    record.at,
                )
            )
        elif isinstance(event, ColleagueFeedbackGiven):
            _first_feedback(state, record, event)
        else:
            _attachments_and_heard(state, event)
    return state


def _attachments_and_heard(state: EvidenceState, event: object) -> None:
    if isinstance(event, QualitativeEvidenceSaved):
        state.heard = [dict(entry) for entry in event.entries]
    elif isinstance(event, AttachmentAdded):
        state.attachments[event.attachment] = Attachment.of(event)
    elif isinstance(event, AttachmentRemoved):
        state.attachments.pop(event.attachment, None)


def _first_feedback(
    state: EvidenceState, record: Recorded, event: ColleagueFeedbackGiven
) -> None:
    known = {i.invitation for i in state.invitations}
    if event.invitation in known and event.invitation not in state.feedback:
        state.feedback[event.invitation] = ColleagueFeedback(
            event.invitation, event.name, event.role, event.text, record.at, record.id
        )
