"""The check-in's one event: how a person is arriving (latest answer counts)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from facilitate.core.events import PSEUDONYMOUS, PUBLIC, Event


@dataclass(frozen=True)
class CheckinAnswered(Event):
    kind: ClassVar[str] = "checkin_answered"
    policy: ClassVar[Mapping[str, str]] = {
        "participant": PSEUDONYMOUS,
        "answer": PUBLIC,
    }
    participant: str
    answer: str
