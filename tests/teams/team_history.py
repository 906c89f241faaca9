"""Literal team histories for the flag, board and export tests."""

from __future__ import annotations

from facilitate.core.events import Event, Recorded
from facilitate.teams.events import (
    ConcernRaised,
    ConcernResolved,
    CycleOpened,
    ResponseChecked,
    StudentAdded,
    SupportAdded,
    SupportEnded,
    TeamCreated,
)
from facilitate.teams.state import TeamState, team_state

CODE = "T-ABCDEF"
C1, C2, C3, C4, C5 = (
    "2026-01-12",
    "2026-01-26",
    "2026-02-09",
    "2026-02-23",
    "2026-03-09",
)
MEETINGS = (C1, C2, C3, C4, C5)


def history(*events: Event, k: int = 3) -> TeamState:
    """A team with five meetings, then ``events``, each with its place in the log."""
    opening = [TeamCreated("Grade 4", "key", k), *(CycleOpened(c) for c in MEETINGS)]
    everything = [*opening, *events]
    return team_state(
        Recorded(i, CODE, 0.0, event) for i, event in enumerate(everything, start=1)
    )


def student(who: str = "a", cycle: str = C1, group: str = "") -> StudentAdded:
    return StudentAdded(who, who.upper(), group, cycle)


def concern(who: str = "a", area: str = "reading", cycle: str = C1) -> ConcernRaised:
    return ConcernRaised(who, area, cycle)


def resolved(who: str = "a", area: str = "reading", cycle: str = C1) -> ConcernResolved:
    return ConcernResolved(who, area, cycle)


def support(
    name: str = "s1",
    who: str = "a",
    area: str = "reading",
    start: str = C1,
    cycle: str = C1,
    tier: int = 2,
    every: int = 1,
    kind: str = "small_group",
    owner: str = "Ms Owner",
) -> SupportAdded:
    return SupportAdded(
        support=name,
        student=who,
        area=area,
        what=f"what {name}",
        support_type=kind,
        tier=tier,
        owner=owner,
        start=start,
        check_every=every,
        cycle=cycle,
    )


def ended(name: str = "s1", cycle: str = C2, reason: str = "changed") -> SupportEnded:
    return SupportEnded(name, reason, cycle)


def check(
    cycle: str, response: str, who: str = "a", area: str = "reading"
) -> ResponseChecked:
    return ResponseChecked(who, area, cycle, response, f"evidence {cycle}")
