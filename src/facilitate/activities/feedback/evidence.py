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
RATED = [f"rated_{n}" for n in range(1, 6)]


def feedback(
    item: EvidenceItem,
    part: ReportPart | None,
    records: Sequence[Recorded],
    session: SessionInfo,
) -> EvidenceItem:
    """People per rating and statement, withheld cells said so."""
    table = part.tables.get(RATINGS_TABLE) if part else None
    if table is None:
        return missing(item, part, "Feedback was not released.")
    rows = tuple(
        (str(row[0]), *(cell(v) for v in row[1:]))
        for row in table[["statement", *RATED]].values
    )
    columns = ("Statement", "1", "2", "3", "4", "5")
    return with_table(item, EvidenceTable("People per rating", columns, rows))


EVIDENCE = EvidencePart(
    "feedback",
    "Participants' anonymous ratings of the facilitation",
    "How many people chose each rating, from 1 (strongly disagree) to 5 "
    "(strongly agree), as released to the room.",
    feedback,
)
