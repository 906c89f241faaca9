"""What the root-cause protocol records: findings shared, causes, votes.

A shared finding carries only the sentence built from released audit figures
(and its key), never a row of the district's file. A cause belongs to one of
four categories and may answer "why?" about another cause (``parent``, the
record id of that cause). A vote is one person's dot on one cause; withdrawing
it is a new event, so nothing is overwritten.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from facilitate.core.events import PRIVATE, PSEUDONYMOUS, PUBLIC, Event


@dataclass(frozen=True)
class FindingShared(Event):
    """The leader puts one released finding in front of the room."""

    kind: ClassVar[str] = "finding_shared"
    policy: ClassVar[Mapping[str, str]] = {
        "finding": PUBLIC,
        "statement": PUBLIC,
        "detail": PUBLIC,
    }
    finding: str
    statement: str
    detail: str = ""


@dataclass(frozen=True)
class FindingWithdrawn(Event):
    kind: ClassVar[str] = "finding_withdrawn"
    policy: ClassVar[Mapping[str, str]] = {"finding": PUBLIC}
    finding: str


@dataclass(frozen=True)
class CauseAdded(Event):
    """A possible cause; ``parent`` is the cause it answers "why?" about (0: none)."""

    kind: ClassVar[str] = "cause_added"
    policy: ClassVar[Mapping[str, str]] = {
        "participant": PSEUDONYMOUS,
        "category": PUBLIC,
        "text": PRIVATE,
        "parent": PUBLIC,
    }
    participant: str
    category: str
    text: str
    parent: int = 0


@dataclass(frozen=True)
class CauseVoted(Event):
    """One person's dot on a cause (``voted`` False takes it back)."""

    kind: ClassVar[str] = "cause_voted"
    policy: ClassVar[Mapping[str, str]] = {
        "participant": PSEUDONYMOUS,
        "cause": PUBLIC,
        "voted": PUBLIC,
    }
    participant: str
    cause: int
    voted: bool = True


@dataclass(frozen=True)
class CauseHidden(Event):
    """The facilitator takes a cause (and the whys under it) off every screen."""

    kind: ClassVar[str] = "cause_hidden"
    policy: ClassVar[Mapping[str, str]] = {"cause": PUBLIC}
    cause: int
