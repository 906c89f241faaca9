"""The cycle board and a student's timeline, as plain data built from the state.

The board answers the meeting's questions at one glance: one row per student of
concern with what the team thinks is behind the difficulty, one column per area,
and in each cell the supports in place or planned (with the causes each
targets) and the last response: cause, support, response. The timeline follows
one student across meetings. Both are pure functions, so the page, the benchmark
and the tests build the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from facilitate.teams.flags import Flag, check_due, flags_at
from facilitate.teams.state import Cause, Check, Student, Support, TeamState


@dataclass(frozen=True)
class Cell:
    """One student's concern in one area at the board's cycle."""

    area: str
    now: tuple[Support, ...]
    planned: tuple[Support, ...]
    due: tuple[str, ...]
    last: Check | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Row:
    student: Student
    cells: dict[str, Cell]
    #: What the team thinks is behind the student's difficulty (Q2).
    causes: tuple[Cause, ...] = ()


@dataclass(frozen=True)
class Board:
    cycle: str
    areas: tuple[str, ...]
    rows: tuple[Row, ...]
    flags: tuple[Flag, ...]
    closed: tuple[Student, ...]


def label_order(student: Student) -> tuple[str, str]:
    return (student.label.casefold(), student.student)


def _as_listed(area: str) -> int:
    return 0


def board_at(
    state: TeamState, cycle: str, area_order: Callable[[str], int] = _as_listed
) -> Board:
    """Students of concern at ``cycle`` (newly added ones too) by areas."""
    flags = flags_at(state, cycle)
    by_pair: dict[tuple[str, str], list[str]] = {}
    for flag in flags:
        by_pair.setdefault(flag.pair, []).append(flag.kind)
    cells: dict[str, dict[str, Cell]] = {}
    for pair in state.open_pairs(cycle):
        cells.setdefault(pair[0], {})[pair[1]] = _cell(
            state, pair, cycle, tuple(by_pair.get(pair, ()))
        )
    known = [s for s in state.students.values() if s.cycle <= cycle]
    rows = tuple(
        Row(s, cells.get(s.student, {}), tuple(state.causes_of(s.student, cycle)))
        for s in sorted(known, key=label_order)
        if s.student in cells or not _ever_raised(state, s, cycle)
    )
    closed = tuple(
        s for s in sorted(known, key=label_order) if s not in _students(rows)
    )
    used = {area for row in rows for area in row.cells}
    areas = tuple(sorted(used, key=lambda a: (area_order(a), a)))
    return Board(cycle, areas, rows, tuple(flags), closed)


def _students(rows: tuple[Row, ...]) -> set[Student]:
    return {row.student for row in rows}


def _ever_raised(state: TeamState, student: Student, cycle: str) -> bool:
    return any(
        state.ever_raised(pair, cycle)
        for pair in state.concerns
        if pair[0] == student.student
    )


def _cell(
    state: TeamState, pair: tuple[str, str], cycle: str, flags: tuple[str, ...]
) -> Cell:
    supports = sorted(state.supports_of(pair, cycle), key=lambda s: (-s.tier, s.id))
    now = tuple(s for s in supports if s.start <= cycle)
    return Cell(
        area=pair[1],
        now=now,
        planned=tuple(s for s in supports if s.start > cycle),
        due=tuple(s.support for s in now if check_due(state, s, cycle)),
        last=state.last_check(pair, cycle),
        flags=flags,
    )


# --- one student across meetings --------------------------------------------------


@dataclass(frozen=True)
class Moment:
    """Something that happened to one student in one area at one meeting.

    ``what`` is raised, resolved, cause, support, ended or check; ``support``,
    ``check`` or ``note`` holds the detail.
    """

    cycle: str
    area: str
    what: str
    support: Support | None = None
    check: Check | None = None
    reason: str = ""
    note: str = ""


def timeline(state: TeamState, student: str) -> dict[str, list[Moment]]:
    """Meeting date -> what happened to ``student`` then, every meeting listed."""
    moments: dict[str, list[Moment]] = {cycle: [] for cycle in state.cycles}
    for (who, area), marks in state.concerns.items():
        if who == student:
            for mark in marks:
                what = "raised" if mark.raised else "resolved"
                moments.setdefault(mark.cycle, []).append(
                    Moment(mark.cycle, area, what)
                )
    for notes in state.causes.values():
        for cause in notes:
            if cause.student == student and cause.note:
                moments.setdefault(cause.cycle, []).append(
                    Moment(cause.cycle, "", "cause", note=cause.note)
                )
    for support in state.supports.values():
        if support.student == student:
            moments.setdefault(support.cycle, []).append(
                Moment(support.cycle, support.area, "support", support=support)
            )
            ended = state.ends.get(support.support)
            if ended is not None:
                moments.setdefault(ended[0], []).append(
                    Moment(ended[0], support.area, "ended", support, reason=ended[1])
                )
    for (who, area), checks in state.checks.items():
        if who == student:
            for check in checks.values():
                moments.setdefault(check.cycle, []).append(
                    Moment(check.cycle, area, "check", check=check)
                )
    return {cycle: moments[cycle] for cycle in sorted(moments)}
