"""The alignment's item in the evidence pack: the room's top tensions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from facilitate.core.events import Recorded
from facilitate.core.evidence import (
    EvidenceItem,
    EvidencePart,
    EvidenceTable,
    missing,
    with_table,
)
from facilitate.core.sessions import SessionInfo

if TYPE_CHECKING:
    from facilitate.core.report import ReportPart

#: The summary part's table this item reads (see ``report.py``).
TENSIONS_TABLE = "alignment_tensions"
COLUMNS = ("Practice", "How the room placed it", "Vision and practice")


def tensions(
    item: EvidenceItem,
    part: ReportPart | None,
    records: Sequence[Recorded],
    session: SessionInfo,
) -> EvidenceItem:
    """The top tensions as the summary words them, and the first three prompts."""
    table = part.tables.get(TENSIONS_TABLE) if part else None
    if table is None:
        return missing(item, part, "The alignment exercise was not released.")
    rows = tuple(
        (str(label), str(agreement), str(gap) or "—")
        for label, agreement, gap in table[
            ["label", "agreement", "gap_in_words"]
        ].values
    )
    return with_table(
        item,
        EvidenceTable("Top tensions", COLUMNS, rows),
        *[str(p) for p in table["prompt"].head(3)],
    )


EVIDENCE = EvidencePart(
    "tensions",
    "Top tensions in the shared-vision alignment",
    "Practices where the room split, or where practice and vision pull apart.",
    tensions,
    supports=("awareness", "building_capacity"),
)
