"""A team's log folded into plain Python: cycles, students, concerns, supports.

Pure Python (no pandas) because every member's page folds the log on each poll.
The fold is incremental (``apply`` takes only what is new) and keeps every fact
with the cycle it belongs to, so any question can be asked "as of" a past cycle:
the flags over time in the export are the page's flags asked at each meeting.
Cycles are ISO dates, so comparing two of them is comparing strings.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from facilitate.core.config import DEFAULT_MIN_GROUP_SIZE
from facilitate.core.events import Recorded
from facilitate.teams.events import (
    CauseNoted,
    ClassCounted,
    ConcernRaised,
    ConcernResolved,
    CycleOpened,
    ResponseChecked,
    StudentAdded,
    SupportAdded,
    SupportEnded,
    TeamCreated,
)

Pair = tuple[str, str]
"""A student and an area: where a concern, its supports and its checks meet."""


@dataclass(frozen=True)
class Student:
    student: str
    label: str
    group: str
    cycle: str


@dataclass(frozen=True)
class Support:
    """A support as decided; ``id`` is its place in the log (for ordering)."""

    id: int
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
    #: The notes of what is behind the difficulty (Q2) that the support targets.
    causes: tuple[str, ...] = ()

    @property
    def pair(self) -> Pair:
        return (self.student, self.area)

    @property
    def watched_from(self) -> str:
        """The date from which the team expects checks: started and decided."""
        return max(self.start, self.cycle)


@dataclass(frozen=True)
class Check:
    id: int
    student: str
    area: str
    cycle: str
    response: str
    evidence: str


@dataclass(frozen=True)
class Cause:
    """One note of what the team thinks is behind a student's difficulty (Q2)."""

    id: int
    cause: str
    student: str
    note: str
    cycle: str


@dataclass(frozen=True)
class Mark:
    """A concern raised (True) or resolved (False) at ``cycle``."""

    id: int
    cycle: str
    raised: bool


@dataclass
class TeamState:
    """Everything the team has recorded, latest corrections applied."""

    title: str = ""
    min_group_size: int = DEFAULT_MIN_GROUP_SIZE
    cycles: list[str] = field(default_factory=list)
    students: dict[str, Student] = field(default_factory=dict)
    concerns: dict[Pair, list[Mark]] = field(default_factory=dict)
    supports: dict[str, Support] = field(default_factory=dict)
    ends: dict[str, tuple[str, str]] = field(default_factory=dict)
    checks: dict[Pair, dict[str, Check]] = field(default_factory=dict)
    causes: dict[str, list[Cause]] = field(default_factory=dict)
    composition: dict[str, int] = field(default_factory=dict)
    last_id: int = 0

    def apply(self, records: Iterable[Recorded]) -> TeamState:
        """Fold new events in (in place) and return self, for chaining."""
        for record in records:
            self._apply_one(record)
            self.last_id = max(self.last_id, record.id)
        return self

    def _apply_one(self, record: Recorded) -> None:
        event = record.event
        if isinstance(event, TeamCreated):
            self.title, self.min_group_size = event.title, event.min_group_size
        elif isinstance(event, CycleOpened) and event.date not in self.cycles:
            self.cycles = sorted([*self.cycles, event.date])
        elif isinstance(event, StudentAdded):
            self.students[event.student] = Student(
                event.student, event.label, event.group, event.cycle
            )
        elif isinstance(event, ConcernRaised | ConcernResolved):
            mark = Mark(record.id, event.cycle, isinstance(event, ConcernRaised))
            self.concerns.setdefault((event.student, event.area), []).append(mark)
        elif isinstance(event, SupportAdded):
            fields = {**event.payload(), "causes": tuple(event.causes)}
            self.supports[event.support] = Support(id=record.id, **fields)
        elif isinstance(event, CauseNoted):
            cause = Cause(
                record.id, event.cause, event.student, event.note, event.cycle
            )
            self.causes.setdefault(event.cause, []).append(cause)
        elif isinstance(event, SupportEnded):
            self.ends.setdefault(event.support, (event.cycle, event.reason))
        elif isinstance(event, ResponseChecked):
            check = Check(
                record.id,
                event.student,
                event.area,
                event.cycle,
                event.response,
                event.evidence,
            )
            self.checks.setdefault((event.student, event.area), {})[event.cycle] = check
        elif isinstance(event, ClassCounted):
            if event.count > 0:
                self.composition[event.group] = event.count
            else:
                self.composition.pop(event.group, None)

    # --- questions asked "as of" a cycle ------------------------------------------

    def concern_open(self, pair: Pair, cycle: str) -> bool:
        """Whether the latest mark for ``pair`` up to ``cycle`` raised a concern."""
        marks = [m for m in self.concerns.get(pair, ()) if m.cycle <= cycle]
        return bool(marks) and max(marks, key=lambda m: (m.cycle, m.id)).raised

    def ever_raised(self, pair: Pair, cycle: str) -> bool:
        return any(m.raised and m.cycle <= cycle for m in self.concerns.get(pair, ()))

    def open_pairs(self, cycle: str) -> list[Pair]:
        """Student-area pairs with an open concern at ``cycle``, in log order."""
        return [pair for pair in self.concerns if self.concern_open(pair, cycle)]

    def end_of(self, support: Support, cycle: str) -> str | None:
        """Why ``support`` is over by ``cycle`` (its end, or its concern resolved)."""
        ended = self.ends.get(support.support)
        if ended is not None and ended[0] <= cycle:
            return ended[1]
        for mark in self.concerns.get(support.pair, ()):
            later = (mark.cycle, mark.id) > (support.cycle, support.id)
            if not mark.raised and later and mark.cycle <= cycle:
                return "resolved"
        return None

    def supports_of(self, pair: Pair, cycle: str) -> list[Support]:
        """Supports decided by ``cycle`` and not over: in place or planned."""
        return [
            s
            for s in self.supports.values()
            if s.pair == pair and s.cycle <= cycle and self.end_of(s, cycle) is None
        ]

    def in_place(self, cycle: str) -> list[Support]:
        """Every support running at ``cycle``: decided, started and not over."""
        return [
            s
            for s in self.supports.values()
            if s.cycle <= cycle and s.start <= cycle and self.end_of(s, cycle) is None
        ]

    def checks_of(self, pair: Pair, since: str, cycle: str) -> list[Check]:
        """Checks of ``pair`` at cycles from ``since`` to ``cycle``, oldest first."""
        found = self.checks.get(pair, {})
        return [found[c] for c in sorted(found) if since <= c <= cycle]

    def last_check(self, pair: Pair, cycle: str) -> Check | None:
        found = self.checks_of(pair, "", cycle)
        return found[-1] if found else None

    def cycles_between(self, after: str, cycle: str) -> list[str]:
        """Meetings strictly after ``after``, up to and including ``cycle``."""
        return [c for c in self.cycles if after < c <= cycle]

    def causes_of(self, student: str, cycle: str) -> list[Cause]:
        """What the team thinks is behind ``student``'s difficulty, as of
        ``cycle``: each note's latest wording, withdrawn ones left out."""
        found = []
        for notes in self.causes.values():
            known = [n for n in notes if n.student == student and n.cycle <= cycle]
            if known:
                latest = max(known, key=lambda n: (n.cycle, n.id))
                found += [latest] if latest.note else []
        return sorted(found, key=lambda n: n.id)

    def latest_cycle(self) -> str | None:
        return self.cycles[-1] if self.cycles else None


def team_state(records: Iterable[Recorded]) -> TeamState:
    return TeamState().apply(records)
