"""The root-cause protocol's item in the evidence pack: a finding and its causes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from facilitate.core.events import Recorded
from facilitate.core.evidence import (
    EvidenceItem,
    EvidencePart,
    EvidenceTable,
    missing,
)
from facilitate.core.sessions import SessionInfo

if TYPE_CHECKING:
    from facilitate.core.report import ReportPart

#: The summary part's tables this item reads (see ``report.py``).
FINDINGS_TABLE = "root_cause_findings"
TOP_TABLE = "root_causes_top"


def root_causes(
    item: EvidenceItem,
    part: ReportPart | None,
    records: Sequence[Recorded],
    session: SessionInfo,
) -> EvidenceItem:
    """The needs assessment's quantitative finding and the room's causes for it."""
    findings = part.tables.get(FINDINGS_TABLE) if part else None
    if part is None or findings is None or findings.empty:
        return missing(item, part, "No finding from the audit was shared.")
    rows = tuple((str(f), str(d)) for f, d in findings[["finding", "detail"]].values)
    tables = [EvidenceTable("Shared with the room", ("Finding", "Figures"), rows)]
    top = part.tables.get(TOP_TABLE)
    if top is not None and len(top):
        causes = tuple(
            tuple(str(v) for v in row)
            for row in top[["category", "cause", "votes"]].values
        )
        columns = ("Kind of cause", "Cause", "Votes")
        tables.append(EvidenceTable("The room's top causes", columns, causes))
    notes = [n for n in part.notes if n.startswith("No cause had")]
    return replace(item, tables=tuple(tables), notes=tuple(notes))


EVIDENCE = EvidencePart(
    "root_causes",
    "A finding from the district's data and the room's root causes",
    "What the equity audit of the district's data found, as shared with the "
    "room (released figures only), and the policies, practices, beliefs and "
    "cultural messages the room voted for most.",
    root_causes,
    supports=("needs_assessment",),
)
