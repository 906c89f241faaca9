"""Participant feedback per room: each statement's released ratings.

From each room's ``released_feedback``: the latest batch of at least k people,
each statement a partition by rating with "no rating" as a group of its own,
adjacent ratings merged until each group holds k people (see ``coarsen``).
The comparison therefore carries the released counts per rating, the mean where
the room released it, and ``low_share``: the share of the batch's raters known
from shown groups to have rated 3 or lower, a floor computed from released
numbers only. A room without a release is suppressed. Statements come with the
highest ``low_share`` in any room first: where rooms struggle, not where they
shine.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from facilitate.activities.feedback.content import RATING_SCALE, load_feedback
from facilitate.activities.feedback.metrics import RATED_COLUMNS, released_feedback
from facilitate.core.comparison import (
    ComparisonPart,
    Room,
    missing,
    note,
    percent,
    side_by_side,
    suppressed,
)

HEADING = "Participant feedback"
LOW = [f"rated_{value}" for value, _ in RATING_SCALE if value <= 3]
COLUMNS = [
    "item", "statement", "session", "room", "k", *RATED_COLUMNS, "withheld",
    "mean", "low_share", "suppressed",
]  # fmt: skip


def feedback_ratings(rooms: Sequence[Room]) -> pd.DataFrame:
    """``COLUMNS`` per statement and room; None wherever the gate withheld it."""
    form = load_feedback()
    rows: list[tuple[object, ...]] = []
    for room in rooms:
        _, released, _ = released_feedback(room.records, form, close=True)
        figures = {} if released is None else _figures(released)
        for item in form.ratings:
            base = (item.key, item.statement, room.session.code, room.label, room.k)
            found = figures.get(item.key)
            if found is None:
                rows.append((*base, *[None] * (len(RATED_COLUMNS) + 3), True))
            else:
                rows.append((*base, *found, False))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    counts = [*RATED_COLUMNS, "withheld"]
    return _ranked(frame.astype(dict.fromkeys(counts, "Int64")))


def _figures(released: pd.DataFrame) -> dict[str, tuple[object, ...]]:
    """item -> (rated_1..5, withheld, mean, low_share) from the released frame.

    The low share counts shown groups of low ratings only: a group that mixes
    them with others ("Neutral or agree") adds nothing, so it stays a floor.
    """
    figures: dict[str, tuple[object, ...]] = {}
    for row in released.to_dict("records"):
        cells = [None if row[c] is None else int(row[c]) for c in RATED_COLUMNS]
        shown = [g for g in row["groups"] if g.count is not None]
        people = sum(g.count for g in shown) + int(row["withheld"])
        low = sum(g.count for g in shown if set(g.members) <= set(LOW))
        mean = row["mean"]
        figures[str(row["item"])] = (
            *cells,
            int(row["withheld"]),
            None if mean is None or mean != mean else float(mean),
            round(low / people, 2) if people else None,
        )
    return figures


def _ranked(frame: pd.DataFrame) -> pd.DataFrame:
    """Statements by their highest low-rating share in any room, rooms likewise."""
    if frame.empty:
        return frame
    low = pd.to_numeric(frame["low_share"], errors="coerce").fillna(-1.0)
    highest = low.groupby(frame["item"]).max()
    ranked = frame.assign(_item=-frame["item"].map(highest), _low=-low).sort_values(
        ["_item", "item", "_low"], kind="stable"
    )
    return ranked.drop(columns=["_item", "_low"]).reset_index(drop=True)


def feedback_cell(row: pd.Series) -> str:
    if row["suppressed"]:
        return suppressed()
    cells = "".join(
        f"<span>{'·' if missing(row[f'rated_{n}']) else int(row[f'rated_{n}'])}</span>"
        for n in range(1, 6)
    )
    mean = "" if missing(row["mean"]) else f"mean <b>{row['mean']:.2f}</b>, "
    low = "" if missing(row["low_share"]) else f"{percent(row['low_share'])}"
    return (
        f'<span class="fc-strip" title="ratings 1 … 5">{cells}</span><br>'
        f"{mean}at least {low} rated 3 or lower"
    )


def compare_feedback(rooms: Sequence[Room]) -> ComparisonPart:
    """Each statement's released ratings side by side (``feedback``)."""
    frame = feedback_ratings(rooms)
    html = note(
        "People per rating, 1 (strongly disagree) to 5 (strongly agree); · marks "
        "a rating withheld with its room's smaller groups."
    ) + side_by_side(frame, rooms, "item", "statement", feedback_cell)
    return ComparisonPart("feedback", HEADING, {"feedback": frame}, html)
