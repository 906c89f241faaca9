"""The session's own figures, attached to the pack as evidence: released ones only.

The items come from the agenda: each activity whose spec names an ``evidence``
part (``facilitate.core.evidence``) fills its item from its own summary part,
which holds exactly what the release gate let through. The one item no activity
owns, who was present by role, is read from the summary's cover and comes first.
Items are plain strings, so the page and the pack render them alike, and each
names the reflection summary's section it comes from. Pure Python until an item
is built, so the credential's content can check its links against ``titles()``.

An item that raises while it is built says so ("could not be built") instead of
losing the whole pack on the live page; the error is logged and the item marked
``failed``, so tests fail on it rather than on a quietly missing figure.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from facilitate.core.agenda import AgendaError, Lazy, current_agenda
from facilitate.core.cover import cover_facts
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

log = logging.getLogger(__name__)
COVER = "cover"
COULD_NOT_BUILD = "This evidence could not be built."


def summary_anchor(section: str) -> str:
    """The id of a reflection-summary section: its cover, or an activity's part."""
    return section if section == COVER else f"part-{section}"


def roles(
    item: EvidenceItem,
    part: ReportPart | None,
    records: Sequence[Recorded],
    session: SessionInfo,
) -> EvidenceItem:
    """The roles in the room from the summary's cover, every one counted exactly
    (who was present is an observation the whole room made, not an answer)."""
    cover = cover_facts(records, session)
    if not cover.present:
        return missing(item, None, "Nobody joined this session.")
    rows = tuple((role, str(n)) for role, n in cover.roles)
    table = EvidenceTable("People per role", ("Role", "People"), rows)
    notes = [f"{cover.present} people were present.", cover.roles_note]
    return with_table(item, table, *[n for n in notes if n])


ROLES = EvidencePart(
    "roles",
    "Who was present, by role",
    "Every role in the room, counted exactly, as everyone present saw it.",
    roles,
)


@dataclass(frozen=True)
class Source:
    """Where an item comes from: its summary section and, for an activity, the
    summary part it reads."""

    section: str
    part: EvidencePart
    report: Lazy | None = None


def sources() -> list[Source]:
    """The cover's item, then each activity's in agenda order; keys unique."""
    found = [Source(COVER, ROLES)]
    for spec, part in current_agenda().loaded("evidence"):
        if not isinstance(part, EvidencePart):
            raise AgendaError(
                f"The activity '{spec.key}' names {part!r} as its evidence; "
                "point it at an EvidencePart."
            )
        if part.key in {s.part.key for s in found}:
            raise AgendaError(f"Two evidence parts use the key '{part.key}'.")
        found.append(Source(spec.key, part, spec.report))
    return found


def titles() -> dict[str, str]:
    """Each item's title by key, known before any figure is built."""
    return {source.part.key: source.part.title for source in sources()}


def supporting(part: str) -> tuple[str, ...]:
    """The keys of the items an activity attaches to the credential's ``part``,
    in agenda order (each ``EvidencePart.supports`` names its parts)."""
    return tuple(s.part.key for s in sources() if part in s.part.supports)


def summary_sections() -> dict[str, str]:
    """Where each item's full figures are in the reflection summary."""
    return {source.part.key: source.section for source in sources()}


def summary_part(
    source: Source, records: Sequence[Recorded], session: SessionInfo
) -> ReportPart | None:
    """The activity's own summary part (the one with its key), if it has one."""
    if source.report is None:
        return None
    built = source.report.load()(records, session)
    parts = built if isinstance(built, list) else [built]
    return next((p for p in parts if p.key == source.section), None)


def session_evidence(
    records: Sequence[Recorded], session: SessionInfo
) -> dict[str, EvidenceItem]:
    """Every item, keyed; one that fails says so instead of losing the pack."""
    items = {}
    for source in sources():
        item = source.part.empty(source.section)
        try:
            part = summary_part(source, records, session)
            items[item.key] = source.part.build(item, part, records, session)
        except Exception:
            log.exception("evidence item %s could not be built", item.key)
            items[item.key] = replace(item, notes=(COULD_NOT_BUILD,), failed=True)
    return items
