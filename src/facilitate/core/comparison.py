"""What an activity contributes to a comparison of rooms, and the page's pieces.

Each activity's spec may name a builder ``(rooms) -> ComparisonPart`` (its
``comparison`` reference). ``facilitate.compare`` asks the agenda for them, hands
each only the rooms that ran that activity, and lays the parts out in agenda
order; the CSV folder holds every part's tables. A part computes each room's
figures under that room's own k and release state, so a comparison never shows
what a session's own screen or summary would not. The HTML helpers here are
shared by the parts so every table reads alike: plain tables, escaped values, a
suppressed figure said in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from facilitate.core.events import Recorded
from facilitate.core.sessions import SessionInfo
from facilitate.core.text import escape

#: What a suppressed figure says, wherever it is shown.
SUPPRESSED = "suppressed"


@dataclass(frozen=True)
class Room:
    """One session to compare: its log, its k now, and the activities it ran."""

    session: SessionInfo
    records: tuple[Recorded, ...]
    k: int
    activities: frozenset[str]

    @property
    def label(self) -> str:
        return self.session.label


@dataclass(frozen=True)
class ComparisonPart:
    """One activity's section: its heading, its tables (one CSV each), its HTML.

    ``html`` is already escaped by the part; table names must be unique across
    the agenda, since each becomes ``NAME.csv``.
    """

    key: str
    heading: str
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    html: str = ""


ComparisonBuilder = Callable[[Sequence[Room]], ComparisonPart]


def missing(value: object) -> bool:
    """None, NaN or pandas' NA: a figure the gate withheld (or that has none)."""
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and value != value


def suppressed() -> str:
    return f'<span class="fc-suppressed">{SUPPRESSED}</span>'


def percent(value: object) -> str:
    return suppressed() if missing(value) else f"{float(value) * 100:.0f}%"  # type: ignore[arg-type]


def plain(value: object) -> str:
    return suppressed() if missing(value) else f"{float(value):.2f}"  # type: ignore[arg-type]


def note(text: str) -> str:
    return f'<p class="fc-note">{escape(text)}</p>'


def table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """An HTML table; ``head`` is escaped here, cells are already HTML."""
    top = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><tr>{top}</tr>{body}</table>"


def side_by_side(
    frame: pd.DataFrame,
    rooms: Sequence[Room],
    key: str,
    title: str,
    cell: Callable[[pd.Series], str],
) -> str:
    """One row per ``key`` (in the frame's order), one column per room."""
    if frame.empty:
        return note("No room has results here yet.")
    rows = []
    for _, group in frame.groupby(key, sort=False):
        by_room = {row["session"]: row for _, row in group.iterrows()}
        label = escape(group.iloc[0][title])
        rows.append(
            [label]
            + [
                cell(by_room[r.session.code]) if r.session.code in by_room else "—"
                for r in rooms
            ]
        )
    return table(["", *[r.label for r in rooms]], rows)
