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
from facilitate.teams.flags import FLAG_KINDS, flags_over_time
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
    rows = []
    for cycle in state.cycles:
        counts = status_counts(state, cycle)
        row = coarsened(counts, k)
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


def flags_by_meeting(state: TeamState, k: int) -> pd.DataFrame:
    """Per meeting (or period of quiet meetings), flags of each kind, coarsened."""
    over_time = flags_over_time(state)
    cycles = list(over_time)
    titles = {kind.key: kind.title for kind in FLAG_KINDS}
    per_cycle = [
        {titles[key]: over_time[c].get(key, 0) for key in titles} for c in cycles
    ]
    rows = []
    for start, stop in flag_periods([sum(c.values()) for c in per_cycle], k):
        counts = {
            title: sum(c[title] for c in per_cycle[start:stop])
            for title in titles.values()
        }
        row: Row = coarsened(counts, k)
        when = day(cycles[start])
        if stop - start > 1:
            when = f"{when} to {day(cycles[stop - 1])}"
        rows.append(
            {
                "Meeting": when,
                **row.cells,
                ALL_FLAGS: row.total,
                MERGED: row.merged_text(counts),
            }
        )
    columns = ["Meeting", *titles.values(), ALL_FLAGS, MERGED]
    return pd.DataFrame(rows, columns=columns, dtype=object)
