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

The counts behind both, and the rule by which the tables release the one cell
they share, are in ``meeting_counts``.
"""

from __future__ import annotations

import pandas as pd

from facilitate.teams.cells import MERGED, Row, coarsened
from facilitate.teams.flags import FLAG_TITLES
from facilitate.teams.meeting_counts import (
    NO_SUPPORT_FLAGS,
    NOT_SUPPORTED,
    STATUSES,
    flag_counts,
    linked,
    released_apart,
    status_counts,
)
from facilitate.teams.render import day
from facilitate.teams.state import TeamState

NAMED = "Students named"
SUPPORTED = "Supported"
ALL_FLAGS = "All flags"


def students_by_meeting(state: TeamState, k: int) -> pd.DataFrame:
    """Per meeting: students named, supported, and each status, coarsened."""
    apart = released_apart(state, k)
    rows = []
    for cycle in state.cycles:
        counts = status_counts(state, cycle)
        row = coarsened(counts, k, linked(cycle in apart, NOT_SUPPORTED))
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


def flags_by_meeting(state: TeamState, k: int) -> pd.DataFrame:
    """Per meeting (or period of quiet meetings), flags of each kind, coarsened."""
    apart = released_apart(state, k)
    rows = []
    for cycles, counts in flag_counts(state, k):
        own_row = len(cycles) == 1
        held = linked(own_row and cycles[0] in apart, NO_SUPPORT_FLAGS)
        row: Row = coarsened(counts, k, held)
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
