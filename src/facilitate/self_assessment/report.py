"""The self-assessment's section of the reflection summary: aggregates only.

Built from the same pure metrics as the console, with the same k rule, so the
export can never hold more than the room was allowed to see: no individual answer,
no private reflection, no name.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitate.config import SMALLEST_ALLOWED_GROUP_SIZE
from facilitate.events import (
    IdentityReflected,
    Recorded,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
    ZoneChecked,
)
from facilitate.report_parts import ReportPart
from facilitate.roster import roster_of
from facilitate.sessions import SessionInfo


def self_assessment_part(
    records: Sequence[Recorded], session: SessionInfo
) -> ReportPart:
    """Finished count, domain distributions, identity counts and the zone shift."""
    from facilitate.charts.self_assessment import (
        domain_figure,
        identity_figure,
        zone_figure,
    )
    from facilitate.frames import kind_frame
    from facilitate.metrics import self_assessment as metrics
    from facilitate.self_assessment.content import load_self_assessment

    content = load_self_assessment()
    k = max(
        roster_of(records).min_group_size(session.min_group_size),
        SMALLEST_ALLOWED_GROUP_SIZE,
    )
    submitted = kind_frame(records, SelfAssessmentSubmitted.kind)
    latest = metrics.submitted_answers(
        kind_frame(records, SelfAssessmentAnswered.kind), submitted
    )
    reflections = kind_frame(records, IdentityReflected.kind)
    zones = kind_frame(records, ZoneChecked.kind)
    distribution = metrics.domain_distribution(latest, content, k)
    identities = metrics.identity_counts(reflections, submitted, content, k)
    shift = metrics.zone_counts(zones, content, k)
    people = metrics.domain_people(latest, content)
    notes = [
        f"{metrics.finished_count(submitted)} people finished the self-assessment."
    ]
    notes += metrics.domain_notes(people, k)
    figures = [
        make(frame, content)
        for frame, make in (
            (distribution, domain_figure),
            (identities, identity_figure),
            (shift, zone_figure),
        )
        if not frame.empty
    ]
    return ReportPart(
        key="self_assessment",
        heading="Self-assessment: where we stand as a group",
        figures=figures,
        tables={
            "self_assessment_domains": distribution[
                ["title", "label", "count", "share"]
            ],
            "self_assessment_identities": identities[["question", "label", "count"]],
            "self_assessment_zones": shift[["moment", "label", "count"]],
        },
        notes=notes,
    )
