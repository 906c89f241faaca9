"""The shared-vision alignment exercise: practices between extrinsic and intrinsic."""

from __future__ import annotations

from facilitate.activities.alignment.events import (
    PracticeAdded,
    PracticeRated,
    VisionOffered,
)
from facilitate.core.agenda import ANSWER, ActivitySpec, Phase, lazy

SPEC = ActivitySpec(
    key="alignment",
    phase=Phase(
        "alignment",
        "Shared vision alignment",
        "Place our practices between extrinsic reward and intrinsic community.",
    ),
    events=(PracticeAdded, PracticeRated, VisionOffered),
    participant=lazy(__package__, "participant:AlignmentActivity"),
    display=lazy(__package__, "display:AlignmentPanel"),
    controls=lazy(__package__, "controls:AlignmentControls"),
    guide=lazy(__package__, "guide:GUIDE"),
    report=lazy(__package__, "report:alignment_part"),
    demo=lazy(__package__, "demo:seed_alignment"),
    evidence=lazy(__package__, "evidence:EVIDENCE"),
    comparison=lazy(__package__, "comparison:compare_practices"),
    contributions=(VisionOffered.kind,),
    unseen_by_participants=(PracticeRated.kind, VisionOffered.kind),
    # every number it shares is an answer: it passes k everywhere
    numbers=(
        ("ratings", ANSWER),
        ("tensions", ANSWER),
        ("vision_words", ANSWER),
    ),
)
