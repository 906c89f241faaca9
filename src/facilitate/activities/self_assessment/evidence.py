"""The self-assessment's item in the evidence pack: the zones, start and end."""

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
from facilitate.core.group_size import release_k
from facilitate.core.roster import roster_of
from facilitate.core.sessions import SessionInfo

if TYPE_CHECKING:
    from facilitate.core.report import ReportPart

#: The summary part's table this item reads (see ``report.py``).
ZONES_TABLE = "self_assessment_zones"


def zones(
    item: EvidenceItem,
    part: ReportPart | None,
    records: Sequence[Recorded],
    session: SessionInfo,
) -> EvidenceItem:
    """People per zone at the start and at the end, withheld cells said so."""
    table = part.tables.get(ZONES_TABLE) if part else None
    if table is None:
        return missing(item, part, "The zone check was not released.")
    k = release_k(roster_of(records), session)
    labels = list(dict.fromkeys(table["label"]))
    counts = {(m, lab): c for m, lab, c in table[["moment", "label", "count"]].values}
    rows = tuple(
        (str(lab), _at(counts, "start", lab), _at(counts, "end", lab)) for lab in labels
    )
    return with_table(
        item,
        EvidenceTable("People per zone", ("Zone", "At the start", "At the end"), rows),
        f"Counts of people; groups smaller than {k} are withheld.",
    )


def _at(counts: dict[tuple[str, str], object], moment: str, label: str) -> str:
    """A group's people at one moment; "—" where that moment's zones were
    grouped differently (e.g. "Comfort zone or risk zone" at the end)."""
    if (moment, label) not in counts:
        return "—"
    return cell(counts[(moment, label)])


EVIDENCE = EvidencePart(
    "zones",
    "Comfort, risk and danger zones: start → end",
    "How many people placed themselves in each zone when the session began and "
    "when it ended, as released to the room.",
    zones,
    supports=("awareness",),
)
