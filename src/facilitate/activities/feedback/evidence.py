"""Feedback's item in the evidence pack: the released ratings of the facilitation."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from facilitate.core.events import Recorded
from facilitate.core.evidence import (
    EvidenceItem,
    EvidencePart,
    EvidenceTable,
    cell,
    missing,
    with_table,
)
from facilitate.core.sessions import SessionInfo

if TYPE_CHECKING:
    from facilitate.core.report import ReportPart

#: The summary part's table this item reads (see ``report.py``).
RATINGS_TABLE = "feedback_ratings"


def feedback(
    item: EvidenceItem,
    part: ReportPart | None,
    records: Sequence[Recorded],
    session: SessionInfo,
) -> EvidenceItem:
    """People per group of ratings and statement, as the room saw them: ratings
    merged with their neighbours where fewer than k gave one ("Agree or strongly
    agree: 4"), so a merged group is never reported as withheld."""
    table = part.tables.get(RATINGS_TABLE) if part else None
    if table is None:
        return missing(item, part, "Feedback was not released.")
    rows = tuple(
        (str(statement), str(groups) or cell(None))
        for statement, groups in table[["statement", "groups"]].values
    )
    columns = ("Statement", "People per group of ratings")
    return with_table(item, EvidenceTable("People per rating", columns, rows))


EVIDENCE = EvidencePart(
    "feedback",
    "Participants' anonymous ratings of the facilitation",
    "How many people chose each rating, from 1 (strongly disagree) to 5 "
    "(strongly agree), as released to the room: neighbouring ratings merged "
    "until each group holds enough people to stay anonymous.",
    feedback,
    supports=("analysis", "reflection"),
)
