"""What an activity contributes to the leader's evidence pack: one released figure.

Each activity's spec may name an ``EvidencePart`` (its ``evidence`` reference):
the item's key (what the credential's parts and the rubric links name), its title
(known before any figure is built, so the rubric can offer it as a link), what it
shows, and a builder that reads the activity's own summary part. The part holds
exactly what the release gate let through, so an item never shows an
individual's answer or name. ``facilitate.evidence`` asks the agenda for the
parts; nothing there names an activity. Pure Python (no pandas): the parts are
loaded to list the titles on light pages too.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from facilitate.core.events import Recorded
from facilitate.core.sessions import SessionInfo

if TYPE_CHECKING:
    from facilitate.core.report import ReportPart

WITHHELD = "withheld"


@dataclass(frozen=True)
class EvidenceTable:
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class EvidenceItem:
    """One released figure of the session, ready to show or print.

    ``summary_section`` is where the reflection summary holds its full figures
    (the activity's key, or ``cover``). ``failed`` marks an item whose building
    raised: the page says so instead of losing the pack, and tests fail on it.
    """

    key: str
    title: str
    about: str
    summary_section: str
    tables: tuple[EvidenceTable, ...] = ()
    notes: tuple[str, ...] = ()
    failed: bool = False

    @property
    def available(self) -> bool:
        return bool(self.tables)


EvidenceBuilder = Callable[
    ["EvidenceItem", "ReportPart | None", Sequence[Recorded], SessionInfo],
    EvidenceItem,
]


@dataclass(frozen=True)
class EvidencePart:
    """An activity's item: its key, title and description, and how to fill it.

    ``build(item, part, records, session)`` returns ``item`` with its tables and
    notes, from ``part``: the activity's summary part (None if it has none).
    ``supports`` names the credential's parts (keys in ``evidence.yaml``) the item
    is attached to, so the credential's file never names an activity's item.
    """

    key: str
    title: str
    about: str
    build: EvidenceBuilder
    supports: tuple[str, ...] = ()

    def empty(self, summary_section: str) -> EvidenceItem:
        return EvidenceItem(self.key, self.title, self.about, summary_section)


def cell(value: Any) -> str:
    """A released value as text; a withheld (missing) one says so."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return WITHHELD
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def with_table(item: EvidenceItem, table: EvidenceTable, *notes: str) -> EvidenceItem:
    return replace(item, tables=(table,), notes=notes)


def missing(item: EvidenceItem, part: ReportPart | None, why: str) -> EvidenceItem:
    """The item without figures, saying why (the part's own words if it has any)."""
    return replace(item, notes=tuple(part.notes) if part and part.notes else (why,))
