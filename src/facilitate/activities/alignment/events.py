"""What the shared-vision exercise records: added practices, ratings, visions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from facilitate.core.events import PRIVATE, PSEUDONYMOUS, PUBLIC, Event


@dataclass(frozen=True)
class PracticeAdded(Event):
    kind: ClassVar[str] = "practice_added"
    policy: ClassVar[Mapping[str, str]] = {
        "practice": PUBLIC,
        "label": PUBLIC,
        "description": PRIVATE,
    }
    practice: str
    label: str
    description: str = ""


@dataclass(frozen=True)
class PracticeRated(Event):
    """Spectrum 1..7 (extrinsic..intrinsic), now and vision 1..5; None when skipped."""

    kind: ClassVar[str] = "practice_rated"
    policy: ClassVar[Mapping[str, str]] = {
        "participant": PSEUDONYMOUS,
        "practice": PUBLIC,
        "spectrum": PUBLIC,
        "now": PUBLIC,
        "vision": PUBLIC,
        "skipped": PUBLIC,
    }
    participant: str
    practice: str
    spectrum: int | None = None
    now: int | None = None
    vision: int | None = None
    skipped: bool = False


@dataclass(frozen=True)
class VisionOffered(Event):
    kind: ClassVar[str] = "vision_offered"
    policy: ClassVar[Mapping[str, str]] = {"participant": PRIVATE, "text": PRIVATE}
    participant: str
    text: str
