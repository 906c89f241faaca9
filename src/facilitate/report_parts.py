"""What each activity contributes to the reflection summary and the CSV export.

An activity registers a function ``(records, session) -> ReportPart`` in
``REPORT_PARTS``; the summary workbook renders every part in order and the CSV
export writes every table. Parts hold aggregates only, already k-suppressed: the
exporter never sees an individual answer, so it cannot leak one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

import pandas as pd

from facilitate.events import CheckinAnswered, Recorded
from facilitate.sessions import SessionInfo


@dataclass(frozen=True)
class ReportPart:
    """One section of the summary: a heading, charts, tables and plain sentences."""

    key: str
    heading: str
    figures: list[Any] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


PartBuilder = Callable[[Sequence[Recorded], SessionInfo], ReportPart]

#: Section order in the summary; each value is "module:function" (imported lazily).
REPORT_PARTS: dict[str, str] = {
    "checkin": "facilitate.report_parts:checkin_part",
    "self_assessment": "facilitate.self_assessment.report:self_assessment_part",
    "participation": "facilitate.participation_report:participation_part",
    "alignment": "facilitate.alignment_report:alignment_part",
    "feedback": "facilitate.views.feedback_console:feedback_part",
}


def build_parts(records: Sequence[Recorded], session: SessionInfo) -> list[ReportPart]:
    """Every registered part, in registry order."""
    parts = []
    for target in REPORT_PARTS.values():
        module_name, _, name = target.partition(":")
        builder: PartBuilder = getattr(import_module(module_name), name)
        parts.append(builder(records, session))
    return parts


def checkin_part(records: Sequence[Recorded], session: SessionInfo) -> ReportPart:
    """How the room arrived: counts per answer (counts, never who said what)."""
    from facilitate.charts.checkin import checkin_figure
    from facilitate.content import load_checkin
    from facilitate.frames import kind_frame
    from facilitate.metrics.checkin import checkin_counts

    question = load_checkin()
    counts = checkin_counts(kind_frame(records, CheckinAnswered.kind), question)
    return ReportPart(
        key="checkin",
        heading="Check-in: how the room arrived",
        figures=[checkin_figure(counts, question.prompt)],
        tables={"checkin_counts": counts[["label", "count"]]},
    )
