"""What the self-assessment records: answers, identities, zones, private notes.

Answers, identities, zones and private notes belong to one person: none of their
fields may leave the store, only the release gate's aggregates do.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from facilitate.core.events import PRIVATE, PSEUDONYMOUS, Event


@dataclass(frozen=True)
class SelfAssessmentAnswered(Event):
    """One inventory item; ``answer`` is a scale key or ``prefer_not``."""

    kind: ClassVar[str] = "self_assessment_answered"
    policy: ClassVar[Mapping[str, str]] = {
        "participant": PRIVATE,
        "item": PRIVATE,
        "answer": PRIVATE,
    }
    participant: str
    item: str
    answer: str


@dataclass(frozen=True)
class SelfAssessmentSubmitted(Event):
    kind: ClassVar[str] = "self_assessment_submitted"
    policy: ClassVar[Mapping[str, str]] = {"participant": PSEUDONYMOUS}
    participant: str


@dataclass(frozen=True)
class IdentityReflected(Event):
    """Which identities a person thinks about ``most``, ``least`` or are ``noticed``."""

    kind: ClassVar[str] = "identity_reflected"
    policy: ClassVar[Mapping[str, str]] = {
        "participant": PRIVATE,
        "question": PRIVATE,
        "identities": PRIVATE,
    }
    participant: str
    question: str
    identities: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ZoneChecked(Event):
    """Comfort / risk / danger zone at the ``start`` or ``end`` of the session."""

    kind: ClassVar[str] = "zone_checked"
    policy: ClassVar[Mapping[str, str]] = {
        "participant": PRIVATE,
        "moment": PRIVATE,
        "zone": PRIVATE,
    }
    participant: str
    moment: str
    zone: str


@dataclass(frozen=True)
class PrivateReflectionSaved(Event):
    """Private text as earlier sessions stored it: read, never written any more.

    Private reflections now stay in the person's browser (``private_notes``).
    """

    kind: ClassVar[str] = "private_reflection_saved"
    policy: ClassVar[Mapping[str, str]] = {
        "participant": PRIVATE,
        "prompt": PRIVATE,
        "text": PRIVATE,
    }
    participant: str
    prompt: str
    text: str
