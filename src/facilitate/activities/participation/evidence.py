"""Participation's item in the evidence pack: group figures and roles, no names.

Every role is shown exactly, however small: who was present and who talked how
much were seen by the whole room (observations, see ``roles.py``), and a room
that held two family members must be able to show they were there and whether
they were heard. Written contributions by role stay answers: blank under k.
"""

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
FOLLOWS_TABLE = "participation_follows_by_role"
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
    "turns": "Turns",
    "contribution_share": "Share of input",
}
FOLLOW_COLUMNS = {"from_role": "Spoke", "to_role": "Then", "count": "Times"}


def participation(
    item: EvidenceItem,
    part: ReportPart | None,
    records: Sequence[Recorded],
    session: SessionInfo,
) -> EvidenceItem:
    """The group's figures, then every role's shares, then who followed whom."""
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
                "By role (every role present, as the room saw it)",
                tuple(ROLE_COLUMNS.values()),
                tuple(tuple(cell(v) for v in row) for row in values),
            )
        )
    follows = part.tables.get(FOLLOWS_TABLE)
    if follows is not None and len(follows):
        tables.append(
            EvidenceTable(
                "Who spoke after whom, by role",
                tuple(FOLLOW_COLUMNS.values()),
                tuple(
                    tuple(cell(v) for v in row)
                    for row in follows[list(FOLLOW_COLUMNS)].values
                ),
            )
        )
    return replace(item, tables=tuple(tables), notes=tuple(part.notes))


EVIDENCE = EvidencePart(
    "participation",
    "Participation equity",
    "Who talked and how much, as group figures and exactly by role, never by name.",
    participation,
    supports=("building_capacity", "reflection"),
)
