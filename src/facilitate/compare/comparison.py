"""Every compared figure for a set of rooms, built once for the page and the files."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd

from facilitate.compare.equity import participation_equity
from facilitate.compare.feedback import feedback_ratings
from facilitate.compare.practices import practice_views
from facilitate.compare.rooms import Room, shared_activities
from facilitate.compare.zones import zone_shifts
from facilitate.core.roster import roster_of


@dataclass(frozen=True)
class Comparison:
    """The rooms and one frame per compared figure (see each module's columns)."""

    rooms: list[Room]
    notes: list[str]
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


def compare_rooms(rooms: Sequence[Room]) -> Comparison:
    """Build every figure, each room under its own release rules."""
    _, notes = shared_activities(rooms)
    practices, tensions = practice_views(rooms)
    equity_rooms, equity_roles = participation_equity(rooms)
    tables = {
        "rooms": rooms_table(rooms),
        "zone_shifts": zone_shifts(rooms),
        "top_tensions": tensions,
        "practices": practices,
        "participation_rooms": equity_rooms,
        "participation_roles": equity_roles,
        "feedback": feedback_ratings(rooms),
    }
    return Comparison(list(rooms), notes, tables)
