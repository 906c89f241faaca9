"""The comparison as one self-contained HTML page: tables side by side, no script.

Plain tables with inline styles read the same in a browser, a printed copy and
an e-mail attachment, offline and without plotly's 5 MB. Rooms are columns in
the order given; rows come in each table's own order (largest gaps and tensions
first). Every value is escaped; a suppressed figure says so in words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from facilitate.compare.comparison import Comparison
from facilitate.compare.rooms import SUPPRESSED, Room
from facilitate.core.text import escape

STYLE = """
body,.fc-compare{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:80em}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:2px solid #0072B2}
table{border-collapse:collapse;margin:.6em 0 1.2em}
th,td{border:1px solid #ccc;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#f2f6fa}.fc-suppressed{color:#777;font-style:italic}
.fc-note{color:#444;font-size:.95em}.fc-up{color:#B35900}.fc-down{color:#0072B2}
.fc-strip span{display:inline-block;min-width:1.6em;text-align:center;
border:1px solid #ddd;margin-right:1px;font-size:.85em}
"""
HEADING = "Rooms compared"
FEEDBACK_NOTE = (
    '<p class="fc-note">People per rating, 1 (strongly disagree) to 5 (strongly '
    "agree); · marks a rating withheld with its room's smaller groups.</p>"
)
RULES = (
    "Each room's figures follow that room's own release rules (its k is shown): a "
    "figure that room had too few people for says “suppressed”. Tables put the "
    "largest gaps and tensions first, not the best scores."
)


def suppressed() -> str:
    return f'<span class="fc-suppressed">{SUPPRESSED}</span>'


def percent(value: object) -> str:
    return suppressed() if _missing(value) else f"{float(value) * 100:.0f}%"  # type: ignore[arg-type]


def _missing(value: object) -> bool:
    """None, NaN or pandas' NA: a figure the gate withheld (or that has none)."""
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and value != value


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
        return '<p class="fc-note">No room has results here yet.</p>'
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


def zones_html(comparison: Comparison) -> str:
    frame = comparison.tables["zone_shifts"]
    if frame.empty:
        return '<p class="fc-note">No room has released zones yet.</p>'
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
    if _missing(row["shift"]):
        return text
    points = round(float(row["shift"]) * 100)
    css = "fc-up" if points > 0 else "fc-down"
    return f'{text} <b class="{css}">({points:+d} pts)</b>'


def practice_cell(row: pd.Series) -> str:
    if row["suppressed"]:
        return suppressed()
    strip = "".join(
        f"<span>{'·' if _missing(row[f'position_{n}']) else int(row[f'position_{n}'])}"
        "</span>"
        for n in range(1, 8)
    )
    return (
        f"tension <b>{row['tension']:.2f}</b>, {escape(row['agreement'])}<br>"
        f"gap (vision − now) {row['gap']:+.1f}<br>"
        f'<span class="fc-strip" title="extrinsic 1 … 7 intrinsic">{strip}</span>'
    )


def tensions_html(comparison: Comparison) -> str:
    top = comparison.tables["top_tensions"]
    rows = [
        [escape(r["room"]), str(r["rank"]), escape(r["label"]), escape(r["agreement"]),
         f"{r['gap']:+.1f}", f"{r['tension']:.2f}"]
        for _, r in top.iterrows()
    ]  # fmt: skip
    head = ["Room", "#", "Practice", "Agreement", "Gap", "Tension"]
    practices = side_by_side(
        comparison.tables["practices"], comparison.rooms, "practice", "label",
        practice_cell,
    )  # fmt: skip
    return (
        "<h3>Each room's top tensions</h3>"
        + (table(head, rows) if rows else '<p class="fc-note">None released yet.</p>')
        + "<h3>Spread of views per practice</h3>"
        '<p class="fc-note">Positions run from 1 (extrinsic reward) to 7 (intrinsic '
        "community); · marks a position held by fewer than k people.</p>" + practices
    )


def equity_html(comparison: Comparison) -> str:
    rooms = comparison.tables["participation_rooms"]
    roles = comparison.tables["participation_roles"]
    room_rows = [
        [escape(r["room"]), str(r["k"])]
        + ([suppressed()] * 4 if r["suppressed"] else
           [str(r["people"]), percent(r["not_heard_share"]), _plain(r["gini"]),
            _plain(r["evenness"])])
        + [str(r["roles_suppressed"])]
        for _, r in rooms.iterrows()
    ]  # fmt: skip
    role_rows = [
        [escape(r["room"]), escape(r["role"]), str(r["people"]),
         percent(r["talk_share"]), _plain(r["talk_ratio"]),
         _plain(r["contribution_ratio"])]
        for _, r in roles.iterrows()
    ]  # fmt: skip
    head = ["Room", "k", "Tracked", "Not heard", "Gini", "Evenness"]
    return (
        table([*head, "Roles under k"], room_rows)
        + '<p class="fc-note">Talk ratio: a role\'s share of talk time divided by '
        "its share of people (1 = its fair share; below 1, less).</p>"
        + table(
            ["Room", "Role", "People", "Talk share", "Talk ratio", "Contribution"],
            role_rows,
        )
    )


def _plain(value: object) -> str:
    return suppressed() if _missing(value) else f"{float(value):.2f}"  # type: ignore[arg-type]


def feedback_cell(row: pd.Series) -> str:
    if row["suppressed"]:
        return suppressed()
    cells = "".join(
        f"<span>{'·' if _missing(row[f'rated_{n}']) else int(row[f'rated_{n}'])}</span>"
        for n in range(1, 6)
    )
    mean = "" if _missing(row["mean"]) else f"mean <b>{row['mean']:.2f}</b>, "
    low = "" if _missing(row["low_share"]) else f"{percent(row['low_share'])}"
    return (
        f'<span class="fc-strip" title="ratings 1 … 5">{cells}</span><br>'
        f"{mean}at least {low} rated 3 or lower"
    )


def rooms_html(comparison: Comparison) -> str:
    frame = comparison.tables["rooms"]
    rows = [[escape(v) for v in row] for row in frame.itertuples(index=False)]
    return table(["Session", "School", "District", "Date", "k", "Joined"], rows)


def comparison_fragment(comparison: Comparison) -> str:
    """The page's content with its style, for a widget or the file below."""
    notes = "".join(f'<p class="fc-note">{escape(n)}</p>' for n in comparison.notes)
    feedback = side_by_side(
        comparison.tables["feedback"], comparison.rooms, "item", "statement",
        feedback_cell,
    )  # fmt: skip
    sections = [
        ("Zone shifts, start to end", zones_html(comparison)),
        ("Tensions and the spread of views", tensions_html(comparison)),
        ("Participation equity", equity_html(comparison)),
        ("Participant feedback", FEEDBACK_NOTE + feedback),
    ]
    body = "".join(f"<h2>{escape(h)}</h2>{html}" for h, html in sections)
    return (
        f'<div class="fc-compare"><style>{STYLE}</style><h1>{HEADING}</h1>'
        f'<p class="fc-note">{escape(RULES)}</p>{notes}'
        f"{rooms_html(comparison)}{body}</div>"
    )


def comparison_html(comparison: Comparison) -> str:
    """The whole page as one self-contained HTML document."""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{HEADING}</title></head><body>"
        f"{comparison_fragment(comparison)}</body></html>"
    )
