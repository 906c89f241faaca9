"""The poll's section of a comparison: each room's released counts side by side."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from facilitate.core.comparison import ComparisonPart, Room, suppressed, table
from facilitate.core.text import escape
from tests.activities.poll.views import ANSWERS, released_counts

COLUMNS = ["session", "room", "k", *ANSWERS]


def compare_polls(rooms: Sequence[Room]) -> ComparisonPart:
    """``COLUMNS`` per room: people per answer, None where the gate withheld it."""
    rows = [
        (
            room.session.code,
            room.label,
            room.k,
            *released_counts(room.records, room.k).values(),
        )
        for room in rooms
    ]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    html = table(
        ["Room", "k", *ANSWERS],
        [
            [escape(row.room), str(row.k)]
            + [suppressed() if pd.isna(n) else str(int(n)) for n in row[3:]]
            for row in frame.itertuples(index=False)
        ],
    )
    return ComparisonPart("poll", "Quick poll", {"poll_answers": frame}, html)
