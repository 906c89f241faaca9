"""Tensions and the spread of views per practice, room by room (alignment).

Each room's figures are its own released picture (``room.released_answers``, in
batches of k, as its display showed them): practices answered by at least
k people of that room, their agreement in words, the vision-minus-now gap, the
tension, and the released spectrum positions (positions held by fewer than k are
withheld). A practice a room answered with fewer than k people is suppressed
for that room. Practices come most tense first (the highest tension in any
room), and within a practice the most tense room first.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from facilitate.activities.alignment.content import load_alignment
from facilitate.activities.alignment.metrics import RoomPicture
from facilitate.activities.alignment.room import released_answers
from facilitate.core.comparison import (
    ComparisonPart,
    Room,
    missing,
    note,
    side_by_side,
    suppressed,
    table,
)
from facilitate.core.text import escape

HEADING = "Tensions and the spread of views"
POSITIONS = [f"position_{n}" for n in range(1, 8)]
COLUMNS = [
    "practice", "label", "session", "room", "k", "answered", "agreement",
    "now_mean", "vision_mean", "gap", "tension", *POSITIONS, "suppressed",
]  # fmt: skip
TOP_COLUMNS = ["session", "room", "rank", "label", "agreement", "gap", "tension"]


def _picture(room: Room) -> RoomPicture:
    """The room's released picture: what its display showed last (or, never
    revealed, as of the end of its log), never a rating newer than its batch."""
    answers = released_answers(list(room.records), list(load_alignment().practices))
    return answers.picture(room.k)


def practice_views(rooms: Sequence[Room]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``COLUMNS`` per practice and room, and each room's top three tensions."""
    rows, tops = [], []
    for room in rooms:
        picture = _picture(room)
        rows += _room_rows(room, picture)
        for rank, (_, top) in enumerate(picture.top.head(3).iterrows(), start=1):
            tops.append(
                (room.session.code, room.label, rank, top["label"], top["agreement"],
                 round(float(top["gap"]), 2), round(float(top["tension"]), 3))
            )  # fmt: skip
    frame = pd.DataFrame(rows, columns=COLUMNS)
    views = _ranked(frame.astype(dict.fromkeys(["answered", *POSITIONS], "Int64")))
    return views, pd.DataFrame(tops, columns=TOP_COLUMNS)


def _room_rows(room: Room, picture: RoomPicture) -> list[tuple[object, ...]]:
    summary = picture.summary
    shown = picture.shown.set_index("practice")
    spread = picture.distribution
    rows = []
    for _, practice in summary.iterrows():
        key = practice["practice"]
        base = (key, practice["label"], room.session.code, room.label, room.k)
        if key not in shown.index:
            rows.append((*base, *([None] * (6 + len(POSITIONS))), True))
            continue
        row = shown.loc[key]
        positions = spread.loc[spread["practice"] == key].sort_values("position")
        rows.append(
            (*base, int(row["answered"]), row["agreement"],
             _rounded(row["now_mean"]), _rounded(row["vision_mean"]),
             _rounded(row["gap"]), _rounded(row["tension"], 3),
             *[None if c is None else int(c) for c in positions["count"]], False)
        )  # fmt: skip
    return rows


def _rounded(value: object, places: int = 2) -> float | None:
    number = float(value)  # type: ignore[arg-type]
    return None if number != number else round(number, places)


def _ranked(frame: pd.DataFrame) -> pd.DataFrame:
    """Practices by their highest tension in any room; rooms by tension within."""
    if frame.empty:
        return frame
    tension = pd.to_numeric(frame["tension"], errors="coerce")
    highest = tension.groupby(frame["practice"]).max().fillna(-1.0)
    ranked = frame.assign(
        _practice=-frame["practice"].map(highest), _tension=-tension.fillna(-1.0)
    ).sort_values(["_practice", "practice", "_tension"], kind="stable")
    return ranked.drop(columns=["_practice", "_tension"]).reset_index(drop=True)


def practice_cell(row: pd.Series) -> str:
    if row["suppressed"]:
        return suppressed()
    strip = "".join(
        f"<span>{'·' if missing(row[f'position_{n}']) else int(row[f'position_{n}'])}"
        "</span>"
        for n in range(1, 8)
    )
    return (
        f"tension <b>{row['tension']:.2f}</b>, {escape(row['agreement'])}<br>"
        f"gap (vision − now) {row['gap']:+.1f}<br>"
        f'<span class="fc-strip" title="extrinsic 1 … 7 intrinsic">{strip}</span>'
    )


def tensions_html(
    practices: pd.DataFrame, top: pd.DataFrame, rooms: Sequence[Room]
) -> str:
    rows = [
        [escape(r["room"]), str(r["rank"]), escape(r["label"]), escape(r["agreement"]),
         f"{r['gap']:+.1f}", f"{r['tension']:.2f}"]
        for _, r in top.iterrows()
    ]  # fmt: skip
    head = ["Room", "#", "Practice", "Agreement", "Gap", "Tension"]
    spread = side_by_side(practices, rooms, "practice", "label", practice_cell)
    return (
        "<h3>Each room's top tensions</h3>"
        + (table(head, rows) if rows else note("None released yet."))
        + "<h3>Spread of views per practice</h3>"
        + note(
            "Positions run from 1 (extrinsic reward) to 7 (intrinsic community); "
            "· marks a position held by fewer than k people."
        )
        + spread
    )


def compare_practices(rooms: Sequence[Room]) -> ComparisonPart:
    """Each room's top tensions (``top_tensions``) and every practice's spread."""
    practices, top = practice_views(rooms)
    return ComparisonPart(
        "alignment",
        HEADING,
        {"top_tensions": top, "practices": practices},
        tensions_html(practices, top, rooms),
    )
