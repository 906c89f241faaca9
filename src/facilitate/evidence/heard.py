"""What the leader heard: the needs assessment's qualitative data.

The credential asks for qualitative and quantitative data. The session supplies
the quantitative (the audit's finding, the room's root-cause votes); this is the
other half: for each survey, interview or listening session, its source, date,
themes and a few short quotes. Quotes carry no names: the prompt says so, since
the pack leaves the room. Pure: rows in, checked rows or HTML out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from facilitate.core.report import paragraphs
from facilitate.core.text import clean_text, escape

#: Each entry's fields: key, label, placeholder, character limit.
FIELDS: tuple[tuple[str, str, str, int], ...] = (
    ("source", "Source", "Family listening session, staff survey, …", 200),
    ("date", "Date", "March 2026", 60),
    ("themes", "Themes", "What came up again and again", 1_000),
    ("quotes", "In their words", "Short quotes, without names", 2_000),
)
HEADING = "What the leader heard (qualitative data)"
INTRODUCTION = (
    "For each survey, interview or listening session: where it came from, when, "
    "the themes you heard, and a few short quotes. Leave out names and anything "
    "that identifies a person."
)


def clean_entries(rows: Iterable[Mapping[str, object]]) -> list[dict[str, str]]:
    """Each row checked (control characters out, limits kept); empty rows dropped."""
    entries = []
    for row in rows:
        entry = {
            key: clean_text(row.get(key, ""), what=f"the {label.lower()}", limit=limit)
            for key, label, _, limit in FIELDS
        }
        if any(entry.values()):
            entries.append(entry)
    return entries


def heard_html(entries: Iterable[Mapping[str, str]]) -> str:
    """The entries as a table under their heading; a sentence when there are none."""
    rows = "".join(
        "<tr>" + "".join(_cell(entry, key) for key, *_ in FIELDS) + "</tr>"
        for entry in entries
    )
    head = "".join(f"<th>{escape(label)}</th>" for _, label, _, _ in FIELDS)
    body = (
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        if rows
        else '<p class="fc-missing">Nothing entered yet.</p>'
    )
    return (
        f'<div class="fc-evidence fc-heard"><p class="fc-label">{escape(HEADING)}'
        f"</p>{body}</div>"
    )


def _cell(entry: Mapping[str, str], key: str) -> str:
    text = entry.get(key, "")
    return f"<td>{paragraphs(text) if key == 'quotes' else escape(text)}</td>"
