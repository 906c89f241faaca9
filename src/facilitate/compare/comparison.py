"""Every compared figure for a set of rooms, built once for the page and the files.

The sections come from the agenda: each activity whose spec names a
``comparison`` part builds its own, from the rooms that ran it. Nothing here
names an activity.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from facilitate.compare.rooms import shared_activities
from facilitate.core.agenda import AgendaError, current_agenda
from facilitate.core.comparison import ComparisonPart, Room
from facilitate.core.roster import roster_of


@dataclass(frozen=True)
class Comparison:
    """The rooms, each activity's part in agenda order, and every table by name."""

    rooms: list[Room]
    notes: list[str]
    parts: list[ComparisonPart] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


def rooms_table(rooms: Sequence[Room]) -> pd.DataFrame:
    """Who is compared: code, school, district, date, k and people joined."""
    return pd.DataFrame(
        [
            (
                room.session.code,
                room.session.school,
                room.session.district,
                time.strftime("%Y-%m-%d", time.localtime(room.session.created_at)),
                room.k,
                roster_of(room.records).count,
            )
            for room in rooms
        ],
        columns=["session", "school", "district", "date", "k", "joined"],
    )


def comparison_parts(rooms: Sequence[Room]) -> list[ComparisonPart]:
    """Each activity's part, from the rooms that ran it; none if no room did."""
    parts = []
    for spec, build in current_agenda().loaded("comparison"):
        ran = [room for room in rooms if spec.key in room.activities]
        if ran:
            parts.append(build(ran))
    return parts


def compare_rooms(rooms: Sequence[Room]) -> Comparison:
    """Build every part, each room under its own release rules."""
    _, notes = shared_activities(rooms)
    parts = comparison_parts(rooms)
    tables = {"rooms": rooms_table(rooms)}
    for part in parts:
        for name, frame in part.tables.items():
            if name in tables:
                raise AgendaError(
                    f"Two comparison parts name the table '{name}'; each table "
                    "becomes one CSV file, so give one of them another name."
                )
            tables[name] = frame
    return Comparison(list(rooms), notes, parts, tables)
