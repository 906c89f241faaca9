"""The closing phase: anonymous feedback on how the session was facilitated."""

from __future__ import annotations

from facilitate.activities.feedback.events import (
    FeedbackContent,
    FeedbackGiven,
    FeedbackSent,
)
from facilitate.core.agenda import ANSWER, ActivitySpec, Phase, lazy

SPEC = ActivitySpec(
    key="feedback",
    phase=Phase(
        "reflection",
        "Reflection & feedback",
        "Tell us how this session supported equitable collaboration.",
    ),
    events=(FeedbackSent, FeedbackContent, FeedbackGiven),
    unseen_by_participants=(
        FeedbackSent.kind,
        FeedbackContent.kind,
        FeedbackGiven.kind,
    ),
    participant=lazy(__package__, "participant:FeedbackActivity"),
    display=lazy(__package__, "display:FeedbackPanel"),
    controls=lazy(__package__, "controls:FeedbackControls"),
    guide=lazy(__package__, "guide:GUIDE"),
    report=lazy(__package__, "report:feedback_part"),
    demo=lazy(__package__, "demo:seed_feedback"),
    evidence=lazy(__package__, "evidence:EVIDENCE"),
    comparison=lazy(__package__, "comparison:compare_feedback"),
    # every number it shares is an answer: it passes k everywhere
    numbers=(("ratings", ANSWER),),
)
