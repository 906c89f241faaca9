"""The self-assessment's section of the reflection summary: the last release only.

Built from the same ``room_results`` as the shared screen, so the export holds
exactly what the room was allowed to see: no individual answer, no private
reflection, no name, and nothing newer than the last batch.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.core.events import Recorded
from facilitate.core.report import ReportPart
from facilitate.core.sessions import SessionInfo

HEADING = "Self-assessment: where we stand as a group"


def self_assessment_part(
    records: Sequence[Recorded], session: SessionInfo
) -> ReportPart:
    """Typical answers per domain, identities named by enough people, the zone shift."""
    from facilitate.activities.self_assessment.charts import (
        domain_figure,
        identity_figure,
        zone_figure,
    )
    from facilitate.activities.self_assessment.content import load_self_assessment
    from facilitate.activities.self_assessment.metrics import (
        identities_note,
        room_results,
    )
    from facilitate.core.release import shown_once

    content = load_self_assessment()
    results = room_results(records, content)
    k = results.inventory.k
    notes = [results.inventory.progress()]
    figures = []
    tables = {}
    if results.domains is None:
        notes.append(shown_once(k, "people have finished"))
    else:
        figures.append(domain_figure(results.domains, content, k))
        tables["self_assessment_domains"] = results.domains[
            ["title", "label", "count", "share"]
        ]
    if results.identities is not None:
        shown = results.identities.loc[~results.identities["hidden"]]
        if len(shown):
            figures.append(identity_figure(results.identities, content))
        tables["self_assessment_identities"] = shown[["question", "label", "count"]]
        notes.append(identities_note(results.identities, k))
    if results.zones is not None:
        figures.append(zone_figure(results.zones, content, k))
        tables["self_assessment_zones"] = results.zones[["moment", "label", "count"]]
    return ReportPart(
        key="self_assessment",
        heading=HEADING,
        figures=figures,
        tables=tables,
        notes=[note for note in notes if note],
    )
