"""The team meeting by meeting, as its principal or coach reads it.

Two tables, one row per meeting:

- **Students**: how many students the team named (an open concern), and each
  named student in exactly one status: improving, not responding (no change or
  declining), supported with no response known yet, or not yet supported. The
  statuses split the students named, so each row is one partition through the
  gate (``cells``), and "Supported" is shown whenever it can be read off what
  is shown. A meeting's students are a snapshot, so meetings are never merged
  here: two snapshots added up would count a student twice.
- **Flags**: how many flags of each kind the meeting raised. Flags at different
  meetings are different events, so adjacent meetings too quiet to show
  anything (fewer than k flags each) are merged into one period until it holds
  k, as the gate merges adjacent points of a scale; a meeting with k flags or
  more always keeps its own row.

**Cells the two tables share.** "Not yet supported" (students) and "Concern
with no support" (flags) count the same students whenever each unsupported
student has one concern and no support planned, so one shown exactly while the
other sits in a merged group would let a reader subtract it from that group. At
each meeting with its own flags row the two are released together
(``released_apart``): either both stand alone, or neither does, the one that
could have joining its row's merged group. A period of quiet meetings needs no
such care: each meeting in it raised fewer than k flags, so "Not yet supported"
can be shown there only when it differs from the flags it would be read against.

A student's response is the latest check, since its support started, of each
open concern that has a support in place: one concern not responding makes the
student "not responding", else one improving makes them "improving".
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from facilitate.core.coarsen import ordinal_runs
from facilitate.core.release import floored, is_shown
from facilitate.teams.cells import MERGED, Row, coarsened
from facilitate.teams.flags import FLAG_TITLES, NO_SUPPORT, flags_over_time
from facilitate.teams.render import day
from facilitate.teams.state import TeamState

NAMED = "Students named"
SUPPORTED = "Supported"
IMPROVING = "Improving"
NOT_RESPONDING = "Not responding"
NOT_KNOWN = "Response not yet known"
NOT_SUPPORTED = "Not yet supported"
STATUSES = (IMPROVING, NOT_RESPONDING, NOT_KNOWN, NOT_SUPPORTED)
ALL_FLAGS = "All flags"
NO_SUPPORT_FLAGS = FLAG_TITLES[NO_SUPPORT]
NOT_RESPONDING_ANSWERS = frozenset({"no_change", "declining"})


def student_statuses(state: TeamState, cycle: str) -> dict[str, str]:
    """Each student named at ``cycle`` and their one status then."""
    responses: dict[str, list[str | None]] = {}
    for pair in state.open_pairs(cycle):
        responses.setdefault(pair[0], [])
    for support in state.in_place(cycle):
        if support.student in responses and state.concern_open(support.pair, cycle):
            checks = state.checks_of(support.pair, support.start, cycle)
            responses[support.student].append(checks[-1].response if checks else None)
    return {student: _status(found) for student, found in responses.items()}


def _status(responses: list[str | None]) -> str:
    if not responses:
        return NOT_SUPPORTED
    if NOT_RESPONDING_ANSWERS & set(responses):
        return NOT_RESPONDING
    return IMPROVING if "improving" in responses else NOT_KNOWN


def status_counts(state: TeamState, cycle: str) -> dict[str, int]:
    """Students per status at ``cycle``, every status present (zeros too)."""
    found = Counter(student_statuses(state, cycle).values())
    return {status: found.get(status, 0) for status in STATUSES}


def students_by_meeting(state: TeamState, k: int) -> pd.DataFrame:
    """Per meeting: students named, supported, and each status, coarsened."""
    apart = released_apart(state, k)
    rows = []
    for cycle in state.cycles:
        counts = status_counts(state, cycle)
        row = coarsened(counts, k, _linked(cycle in apart, NOT_SUPPORTED))
        supported = set(STATUSES) - {NOT_SUPPORTED}
        rows.append(
            {
                "Meeting": day(cycle),
                NAMED: row.total,
                SUPPORTED: (
                    sum(counts[s] for s in supported)
                    if row.total is not None and row.covered(supported)
                    else None
                ),
                **row.cells,
                MERGED: row.merged_text(counts),
            }
        )
    columns = ["Meeting", NAMED, SUPPORTED, *STATUSES, MERGED]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def flag_periods(totals: list[int], k: int) -> list[tuple[int, int]]:
    """Meetings as ``(start, stop)`` runs: one per meeting with k flags or more;
    runs of quieter meetings cut into periods of at least k where they can be."""
    k = floored(k)
    periods: list[tuple[int, int]] = []
    start = 0
    while start < len(totals):
        if is_shown(totals[start], k):
            periods.append((start, start + 1))
            start += 1
            continue
        stop = start
        while stop < len(totals) and not is_shown(totals[stop], k):
            stop += 1
        quiet = totals[start:stop]
        if is_shown(sum(quiet), k):
            periods += [(start + a, start + b) for a, b in ordinal_runs(quiet, k)]
        else:
            periods += [(i, i + 1) for i in range(start, stop)]
        start = stop
    return periods


def _flag_counts(state: TeamState, k: int) -> list[tuple[list[str], dict[str, int]]]:
    """Each flags row's meetings and its flags of each kind (zeros too), quiet
    meetings merged into periods (``flag_periods``)."""
    over_time = flags_over_time(state)
    cycles = list(over_time)
    per_cycle = [
        {title: over_time[c].get(key, 0) for key, title in FLAG_TITLES.items()}
        for c in cycles
    ]
    return [
        (
            cycles[start:stop],
            {
                title: sum(c[title] for c in per_cycle[start:stop])
                for title in FLAG_TITLES.values()
            },
        )
        for start, stop in flag_periods([sum(c.values()) for c in per_cycle], k)
    ]


def released_apart(state: TeamState, k: int) -> set[str]:
    """Meetings at which one table could show its shared cell on its own and
    the other could not: there, neither does (see the module's note)."""
    apart = set()
    own_row = {
        cycles[0]: coarsened(counts, k).cells[NO_SUPPORT_FLAGS] is not None
        for cycles, counts in _flag_counts(state, k)
        if len(cycles) == 1
    }
    for cycle, flags_alone in own_row.items():
        students_alone = coarsened(status_counts(state, cycle), k).cells[NOT_SUPPORTED]
        if flags_alone != (students_alone is not None):
            apart.add(cycle)
    return apart


def _linked(apart: bool, cell: str) -> frozenset[str]:
    return frozenset({cell}) if apart else frozenset()


def flags_by_meeting(state: TeamState, k: int) -> pd.DataFrame:
    """Per meeting (or period of quiet meetings), flags of each kind, coarsened."""
    apart = released_apart(state, k)
    rows = []
    for cycles, counts in _flag_counts(state, k):
        linked = len(cycles) == 1 and cycles[0] in apart
        row: Row = coarsened(counts, k, _linked(linked, NO_SUPPORT_FLAGS))
        when = day(cycles[0])
        if len(cycles) > 1:
            when = f"{when} to {day(cycles[-1])}"
        rows.append(
            {
                "Meeting": when,
                **row.cells,
                ALL_FLAGS: row.total,
                MERGED: row.merged_text(counts),
            }
        )
    columns = ["Meeting", *FLAG_TITLES.values(), ALL_FLAGS, MERGED]
    return pd.DataFrame(rows, columns=columns, dtype=object)
