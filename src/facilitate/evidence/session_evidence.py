"""The session's own figures, attached to the pack as evidence: released ones only.

Each item is read from an activity's report part (found through the agenda, never
imported) or from the summary's cover, which hold exactly what the release gate let
through: counts of at least k people, withheld cells marked "withheld", never an
individual's answer or name. Items are plain strings, so the page and the pack
render them alike, and each names the reflection summary's section it comes from.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from facilitate.core.agenda import current_agenda
from facilitate.core.cover import cover_facts
from facilitate.core.events import Recorded
from facilitate.core.release import release_k
from facilitate.core.report import ReportPart
from facilitate.core.roster import roster_of
from facilitate.core.sessions import SessionInfo

log = logging.getLogger(__name__)
WITHHELD = "withheld"
#: Each item's title, known before any figure is built (the rubric's link options).
TITLES = {
    "zones": "Comfort, risk and danger zones: start → end",
    "tensions": "Top tensions in the shared-vision alignment",
    "roles": "Who was present, by role",
    "participation": "Participation equity",
    "feedback": "Participants' anonymous ratings of the facilitation",
    "root_causes": "A finding from the district's data and the room's root causes",
}
#: Where each item's full figures are in the reflection summary (its section ids).
SUMMARY_SECTIONS = {
    "zones": "self_assessment",
    "tensions": "alignment",
    "roles": "cover",
    "participation": "participation",
    "feedback": "feedback",
    "root_causes": "root_cause",
}


def summary_anchor(section: str) -> str:
    """The id of a reflection-summary section: its cover, or an activity's part."""
    return section if section == "cover" else f"part-{section}"


@dataclass(frozen=True)
class EvidenceTable:
    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class EvidenceItem:
    """One released figure of the session, ready to show or print."""

    key: str
    title: str
    about: str
    summary_section: str
    tables: tuple[EvidenceTable, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def available(self) -> bool:
        return bool(self.tables)


def cell(value: Any) -> str:
    """A released value as text; a withheld (missing) one says so."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return WITHHELD
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(value)


def report_part(
    records: Sequence[Recorded], session: SessionInfo, activity: str
) -> ReportPart | None:
    """The activity's summary part, through the agenda; None if absent or broken."""
    spec = current_agenda().activity(activity)
    if spec is None or spec.report is None:
        return None
    try:
        built = spec.report.load()(records, session)
    except Exception:
        log.exception("evidence from %s could not be built", activity)
        return None
    parts = built if isinstance(built, list) else [built]
    return next((p for p in parts if p.key == activity), parts[0] if parts else None)


def zones(records: Sequence[Recorded], session: SessionInfo) -> EvidenceItem:
    part = report_part(records, session, "self_assessment")
    k = release_k(roster_of(records), session)
    item = EvidenceItem(
        "zones",
        TITLES["zones"],
        "How many people placed themselves in each zone when the session began and "
        "when it ended, as released to the room.",
        SUMMARY_SECTIONS["zones"],
    )
    table = part.tables.get("self_assessment_zones") if part else None
    if table is None:
        return _missing(item, part, "The zone check was not released.")
    labels = list(dict.fromkeys(table["label"]))
    counts = {(m, lab): c for m, lab, c in table[["moment", "label", "count"]].values}
    rows = tuple(
        (str(lab), cell(counts.get(("start", lab))), cell(counts.get(("end", lab))))
        for lab in labels
    )
    return _with(
        item,
        EvidenceTable("People per zone", ("Zone", "At the start", "At the end"), rows),
        f"Counts of people; groups smaller than {k} are withheld.",
    )


def tensions(records: Sequence[Recorded], session: SessionInfo) -> EvidenceItem:
    part = report_part(records, session, "alignment")
    item = EvidenceItem(
        "tensions",
        TITLES["tensions"],
        "Practices where the room split, or where practice and vision pull apart.",
        SUMMARY_SECTIONS["tensions"],
    )
    table = part.tables.get("alignment_tensions") if part else None
    if table is None:
        return _missing(item, part, "The alignment exercise was not released.")
    rows = tuple(
        (str(label), str(agreement), f"{gap:+.1f}")
        for label, agreement, gap in table[["label", "agreement", "gap"]].values
    )
    columns = ("Practice", "How the room placed it", "Vision minus now (1–5)")
    return _with(
        item,
        EvidenceTable("Top tensions", columns, rows),
        *[str(p) for p in table["prompt"].head(3)],
    )


def roles(records: Sequence[Recorded], session: SessionInfo) -> EvidenceItem:
    cover = cover_facts(records, session)
    item = EvidenceItem(
        "roles",
        TITLES["roles"],
        "The roles in the room, counted only where at least k people share one.",
        SUMMARY_SECTIONS["roles"],
    )
    if not cover.present:
        return _missing(item, None, "Nobody joined this session.")
    rows = tuple((role, str(n)) for role, n in cover.roles)
    table = EvidenceTable("People per role", ("Role", "People"), rows)
    notes = [f"{cover.present} people were present.", cover.roles_note]
    return _with(item, table, *[n for n in notes if n])


def participation(records: Sequence[Recorded], session: SessionInfo) -> EvidenceItem:
    part = report_part(records, session, "participation")
    item = EvidenceItem(
        "participation",
        TITLES["participation"],
        "Who talked and how much, as group figures and by role, never by name.",
        SUMMARY_SECTIONS["participation"],
    )
    group = part.tables.get("participation_group") if part else None
    if group is None or part is None:
        return _missing(item, part, "No talk was tracked.")
    names = {
        "people": "People in the discussion",
        "not_heard": "People not heard",
        "turns": "Turns",
        "talk_minutes": "Minutes of talk",
        "gini": "Gini of talk time (0 even, 1 one voice)",
        "evenness": "Evenness (1 even)",
    }
    first = group.iloc[0]
    rows = tuple((label, cell(first.get(key))) for key, label in names.items())
    tables = [EvidenceTable("The group", ("Figure", "Value"), rows)]
    by_role = part.tables.get("participation_equity_by_role")
    if by_role is not None and len(by_role):
        columns = ["role", "people", "people_share", "talk_share", "contribution_share"]
        tables.append(
            EvidenceTable(
                "By role (roles of at least k people)",
                (
                    "Role",
                    "People",
                    "Share of people",
                    "Share of talk",
                    "Share of input",
                ),
                tuple(tuple(cell(v) for v in row) for row in by_role[columns].values),
            )
        )
    return replace(item, tables=tuple(tables), notes=tuple(part.notes))


def feedback(records: Sequence[Recorded], session: SessionInfo) -> EvidenceItem:
    part = report_part(records, session, "feedback")
    item = EvidenceItem(
        "feedback",
        TITLES["feedback"],
        "How many people chose each rating, from 1 (strongly disagree) to 5 "
        "(strongly agree), as released to the room.",
        SUMMARY_SECTIONS["feedback"],
    )
    table = part.tables.get("feedback_ratings") if part else None
    if table is None:
        return _missing(item, part, "Feedback was not released.")
    rated = [f"rated_{n}" for n in range(1, 6)]
    rows = tuple(
        (str(row[0]), *(cell(v) for v in row[1:]))
        for row in table[["statement", *rated]].values
    )
    columns = ("Statement", "1", "2", "3", "4", "5")
    return _with(item, EvidenceTable("People per rating", columns, rows))


def root_causes(records: Sequence[Recorded], session: SessionInfo) -> EvidenceItem:
    """The needs assessment's quantitative finding and the room's causes for it."""
    part = report_part(records, session, "root_cause")
    item = EvidenceItem(
        "root_causes",
        TITLES["root_causes"],
        "What the equity audit of the district's data found, as shared with the "
        "room (released figures only), and the policies, practices, beliefs and "
        "cultural messages the room voted for most.",
        SUMMARY_SECTIONS["root_causes"],
    )
    findings = part.tables.get("root_cause_findings") if part else None
    if part is None or findings is None or findings.empty:
        return _missing(item, part, "No finding from the audit was shared.")
    rows = tuple((str(f), str(d)) for f, d in findings[["finding", "detail"]].values)
    tables = [EvidenceTable("Shared with the room", ("Finding", "Figures"), rows)]
    top = part.tables.get("root_causes_top")
    if top is not None and len(top):
        causes = tuple(
            tuple(str(v) for v in row)
            for row in top[["category", "cause", "votes"]].values
        )
        columns = ("Kind of cause", "Cause", "Votes")
        tables.append(EvidenceTable("The room's top causes", columns, causes))
    notes = [n for n in part.notes if n.startswith("No cause had")]
    return replace(item, tables=tuple(tables), notes=tuple(notes))


BUILDERS: dict[str, Callable[[Sequence[Recorded], SessionInfo], EvidenceItem]] = {
    "zones": zones,
    "tensions": tensions,
    "roles": roles,
    "participation": participation,
    "feedback": feedback,
    "root_causes": root_causes,
}


def session_evidence(
    records: Sequence[Recorded], session: SessionInfo
) -> dict[str, EvidenceItem]:
    """Every item, keyed; one that fails says so instead of losing the pack."""
    items = {}
    for key, build in BUILDERS.items():
        try:
            items[key] = build(records, session)
        except Exception:
            log.exception("evidence item %s failed", key)
            items[key] = EvidenceItem(
                key, TITLES[key], "", "", notes=("This evidence could not be built.",)
            )
    return items


def _with(item: EvidenceItem, table: EvidenceTable, *notes: str) -> EvidenceItem:
    return replace(item, tables=(table,), notes=notes)


def _missing(item: EvidenceItem, part: ReportPart | None, why: str) -> EvidenceItem:
    """The item without figures, saying why (the part's own words if it has any)."""
    return replace(item, notes=tuple(part.notes) if part and part.notes else (why,))
