"""What a team's page records: the team, its meetings, students, supports, checks.

Students are known on the page by initials or a school ID (``label``), never a
full name; events name them by a random id (``student``), so nothing that leaves
the team needs the label. Everything a person typed (labels, what a support is,
who owns it, what is behind a difficulty, evidence notes, group names) is
``private``: only counts built by the
release gate leave the team. Meetings (cycles) are named by their ISO date.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from facilitate.core.events import PRIVATE, PSEUDONYMOUS, PUBLIC, Event

#: A response check's possible answers, in the order the page offers them.
RESPONSES: tuple[tuple[str, str], ...] = (
    ("improving", "Improving"),
    ("no_change", "No change"),
    ("declining", "Declining"),
    ("too_early", "Too early to tell"),
)
RESPONSE_LABELS = dict(RESPONSES)
TIERS = (1, 2, 3)
#: Why a support ended; the page offers these in this order.
END_REASONS: tuple[tuple[str, str], ...] = (
    ("stepped_down", "Stepped down: no longer needed at this level"),
    ("changed", "Changed for a different support"),
    ("intensified", "Intensified: replaced by a stronger support"),
    ("completed", "Completed"),
)


@dataclass(frozen=True)
class TeamCreated(Event):
    """A team is born with a title, a secret key and its smallest shown group."""

    kind: ClassVar[str] = "team_created"
    policy: ClassVar[Mapping[str, str]] = {
        "title": PRIVATE,
        "key": PRIVATE,
        "min_group_size": PUBLIC,
    }
    title: str
    key: str
    min_group_size: int = 5


@dataclass(frozen=True)
class CycleOpened(Event):
    """A meeting of the team (a cycle), named by its date (YYYY-MM-DD)."""

    kind: ClassVar[str] = "cycle_opened"
    policy: ClassVar[Mapping[str, str]] = {"date": PUBLIC}
    date: str


@dataclass(frozen=True)
class StudentAdded(Event):
    """Q1: a student of concern, by initials or school ID, with an optional group."""

    kind: ClassVar[str] = "student_added"
    policy: ClassVar[Mapping[str, str]] = {
        "student": PSEUDONYMOUS,
        "label": PRIVATE,
        "group": PRIVATE,
        "cycle": PUBLIC,
    }
    student: str
    label: str
    group: str
    cycle: str


@dataclass(frozen=True)
class ConcernRaised(Event):
    """Q2: the team has a concern about ``student`` in ``area`` from ``cycle`` on."""

    kind: ClassVar[str] = "concern_raised"
    policy: ClassVar[Mapping[str, str]] = {
        "student": PSEUDONYMOUS,
        "area": PUBLIC,
        "cycle": PUBLIC,
    }
    student: str
    area: str
    cycle: str


@dataclass(frozen=True)
class ConcernResolved(Event):
    """Q2: the concern is closed at ``cycle``; its supports end with it."""

    kind: ClassVar[str] = "concern_resolved"
    policy: ClassVar[Mapping[str, str]] = {
        "student": PSEUDONYMOUS,
        "area": PUBLIC,
        "cycle": PUBLIC,
    }
    student: str
    area: str
    cycle: str


@dataclass(frozen=True)
class CauseNoted(Event):
    """Q2: what the team thinks is behind a student's difficulty, in a short note.

    ``cause`` names the note, so a support can say it targets it; a later note
    with the same ``cause`` replaces it, and an empty one withdraws it. The note
    stays on the team's page and is never exported.
    """

    kind: ClassVar[str] = "cause_noted"
    policy: ClassVar[Mapping[str, str]] = {
        "cause": PSEUDONYMOUS,
        "student": PSEUDONYMOUS,
        "note": PRIVATE,
        "cycle": PUBLIC,
    }
    cause: str
    student: str
    note: str
    cycle: str


@dataclass(frozen=True)
class SupportAdded(Event):
    """Q3: a support decided at ``cycle``, in place from ``start`` (now or planned).

    ``check_every`` is how many meetings apart its response is checked;
    ``causes`` names the notes of what is behind the difficulty (Q2) it targets,
    so the team reads cause, then support, then response.
    """

    kind: ClassVar[str] = "support_added"
    policy: ClassVar[Mapping[str, str]] = {
        "support": PUBLIC,
        "student": PSEUDONYMOUS,
        "area": PUBLIC,
        "what": PRIVATE,
        "support_type": PUBLIC,
        "tier": PUBLIC,
        "owner": PRIVATE,
        "start": PUBLIC,
        "check_every": PUBLIC,
        "cycle": PUBLIC,
        "causes": PSEUDONYMOUS,
    }
    support: str
    student: str
    area: str
    what: str
    support_type: str
    tier: int
    owner: str
    start: str
    check_every: int
    cycle: str
    causes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SupportEnded(Event):
    """Q3: a support stops at ``cycle`` (stepped down, changed, ...)."""

    kind: ClassVar[str] = "support_ended"
    policy: ClassVar[Mapping[str, str]] = {
        "support": PUBLIC,
        "reason": PUBLIC,
        "cycle": PUBLIC,
    }
    support: str
    reason: str
    cycle: str


@dataclass(frozen=True)
class ResponseChecked(Event):
    """Q4: how ``student`` responded in ``area`` by ``cycle``, and the evidence.

    The latest check per student, area and cycle wins (a correction is a new one).
    """

    kind: ClassVar[str] = "response_checked"
    policy: ClassVar[Mapping[str, str]] = {
        "student": PSEUDONYMOUS,
        "area": PUBLIC,
        "cycle": PUBLIC,
        "response": PUBLIC,
        "evidence": PRIVATE,
    }
    student: str
    area: str
    cycle: str
    response: str
    evidence: str


@dataclass(frozen=True)
class ClassCounted(Event):
    """The equity lens: how many students of ``group`` the classes hold (0 drops it)."""

    kind: ClassVar[str] = "class_counted"
    policy: ClassVar[Mapping[str, str]] = {"group": PRIVATE, "count": PUBLIC}
    group: str
    count: int


TEAM_EVENTS: tuple[type[Event], ...] = (
    TeamCreated,
    CycleOpened,
    StudentAdded,
    ConcernRaised,
    ConcernResolved,
    CauseNoted,
    SupportAdded,
    SupportEnded,
    ResponseChecked,
    ClassCounted,
)
