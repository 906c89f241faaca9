"""Participation's item in the evidence pack: group figures and roles, no names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from facilitate.core.events import Recorded
from facilitate.core.evidence import (
    EvidenceItem,
    EvidencePart,
    EvidenceTable,
    cell,
    missing,
)
from facilitate.core.sessions import SessionInfo

if TYPE_CHECKING:
    from facilitate.core.report import ReportPart

#: The summary part's tables this item reads (see ``report.py``).
GROUP_TABLE = "participation_group"
ROLES_TABLE = "participation_equity_by_role"
FIGURES = {
    "people": "People in the discussion",
    "not_heard": "People not heard",
    "turns": "Turns",
    "talk_minutes": "Minutes of talk",
    "gini": "Gini of talk time (0 even, 1 one voice)",
    "evenness": "Evenness (1 even)",
}
ROLE_COLUMNS = {
    "role": "Role",
    "people": "People",
    "people_share": "Share of people",
    "talk_share": "Share of talk",
    "contribution_share": "Share of input",
}


def participation(
    item: EvidenceItem,
    part: ReportPart | None,
    records: Sequence[Recorded],
    session: SessionInfo,
) -> EvidenceItem:
    """The group's figures, then the released roles' shares."""
    group = part.tables.get(GROUP_TABLE) if part else None
    if group is None or part is None:
        return missing(item, part, "No talk was tracked.")
    first = group.iloc[0]
    rows = tuple((label, cell(first.get(key))) for key, label in FIGURES.items())
    tables = [EvidenceTable("The group", ("Figure", "Value"), rows)]
    by_role = part.tables.get(ROLES_TABLE)
    if by_role is not None and len(by_role):
        values = by_role[list(ROLE_COLUMNS)].values
        tables.append(
            EvidenceTable(
                "By role (roles of at least k people)",
                tuple(ROLE_COLUMNS.values()),
                tuple(tuple(cell(v) for v in row) for row in values),
            )
        )
    return replace(item, tables=tuple(tables), notes=tuple(part.notes))


EVIDENCE = EvidencePart(
    "participation",
    "Participation equity",
    "Who talked and how much, as group figures and by role, never by name.",
    participation,
)
