"""The self-assessment's section of the reflection summary: the last release only.

Built from the same ``room_results`` as the shared screen, so the export holds
exactly what the room was allowed to see: no individual answer, no private
reflection, no name, and nothing newer than the last batch. Each variant of the
inventory is reported on its own (its statements differ from the others').
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
    """Typical answers per domain and variant, identities named by enough people,
    the zone shift."""
    import pandas as pd

    from facilitate.activities.self_assessment.charts import (
        domain_figure,
        identity_figure,
        zone_figure,
    )
    from facilitate.activities.self_assessment.content import load_self_assessment
    from facilitate.activities.self_assessment.metrics import (
        identities_note,
        room_results,
        variant_waits,
    )

    content = load_self_assessment()
    results = room_results(records, content)
    k = results.inventory.k
    notes = [results.inventory.progress()]
    figures = []
    tables = {}
    domains, waiting = [], []
    for variant in results.variants:
        if variant.domains is None:
            waiting.append(variant.variant.label)
            continue
        figures.append(domain_figure(variant.domains, variant.variant, content, k))
        domains.append(variant.domains.assign(variant=variant.variant.label))
    if waiting:
        notes.append(variant_waits(", ".join(waiting), k))
    if domains:
        tables["self_assessment_domains"] = pd.concat(domains, ignore_index=True)[
            ["variant", "title", "label", "count", "share"]
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
