"""The poll's one event."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from facilitate.core.events import PSEUDONYMOUS, PUBLIC, Event


@dataclass(frozen=True)
class PollAnswered(Event):
    kind: ClassVar[str] = "poll_answered"
    policy: ClassVar[Mapping[str, str]] = {
        "participant": PSEUDONYMOUS,
        "answer": PUBLIC,
    }
    participant: str
    answer: str
