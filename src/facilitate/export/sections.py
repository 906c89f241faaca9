"""HTML for each section of the summary, as plain strings.

Every piece of text a person wrote, and every heading, passes through ``escape``;
tables go through pandas' escaping. Charts are plotly's own HTML, with plotly.js
inlined once per document so the file stays interactive offline.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
import plotly.io as pio

from facilitate.reflection import NOTE_SECTIONS, Rubric, WordReport
from facilitate.report_parts import ReportPart
from facilitate.text import escape

PLOT_CONFIG = {"displaylogo": False, "responsive": True}


def paragraphs(text: str) -> str:
    """Escaped paragraphs, one per blank-line-separated block."""
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return "".join(
        "<p>" + escape(block).replace("\n", "<br>") + "</p>" for block in blocks
    )


def section(key: str, heading: str, body: str) -> str:
    return (
        f'<section class="fc-part" id="part-{escape(key)}">'
        f"<h2>{escape(heading)}</h2>{body}</section>"
    )


def figure_html(figure: Any, include_plotlyjs: bool) -> str:
    """One interactive chart; plotly.js is embedded only when asked (the first)."""
    chart = pio.to_html(
        figure,
        full_html=False,
        include_plotlyjs=include_plotlyjs,
        config=PLOT_CONFIG,
        default_width="100%",
    )
    return f'<div class="fc-figure">{chart}</div>'


def table_html(name: str, frame: pd.DataFrame) -> str:
    """A captioned table; cell text is escaped by pandas."""
    caption = escape(name.replace("_", " ").capitalize())
    body = frame.to_html(
        index=False, escape=True, na_rep="–", border=0, classes="fc-table"
    )
    return f'<div class="fc-table-wrap"><p class="fc-caption">{caption}</p>{body}</div>'


def part_html(part: ReportPart, with_plotlyjs: bool) -> str:
    """An activity's section: notes, charts, then its tables."""
    notes = "".join(f'<p class="fc-note">{escape(n)}</p>' for n in part.notes)
    figures = "".join(
        figure_html(f, with_plotlyjs and i == 0) for i, f in enumerate(part.figures)
    )
    tables = "".join(table_html(n, t) for n, t in part.tables.items())
    return section(part.key, part.heading, notes + figures + tables)


def context_html(notes: dict[str, str]) -> str:
    """The leader's context and goals, or a line saying they are still missing."""
    body = ""
    for note in NOTE_SECTIONS[:2]:
        text = notes.get(note.key, "").strip()
        written = (
            paragraphs(text)
            if text
            else (
                f'<p class="fc-missing">No {escape(note.title.lower())} recorded.</p>'
            )
        )
        body += f"<h3>{escape(note.title)}</h3>{written}"
    return section("context", "Context and goals", body)


def reflection_html(notes: dict[str, str], report: WordReport) -> str:
    """The reflection with word counts; going over the limit is stated plainly."""
    tone = "fc-over-limit" if report.over_by else "fc-word-total"
    body = f'<p class="{tone}">{escape(report.sentence())}</p>'
    for note in NOTE_SECTIONS[2:]:
        text = notes.get(note.key, "").strip()
        count = report.per_section[note.key]
        written = (
            paragraphs(text) if text else '<p class="fc-missing">Not written yet.</p>'
        )
        body += (
            f"<h3>{escape(note.title)} "
            f'<span class="fc-words">({count} words)</span></h3>{written}'
        )
    return section("reflection", "Leader's reflection", body)


def comments_html(
    questions: Sequence[tuple[str, list[str]]], shown: bool, note: str
) -> str:
    """Open answers as unattributed, sorted quotations (only from k respondents)."""
    if not shown:
        return section(
            "feedback_words",
            "Participant feedback in their own words",
            f'<p class="fc-note">{escape(note)}</p>',
        )
    body = f'<p class="fc-note">{escape(note)}</p>'
    for question, answers in questions:
        items = (
            "".join(f"<li>{escape(a)}</li>" for a in answers) or "<li>No answers.</li>"
        )
        body += f'<h3>{escape(question)}</h3><ul class="fc-quotes">{items}</ul>'
    return section("feedback_words", "Participant feedback in their own words", body)


def rubric_html(rubric: Rubric, levels: dict[str, str], present: Iterable[str]) -> str:
    """Each criterion: the leader's self-check and where the evidence is."""
    sections = set(present)
    body = ""
    for criterion in rubric.criteria:
        level = levels.get(criterion.key, "")
        label = rubric.level_label(level) or "Not checked yet"
        descriptor = criterion.descriptors.get(level, "")
        evidence = "".join(
            f'<li><a href="#part-{escape(e.section)}">{escape(e.why)}</a></li>'
            if e.section in sections
            else f'<li class="fc-missing">{escape(e.why)} (not in this session)</li>'
            for e in criterion.evidence
        )
        body += (
            f"<h3>{escape(criterion.label)}: {escape(label)}</h3>"
            f"<p><em>{escape(criterion.question)}</em></p>"
            + (f"<p>{escape(descriptor)}</p>" if descriptor else "")
            + f"<p>Evidence in this summary:</p><ul>{evidence}</ul>"
        )
    return section("rubric", "Rubric: Facilitate and Lead", body)


def refusal_html(message: str) -> str:
    return f'<p class="fc-refused">{escape(message)}</p>'
