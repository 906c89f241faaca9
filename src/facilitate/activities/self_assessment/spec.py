"""The anonymous self-assessment of bias and privilege, with comfort zones."""

from __future__ import annotations

from facilitate.activities.self_assessment.events import (
    IdentityReflected,
    PrivateReflectionSaved,
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
    ZoneChecked,
)
from facilitate.core.agenda import ANSWER, ActivitySpec, Phase, lazy

EVENTS = (
    SelfAssessmentAnswered,
    SelfAssessmentSubmitted,
    IdentityReflected,
    ZoneChecked,
    PrivateReflectionSaved,
)

SPEC = ActivitySpec(
    key="self_assessment",
    phase=Phase(
        "self_assessment",
        "Self-assessment",
        "Look honestly at how identity, privilege and bias shape what you do.",
    ),
    events=EVENTS,
    unseen_by_participants=tuple(event.kind for event in EVENTS),  # all private
    participant=lazy(__package__, "participant:SelfAssessmentActivity"),
    display=lazy(__package__, "display:SelfAssessmentPanel"),
    controls=lazy(__package__, "controls:SelfAssessmentControls"),
    guide=lazy(__package__, "guide:GUIDE"),
    closing=lazy(__package__, "zone:end_zone_check"),
    report=lazy(__package__, "report:self_assessment_part"),
    demo=lazy(__package__, "demo:seed_self_assessment"),
    evidence=lazy(__package__, "evidence:EVIDENCE"),
    comparison=lazy(__package__, "comparison:compare_zones"),
    # every number it shares is an answer: it passes k everywhere
    numbers=(
        ("answers", ANSWER),
        ("answers_by_role", ANSWER),
        ("zones", ANSWER),
        ("identities", ANSWER),
    ),
)
