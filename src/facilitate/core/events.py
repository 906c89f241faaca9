"""The event base and the session-level kinds.

Events are small frozen dataclasses with JSON-able fields. The store records each
with its session code, a sequence number and a timestamp (the envelope,
``Recorded``); the event itself carries only what happened.

Each activity declares its own kinds in its folder and lists them in its spec; the
registry of every kind (``event_kinds``, ``event_from_payload``) is derived from
the agenda in ``facilitate.core.agenda``, so adding a kind never edits this file,
and this file imports nothing else of the project. Every field of every kind
carries an export policy (``policy``), which decides what may leave the store in
an export: ``public`` as is, ``pseudonymous`` only as a pseudonym, ``private``
never. A test fails on any field without one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

PUBLIC = "public"
PSEUDONYMOUS = "pseudonymous"
PRIVATE = "private"
POLICIES = (PUBLIC, PSEUDONYMOUS, PRIVATE)


@dataclass(frozen=True)
class Event:
    """Base class: subclasses set ``kind``, ``policy`` and add their own fields."""

    kind: ClassVar[str] = ""
    #: field name -> PUBLIC, PSEUDONYMOUS or PRIVATE (what an export may carry).
    policy: ClassVar[Mapping[str, str]] = {}

    def payload(self) -> dict[str, Any]:
        """The event's fields as a JSON-able dict (without the kind)."""
        return dataclasses.asdict(self)

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(cls))

    def presence(self) -> tuple[str, str] | None:
        """``(person, role)`` if this event puts someone in the room, else None.

        The cover counts who was present by role without knowing which
        activities can add a person (a speaker without a device, say).
        """
        return None


# --- session life -------------------------------------------------------------------


@dataclass(frozen=True)
class SessionCreated(Event):
    """A new session. ``school`` and ``district`` label the room for comparisons:
    they name a place, never a person, so exports may carry them (the title may
    say anything and stays private). Older logs without them load as unlabelled.
    """

    kind: ClassVar[str] = "session_created"
    policy: ClassVar[Mapping[str, str]] = {
        "title": PRIVATE,
        "key": PRIVATE,
        "min_group_size": PUBLIC,
        "school": PUBLIC,
        "district": PUBLIC,
    }
    title: str
    key: str
    #: 0 (``config.AUTO_GROUP_SIZE``): k fits the room; see ``group_size.fitted_k``.
    min_group_size: int = 5
    school: str = ""
    district: str = ""


@dataclass(frozen=True)
class PhaseChanged(Event):
    kind: ClassVar[str] = "phase_changed"
    policy: ClassVar[Mapping[str, str]] = {"phase": PUBLIC}
    phase: str


@dataclass(frozen=True)
class ResultsRevealed(Event):
    """The facilitator shows (or hides again) an activity's results on the display."""

    kind: ClassVar[str] = "results_revealed"
    policy: ClassVar[Mapping[str, str]] = {"activity": PUBLIC, "revealed": PUBLIC}
    activity: str
    revealed: bool = True


@dataclass(frozen=True)
class SettingChanged(Event):
    """A facilitator setting such as the minimum group size or showing names."""

    kind: ClassVar[str] = "setting_changed"
    policy: ClassVar[Mapping[str, str]] = {"name": PUBLIC, "value": PUBLIC}
    name: str
    value: Any


@dataclass(frozen=True)
class DisplayTokenIssued(Event):
    """A new view-only token for the projected display; earlier ones stop working."""

    kind: ClassVar[str] = "display_token_issued"
    policy: ClassVar[Mapping[str, str]] = {"token": PRIVATE}
    token: str


@dataclass(frozen=True)
class ParticipantJoined(Event):
    kind: ClassVar[str] = "participant_joined"
    policy: ClassVar[Mapping[str, str]] = {
        "participant": PSEUDONYMOUS,
        "name": PRIVATE,
        "role": PRIVATE,
    }
    participant: str
    name: str
    role: str = ""

    def presence(self) -> tuple[str, str]:
        return self.participant, self.role


# --- the leader's evidence pack ---------------------------------------------------


@dataclass(frozen=True)
class LeaderNoteSaved(Event):
    """The leader's text for one part of the evidence pack; the latest save wins."""

    kind: ClassVar[str] = "leader_note_saved"
    policy: ClassVar[Mapping[str, str]] = {"section": PUBLIC, "text": PRIVATE}
    section: str
    text: str


@dataclass(frozen=True)
class RubricChecked(Event):
    """The leader's self-rating of one scoring-guide row; the latest wins."""

    kind: ClassVar[str] = "rubric_checked"
    policy: ClassVar[Mapping[str, str]] = {"criterion": PUBLIC, "level": PUBLIC}
    criterion: str
    level: str


@dataclass(frozen=True)
class RubricEvidenceLinked(Event):
    """The evidence the leader links to one scoring-guide row; the latest wins.

    ``evidence`` holds keys of the pack's parts and session evidence, never text.
    """

    kind: ClassVar[str] = "rubric_evidence_linked"
    policy: ClassVar[Mapping[str, str]] = {"criterion": PUBLIC, "evidence": PUBLIC}
    criterion: str
    evidence: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ColleagueInvited(Event):
    """The leader made a one-time feedback link for a participating colleague.

    ``invitation`` names the link in the log; ``token`` is the secret the link
    carries, so it stays as private as the facilitator key.
    """

    kind: ClassVar[str] = "colleague_invited"
    policy: ClassVar[Mapping[str, str]] = {
        "invitation": PUBLIC,
        "token": PRIVATE,
        "name": PRIVATE,
        "relationship": PRIVATE,
    }
    invitation: str
    token: str
    name: str
    relationship: str = ""


@dataclass(frozen=True)
class ColleagueFeedbackGiven(Event):
    """A colleague's own words on how the leader facilitated; only the first counts."""

    kind: ClassVar[str] = "colleague_feedback_given"
    policy: ClassVar[Mapping[str, str]] = {
        "invitation": PUBLIC,
        "name": PRIVATE,
        "role": PRIVATE,
        "text": PRIVATE,
    }
    invitation: str
    name: str
    role: str
    text: str


@dataclass(frozen=True)
class QualitativeEvidenceSaved(Event):
    """What the leader heard for the needs assessment (surveys, interviews,
    listening sessions); the latest list wins. Each entry holds ``source``,
    ``date``, ``themes`` and ``quotes`` (short, without names)."""

    kind: ClassVar[str] = "qualitative_evidence_saved"
    policy: ClassVar[Mapping[str, str]] = {"entries": PRIVATE}
    entries: list[dict[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class AttachmentAdded(Event):
    """A file or link the leader attached to a part of the evidence pack.

    ``media_type`` is ``link`` for a link (``link`` holds it), else the file's
    type; the file itself is kept in the session's private folder, never here.
    """

    kind: ClassVar[str] = "attachment_added"
    policy: ClassVar[Mapping[str, str]] = {
        "attachment": PUBLIC,
        "part": PUBLIC,
        "form": PUBLIC,
        "name": PRIVATE,
        "media_type": PUBLIC,
        "size": PUBLIC,
        "link": PRIVATE,
        "description": PRIVATE,
    }
    attachment: str
    part: str
    form: str
    name: str
    media_type: str
    size: int
    link: str
    description: str


@dataclass(frozen=True)
class AttachmentRemoved(Event):
    """The leader took an attachment out of the pack (its file is deleted)."""

    kind: ClassVar[str] = "attachment_removed"
    policy: ClassVar[Mapping[str, str]] = {"attachment": PUBLIC}
    attachment: str


#: Kinds every session has, whatever its agenda.
CORE_EVENTS: tuple[type[Event], ...] = (
    SessionCreated,
    PhaseChanged,
    ResultsRevealed,
    SettingChanged,
    DisplayTokenIssued,
    ParticipantJoined,
    LeaderNoteSaved,
    RubricChecked,
    RubricEvidenceLinked,
    ColleagueInvited,
    ColleagueFeedbackGiven,
    QualitativeEvidenceSaved,
    AttachmentAdded,
    AttachmentRemoved,
)


@dataclass(frozen=True)
class Recorded:
    """An event as the log holds it: sequence number, session code and time."""

    id: int
    session: str
    at: float
    event: Event

    @property
    def kind(self) -> str:
        return self.event.kind
