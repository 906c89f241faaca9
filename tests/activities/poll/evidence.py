"""The poll's item in the evidence pack: its released answers, from its summary."""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.core.events import Recorded
from facilitate.core.evidence import (
    EvidenceItem,
    EvidencePart,
    EvidenceTable,
    cell,
    missing,
    with_table,
)
from facilitate.core.report import ReportPart
from facilitate.core.sessions import SessionInfo


def answers(
    item: EvidenceItem,
    part: ReportPart | None,
    records: Sequence[Recorded],
    session: SessionInfo,
) -> EvidenceItem:
    table = part.tables.get("poll_answers") if part else None
    if table is None:
        return missing(item, part, "Nobody answered the poll.")
    rows = tuple((str(a), cell(n)) for a, n in table[["answer", "people"]].values)
    return with_table(
        item, EvidenceTable("People per answer", ("Answer", "People"), rows)
    )


EVIDENCE = EvidencePart(
    "poll", "Quick poll answers", "How many people gave each answer.", answers
)
