"""Zone shifts, start to end, per room: the self-assessment's comparison part.

Shares are of the people in that moment's release (withheld cells included, as
the room's own chart shows them as one grey bar). A zone withheld, or merged
with its neighbour ("Comfort or risk"), at either moment has no shift; a room
whose zones were never released is suppressed.
Rooms come in the order of their largest share in the danger zone at the end
(the zone where people are too stretched to learn), then the largest shift.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from facilitate.activities.self_assessment.content import load_self_assessment
from facilitate.activities.self_assessment.metrics import room_results
from facilitate.core.comparison import (
    ComparisonPart,
    Room,
    missing,
    note,
    percent,
    suppressed,
    table,
)
from facilitate.core.text import escape

HEADING = "Zone shifts, start to end"
COLUMNS = [
    "session", "room", "k", "zone", "label", "start_share", "end_share", "shift",
    "suppressed",
]  # fmt: skip
#: The zone whose share at the end ranks rooms (last in the content's order).
STRUGGLE_ZONE = "danger"


def zone_shifts(rooms: Sequence[Room]) -> pd.DataFrame:
    """One row per room and zone: ``COLUMNS`` (shares None where withheld)."""
    content = load_self_assessment()
    frames = []
    for room in rooms:
        zones = room_results(room.records, content).zones
        frames.append(
            _room_rows(room, zones, [(z.key, z.label) for z in content.zones])
        )
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    return _ranked(pd.concat(frames, ignore_index=True))


def _room_rows(
    room: Room, zones: pd.DataFrame | None, choices: list[tuple[str, str]]
) -> pd.DataFrame:
    shares = {m: _shares(zones, m) for m in ("start", "end")}
    rows = []
    for key, label in choices:
        start, end = shares["start"].get(key), shares["end"].get(key)
        shift = end - start if start is not None and end is not None else None
        rows.append(
            (room.session.code, room.label, room.k, key, label, start, end, shift,
             start is None and end is None)
        )  # fmt: skip
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.astype(dict.fromkeys(["start_share", "end_share", "shift"], float))


def _shares(zones: pd.DataFrame | None, moment: str) -> dict[str, float | None]:
    """Share of each zone at ``moment``; empty when that moment was not released."""
    if zones is None:
        return {}
    rows = zones.loc[zones["moment"] == moment]
    total = sum(int(c) for c in rows["count"] if c is not None)
    total += int(rows["withheld"].max()) if len(rows) else 0
    if not total:
        return {}
    return {
        str(row["zone"]): (
            None if row["hidden"] or row["merged"] else int(row["count"]) / total
        )
        for _, row in rows.iterrows()
    }


def _ranked(frame: pd.DataFrame) -> pd.DataFrame:
    """Rooms by danger at the end, then by their largest shift; zones in order."""
    struggle = frame.loc[frame["zone"] == STRUGGLE_ZONE].set_index("session")
    moved = frame.assign(size=frame["shift"].abs()).groupby("session")["size"].max()
    order = sorted(
        frame["session"].unique(),
        key=lambda code: (
            -_number(struggle["end_share"].get(code)),
            -_number(moved.get(code)),
        ),
    )
    position = {code: index for index, code in enumerate(order)}
    zone_order = {key: index for index, key in enumerate(dict.fromkeys(frame["zone"]))}
    ranked = frame.assign(
        _room=frame["session"].map(position), _zone=frame["zone"].map(zone_order)
    ).sort_values(["_room", "_zone"], kind="stable")
    return ranked.drop(columns=["_room", "_zone"]).reset_index(drop=True)


def _number(value: object) -> float:
    """A share for sorting: missing (suppressed) sorts after every real one."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return -1.0
    return -1.0 if number != number else number


def zones_html(frame: pd.DataFrame) -> str:
    if frame.empty:
        return note("No room has released zones yet.")
    labels = list(dict.fromkeys(frame["label"]))
    rows = []
    for _, group in frame.groupby("session", sort=False):
        first = group.iloc[0]
        cells = [escape(first["room"]), str(first["k"])]
        cells += [_shift(row) for _, row in group.iterrows()]
        rows.append(cells)
    return table(["Room", "k", *[f"{label}: start → end" for label in labels]], rows)


def _shift(row: pd.Series) -> str:
    if row["suppressed"]:
        return suppressed()
    text = f"{percent(row['start_share'])} → {percent(row['end_share'])}"
    if missing(row["shift"]):
        return text
    points = round(float(row["shift"]) * 100)
    css = "fc-up" if points > 0 else "fc-down"
    return f'{text} <b class="{css}">({points:+d} pts)</b>'


def compare_zones(rooms: Sequence[Room]) -> ComparisonPart:
    """The rooms' zone shifts as one table (``zone_shifts``) and its HTML."""
    frame = zone_shifts(rooms)
    return ComparisonPart(
        "self_assessment", HEADING, {"zone_shifts": frame}, zones_html(frame)
    )
