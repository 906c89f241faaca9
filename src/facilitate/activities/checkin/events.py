"""The check-in's one event: how a person is arriving (latest answer counts)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from facilitate.core.events import PSEUDONYMOUS, PUBLIC, Event, Recorded
from facilitate.core.language import N_


@dataclass(frozen=True)
class CheckinAnswered(Event):
    kind: ClassVar[str] = "checkin_answered"
    policy: ClassVar[Mapping[str, str]] = {
        "participant": PSEUDONYMOUS,
        "answer": PUBLIC,
    }
    participant: str
    answer: str


#: The name of the group that merges feelings chosen by fewer than k.
ANOTHER_FEELING = N_("another feeling")


def checked_in(record: Recorded) -> str | None:
    """Who a check-in record is from (their first one is their submission)."""
    event = record.event
    return event.participant if isinstance(event, CheckinAnswered) else None
