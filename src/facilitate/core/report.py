"""What an activity contributes to the reflection summary and the CSV export.

Each activity's spec names a builder ``(records, session) -> ReportPart``; the
summary renders the parts in agenda order and the CSV export writes every table.
Parts hold what the release gate let through and nothing else, so the exporter
never sees an individual answer and cannot leak one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from facilitate.core.events import Recorded
from facilitate.core.sessions import SessionInfo
from facilitate.core.text import escape


@dataclass(frozen=True)
class ReportPart:
    """One section of the summary: a heading, charts, tables and plain sentences.

    ``html`` is extra body already escaped by the part (for example quotations).
    """

    key: str
    heading: str
    figures: list[Any] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    html: str = ""


PartBuilder = Callable[[Sequence[Recorded], SessionInfo], ReportPart | list[ReportPart]]


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
