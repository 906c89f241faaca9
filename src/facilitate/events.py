"""Every kind of event the session log can hold, in one place.

Events are small frozen dataclasses with JSON-able fields. The store records each with
its session code, a sequence number and a timestamp (the envelope, ``Recorded``); the
event itself carries only what happened. Adding a kind means adding a dataclass here
and listing it in ``EVENT_KINDS``; nothing else in the write path changes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, ClassVar

from facilitate.errors import FacilitateError


@dataclass(frozen=True)
class Event:
    """Base class: subclasses set ``kind`` and add their own fields."""

    kind: ClassVar[str] = ""

    def payload(self) -> dict[str, Any]:
        """The event's fields as a JSON-able dict (without the kind)."""
        return dataclasses.asdict(self)


# --- session life -------------------------------------------------------------------


@dataclass(frozen=True)
class SessionCreated(Event):
    kind: ClassVar[str] = "session_created"
    title: str
    key: str
    min_group_size: int = 5


@dataclass(frozen=True)
class PhaseChanged(Event):
    kind: ClassVar[str] = "phase_changed"
    phase: str


@dataclass(frozen=True)
class ResultsRevealed(Event):
    """The facilitator shows (or hides again) an activity's results on the console."""

    kind: ClassVar[str] = "results_revealed"
    activity: str
    revealed: bool = True


@dataclass(frozen=True)
class SettingChanged(Event):
    """A facilitator setting such as the minimum group size or showing names."""

    kind: ClassVar[str] = "setting_changed"
    name: str
    value: Any


# --- participants -------------------------------------------------------------------


@dataclass(frozen=True)
class ParticipantJoined(Event):
    kind: ClassVar[str] = "participant_joined"
    participant: str
    name: str
    role: str = ""


@dataclass(frozen=True)
class CheckinAnswered(Event):
    kind: ClassVar[str] = "checkin_answered"
    participant: str
    answer: str


# --- self-assessment ----------------------------------------------------------------


@dataclass(frozen=True)
class SelfAssessmentAnswered(Event):
    """One inventory item; ``answer`` is a scale key or ``prefer_not``."""

    kind: ClassVar[str] = "self_assessment_answered"
    participant: str
    item: str
    answer: str


@dataclass(frozen=True)
class SelfAssessmentSubmitted(Event):
    kind: ClassVar[str] = "self_assessment_submitted"
    participant: str


@dataclass(frozen=True)
class IdentityReflected(Event):
    """Which identities a person thinks about ``most``, ``least`` or are ``noticed``."""

    kind: ClassVar[str] = "identity_reflected"
    participant: str
    question: str
    identities: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ZoneChecked(Event):
    """Comfort / risk / danger zone at the ``start`` or ``end`` of the session."""

    kind: ClassVar[str] = "zone_checked"
    participant: str
    moment: str
    zone: str


@dataclass(frozen=True)
class PrivateReflectionSaved(Event):
    """Private text: shown only to its author, never on a shared screen or export."""

    kind: ClassVar[str] = "private_reflection_saved"
    participant: str
    prompt: str
    text: str


# --- shared-vision alignment --------------------------------------------------------


@dataclass(frozen=True)
class PracticeAdded(Event):
    kind: ClassVar[str] = "practice_added"
    practice: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class PracticeRated(Event):
    """Spectrum 1..7 (extrinsic..intrinsic), now and vision 1..5; None when skipped."""

    kind: ClassVar[str] = "practice_rated"
    participant: str
    practice: str
    spectrum: int | None = None
    now: int | None = None
    vision: int | None = None
    skipped: bool = False


@dataclass(frozen=True)
class VisionOffered(Event):
    kind: ClassVar[str] = "vision_offered"
    participant: str
    text: str


# --- participation equity -----------------------------------------------------------


@dataclass(frozen=True)
class SpeakerAdded(Event):
    """A person without a device, added by seat label on the tracker."""

    kind: ClassVar[str] = "speaker_added"
    speaker: str
    label: str
    role: str = ""


@dataclass(frozen=True)
class TurnStarted(Event):
    """A tap: ``speaker`` starts talking (None = silence); ends the previous turn."""

    kind: ClassVar[str] = "turn_started"
    speaker: str | None


@dataclass(frozen=True)
class TapUndone(Event):
    """Cancels the tap recorded as event ``target``; nothing is deleted."""

    kind: ClassVar[str] = "tap_undone"
    target: int


# --- reflection and feedback --------------------------------------------------------


@dataclass(frozen=True)
class FeedbackGiven(Event):
    kind: ClassVar[str] = "feedback_given"
    participant: str
    ratings: dict[str, int] = field(default_factory=dict)
    helped: str = ""
    more_equitable: str = ""


@dataclass(frozen=True)
class LeaderNoteSaved(Event):
    """The leader's context, goals or reflection sections, latest wins per section."""

    kind: ClassVar[str] = "leader_note_saved"
    section: str
    text: str


@dataclass(frozen=True)
class RubricChecked(Event):
    kind: ClassVar[str] = "rubric_checked"
    criterion: str
    level: str


EVENT_KINDS: dict[str, type[Event]] = {
    cls.kind: cls
    for cls in (
        SessionCreated,
        PhaseChanged,
        ResultsRevealed,
        SettingChanged,
        ParticipantJoined,
        CheckinAnswered,
        SelfAssessmentAnswered,
        SelfAssessmentSubmitted,
        IdentityReflected,
        ZoneChecked,
        PrivateReflectionSaved,
        PracticeAdded,
        PracticeRated,
        VisionOffered,
        SpeakerAdded,
        TurnStarted,
        TapUndone,
        FeedbackGiven,
        LeaderNoteSaved,
        RubricChecked,
    )
}

#: Kinds whose text belongs to one person alone: never shown to others or exported.
PRIVATE_KINDS = frozenset({PrivateReflectionSaved.kind, SelfAssessmentAnswered.kind})


class UnknownEventKind(FacilitateError):
    def __init__(self, kind: str) -> None:
        valid = ", ".join(sorted(EVENT_KINDS))
        super().__init__(f"'{kind}' is not an event kind. Valid kinds: {valid}.")


def event_from_payload(kind: str, payload: dict[str, Any]) -> Event:
    """Rebuild an event from what the store kept."""
    try:
        cls = EVENT_KINDS[kind]
    except KeyError:
        raise UnknownEventKind(kind) from None
    return cls(**payload)


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
