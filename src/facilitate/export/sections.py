"""HTML for each section of the summary, as plain strings.

Every piece of text a person wrote, and every heading, passes through ``escape``;
tables go through pandas' escaping. Charts are plotly's own HTML, with plotly.js
inlined once per document so the file stays interactive offline.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import plotly.io as pio

from facilitate.core.report import ReportPart, section
from facilitate.core.text import escape

PLOT_CONFIG = {"displaylogo": False, "responsive": True}


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
    """An activity's section: notes, charts, its own HTML, then its tables."""
    notes = "".join(f'<p class="fc-note">{escape(n)}</p>' for n in part.notes)
    figures = "".join(
        figure_html(f, with_plotlyjs and i == 0) for i, f in enumerate(part.figures)
    )
    tables = "".join(table_html(n, t) for n, t in part.tables.items())
    return section(part.key, part.heading, notes + figures + part.html + tables)


def refusal_html(message: str) -> str:
    return f'<p class="fc-refused">{escape(message)}</p>'
