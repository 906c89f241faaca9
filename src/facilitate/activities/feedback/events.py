"""The closing form's event: ratings and two open answers."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from facilitate.core.events import PRIVATE, PSEUDONYMOUS, PUBLIC, Event


@dataclass(frozen=True)
class FeedbackGiven(Event):
    kind: ClassVar[str] = "feedback_given"
    policy: ClassVar[Mapping[str, str]] = {
        "participant": PSEUDONYMOUS,
        "ratings": PUBLIC,
        "helped": PRIVATE,
        "more_equitable": PRIVATE,
    }
    participant: str
    ratings: dict[str, int] = field(default_factory=dict)
    helped: str = ""
    more_equitable: str = ""
